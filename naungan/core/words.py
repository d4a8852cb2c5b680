"""Words for what a person reads (issue 11: words, not codes).

One helper each, used by the templates (``{% load words %}``), the exports and the PDF:

* ``labels``: vocabulary codes → their labels in the active language ("Fisik, Seksual");
* ``age_text`` / ``sex_text``: an age or sex, or that it is unknown ("usia tidak diketahui");
* ``person_name``: a person's full name, their username only when no name was entered;
* ``EMPTY_CHOICE_LABEL``: the empty choice of every select ("— Pilih —"), installed for all
  forms by ``CoreConfig.ready``.

Dates use the one format of each language (``naungan/formats/<lang>/formats.py``) through
``|date`` / ``|date:"DATETIME_FORMAT"`` and ``local_datetime``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .vocabulary import Sex, ViolenceType

EMPTY_CHOICE_LABEL = gettext_lazy("— Pilih —")

# Who did it, when nobody signed in did (``AuditEvent.actor_label``), and how it ended
# (``AuditEvent.outcome``): stored codes, shown as words.
AUDIT_ACTORS = {
    "system": gettext_lazy("sistem"),
    "public": gettext_lazy("pelapor publik"),
    "anonymous": gettext_lazy("tanpa akun"),
    "reporter": gettext_lazy("pelapor (kode dan PIN)"),
}
AUDIT_OUTCOMES = {
    "ok": gettext_lazy("berhasil"),
    "failed": gettext_lazy("gagal"),
    "locked": gettext_lazy("dikunci"),
    "hidden_match": gettext_lazy("kecocokan di luar wilayah"),
}


def labels(values: Iterable[str] | None, choices: type[models.TextChoices]) -> str:
    """``["physical", "sexual"]`` → "Fisik, Seksual"; an unknown code is kept as it is."""
    known = dict(choices.choices)
    return ", ".join(str(known.get(v, v)) for v in values or [])


def violence_labels(values: Iterable[str] | None) -> str:
    return labels(values, ViolenceType)


def age_text(age: int | None) -> str:
    """ "15 tahun", or "usia tidak diketahui"."""
    if age is None:
        return _("usia tidak diketahui")
    return ngettext("%(n)s tahun", "%(n)s tahun", int(age)) % {"n": age}


def sex_text(sex: str | None) -> str:
    """ "Perempuan", or "jenis kelamin tidak diketahui"."""
    if not sex:
        return _("jenis kelamin tidak diketahui")
    return str(dict(Sex.choices).get(sex, sex))


def person_name(user: Any) -> str:
    """A staff member as people know them: the full name, else the username; "" for nobody."""
    if user is None:
        return ""
    full = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    return str(full or user.get_username())


def audit_actor(event: Any) -> str:
    """The person of an audit event by name, or what acted when nobody signed in."""
    if event.actor_id:
        return person_name(event.actor)
    return str(AUDIT_ACTORS.get(event.actor_label, event.actor_label))


def audit_outcome(value: str) -> str:
    return str(AUDIT_OUTCOMES.get(value, value))


def audit_object(event: Any) -> str:
    """What an audit event is about: the kind of record in words and its id, shortened."""
    kind = event.object_type
    if kind.count(".") == 1:
        with contextlib.suppress(LookupError):
            kind = str(apps.get_model(kind)._meta.verbose_name)
    short = event.object_id[:13] + "…" if len(event.object_id) > 14 else event.object_id
    return f"{kind} {short}".strip()


def local_datetime(value: datetime | None, zone: str) -> str:
    """``value`` in ``zone`` (the area's WIB/WITA/WIT) in the language's datetime format."""
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value, ZoneInfo(zone)), "DATETIME_FORMAT")


def area_datetime(value: datetime | None, area: Any) -> str:
    """``value`` in ``area``'s zone followed by its label (WIB/WITA/WIT); without an area, in
    the default zone (``TIME_ZONE``, Balikpapan's WITA)."""
    if value is None:
        return ""
    from django.conf import settings

    zone = getattr(area, "timezone", "") or settings.TIME_ZONE
    label = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}.get(zone, "")
    return f"{local_datetime(value, zone)} {label}".strip()
