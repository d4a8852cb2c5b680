"""Typed inputs (date, datetime-local, time, number) carry the value the browser can read, in
every language: a localised value (``02-12-2026``, ``09.05``, ``1,5``) shows as an empty field
and is lost on the next save (STYLE "Templates and UI"). Walks every form of every app."""

from __future__ import annotations

import importlib
import inspect
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.forms.widgets import DateTimeBaseInput
from django.utils import translation

import naungan

ROOT = Path(naungan.__file__).parent
ISO = {
    "date": (date(2026, 12, 2), "2026-12-02"),
    "datetime-local": (datetime(2026, 12, 2, 9, 5), "2026-12-02T09:05"),
    "time": (time(9, 5), "09:05"),
}


def _form_modules() -> list[str]:
    paths = [p for p in ROOT.rglob("forms*.py") if "tests" not in p.parts]
    paths += [p for p in ROOT.rglob("forms/*.py") if "tests" not in p.parts]
    names = {
        ".".join(("naungan", *p.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__")
        for p in paths
    }
    return sorted(names)


def _typed_fields() -> list[tuple[str, forms.Field]]:
    out = []
    for name in _form_modules():
        module = importlib.import_module(name)
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, forms.BaseForm) or cls.__module__ != module.__name__:
                continue
            for field_name, field in cls.base_fields.items():
                if isinstance(field.widget, (DateTimeBaseInput, forms.NumberInput)):
                    out.append((f"{cls_name}.{field_name}", field))
    return out


TYPED_FIELDS = _typed_fields()
DATE_FIELDS = [(n, f) for n, f in TYPED_FIELDS if isinstance(f.widget, DateTimeBaseInput)]
NUMBER_FIELDS = [(n, f) for n, f in TYPED_FIELDS if isinstance(f.widget, forms.NumberInput)]


def _rendered(field: forms.Field, value: Any) -> tuple[str, str]:
    html = field.widget.render("f", value)
    kind = re.search(r'type="([^"]+)"', html)
    shown = re.search(r'value="([^"]*)"', html)
    return (kind.group(1) if kind else ""), (shown.group(1) if shown else "")


def test_the_forms_of_the_apps_have_typed_inputs_to_check():
    names = {n for n, _ in DATE_FIELDS}
    assert {"PlanActionForm.due_on", "MonitoringForm.reviewed_on"} <= names
    assert {"MonitoringForm.next_review_on", "CaseCreateForm.received_at"} <= names
    assert NUMBER_FIELDS


def test_every_date_and_time_input_is_a_shared_iso_widget():
    from naungan.core import widgets

    shared = (widgets.DateInput, widgets.DateTimeInput, widgets.TimeInput)
    assert [n for n, f in DATE_FIELDS if not isinstance(f.widget, shared)] == []


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(("name", "field"), DATE_FIELDS, ids=[n for n, _ in DATE_FIELDS])
def test_every_date_and_time_input_renders_an_iso_value_in_every_language(name, field, language):
    with translation.override(language):
        kind, _shown = _rendered(field, date(2026, 12, 2))
        assert kind in ISO, f"{name} renders type={kind!r}, not a typed date/time input"
        value, iso = ISO[kind]
        assert _rendered(field, value) == (kind, iso)
        # What the browser sends back is read in this language too.
        cleaned = field.clean(iso)
        assert cleaned is not None
        assert cleaned.isoformat()[: len(iso)].replace(" ", "T") == iso


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(("name", "field"), NUMBER_FIELDS, ids=[n for n, _ in NUMBER_FIELDS])
def test_every_number_input_renders_without_separators_in_every_language(name, field, language):
    with translation.override(language):
        kind, shown = _rendered(field, Decimal("12345.5"))
    assert kind == "number"
    assert shown in {"12345.5", "12345"}, name
