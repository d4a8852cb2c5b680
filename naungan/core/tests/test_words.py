"""The word helpers every page, export and PDF uses (``naungan.core.words``, ``{% load words %}``)
and the one date format of each language (``naungan/formats``)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
from django import forms
from django.template import Context, Template
from django.utils import formats, translation

from naungan.core import words


@pytest.fixture(autouse=True)
def _indonesian():
    """The user's language is Indonesian unless a test says otherwise (an earlier test's
    request may have left another language active in this thread)."""
    with translation.override("id"):
        yield


def test_violence_types_are_labels_in_the_active_language():
    assert words.violence_labels(["physical", "psychological"]) == "Fisik, Psikis"
    with translation.override("en"):
        assert words.violence_labels(["neglect", "sexual"]) == "Neglect, Sexual"
    assert words.violence_labels(None) == ""


def test_unknown_age_and_sex_are_written_as_such():
    assert words.age_text(None) == "usia tidak diketahui"
    assert words.age_text(0) == "0 tahun"  # a baby: known, not unknown
    assert words.age_text(15) == "15 tahun"
    assert words.sex_text("") == "jenis kelamin tidak diketahui"
    assert words.sex_text(None) == "jenis kelamin tidak diketahui"
    assert words.sex_text("F") == "Perempuan"


def _user(username: str, first: str = "", last: str = "") -> SimpleNamespace:
    return SimpleNamespace(
        get_full_name=lambda: f"{first} {last}".strip(), get_username=lambda: username
    )


def test_a_person_is_named_by_full_name_and_by_username_only_without_one():
    assert words.person_name(_user("pendamping_bpp", "Dewi", "Sartika")) == "Dewi Sartika"
    assert words.person_name(_user("pendamping_bpp")) == "pendamping_bpp"
    assert words.person_name(None) == ""


def test_the_template_filters_use_the_same_words():
    html = Template(
        "{% load words %}{{ v|violence_labels }} · {{ a|age }} · {{ s|sex }} · {{ u|person }}"
    ).render(Context({"v": ["sexual"], "a": None, "s": "", "u": _user("x", "Ayu", "Lestari")}))
    assert html == "Seksual · usia tidak diketahui · jenis kelamin tidak diketahui · Ayu Lestari"


@pytest.mark.parametrize(
    ("language", "day", "moment"),
    [("id", "5 Mei 2026", "5 Mei 2026 14:30"), ("en", "5 May 2026", "5 May 2026 14:30")],
)
def test_one_date_and_one_datetime_format_per_language(language, day, moment):
    with translation.override(language):
        assert formats.date_format(date(2026, 5, 5)) == day
        assert formats.date_format(datetime(2026, 5, 5, 14, 30), "DATETIME_FORMAT") == moment
        assert Template("{{ d|date }}").render(Context({"d": date(2026, 5, 5)})) == day


def test_times_are_shown_in_the_areas_zone():
    at = datetime(2026, 5, 5, 6, 30, tzinfo=UTC)
    assert words.local_datetime(at, "Asia/Jakarta") == "5 Mei 2026 13:30"  # WIB
    assert words.local_datetime(at, "Asia/Makassar") == "5 Mei 2026 14:30"  # WITA
    assert words.local_datetime(None, "Asia/Makassar") == ""


def test_every_select_offers_the_same_indonesian_empty_choice():
    """Set once (``CoreConfig.ready``) for model choices and ModelChoiceField alike."""
    from django.contrib.auth import get_user_model
    from django.db import models

    by_model = models.CharField(choices=[("a", "A")], blank=True).formfield()
    assert str(dict(by_model.choices)[""]) == "— Pilih —"
    chooser = forms.ModelChoiceField(queryset=get_user_model().objects.none())
    assert str(chooser.empty_label) == "— Pilih —"
    with translation.override("id"):
        assert "Select an option" not in str(forms.Select(choices=by_model.choices).render("x", ""))
