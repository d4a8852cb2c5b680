"""Validation of report input (public form, public API, staff): ``ReportInput`` as typed and
``report_validate``, the field rules every channel shares (who must give a name, a violence
type for a complaint, lengths, dates, a known area). Nothing here writes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.areas.models import Area
from naungan.core.normalize import normalize_phone

from .. import conf
from ..models import (
    STAFF_CHANNELS,
    Channel,
    HotlineMedium,
    ReporterRelation,
    ReportKind,
    Sex,
    ViolenceType,
)


@dataclass
class ReportInput:
    """A report as the reporter or the intake officer typed it, in Python types: the API's
    schema (``schemas.PublicReportIn``) and the HTML forms (``forms.PublicReportForm``) both
    produce one; ``report_validate`` then applies the field rules, once, for every channel."""

    kind: str = ReportKind.COMPLAINT
    reporter_relation: str = ReporterRelation.VICTIM
    anonymous: bool = True
    reporter_name: str | None = None
    reporter_phone: str | None = None
    message_only: bool = False
    victim_name: str | None = None
    victim_age: int | None = None
    victim_sex: str | None = None
    violence_types: list[str] = field(default_factory=list)
    description: str = ""
    incident_date: dt.date | None = None
    area_code: str | None = None
    location_detail: str | None = None
    # Staff only.
    channel: str = Channel.WEB
    medium: str | None = None
    source_reference: str | None = None
    received_at: dt.datetime | None = None
    # Activists only (channel ``activist``): whether the victim agreed to the report.
    victim_consent: bool | None = None
    # Staff channels: the triage checklist items the person in the field ticked (DESIGN §8).
    reported_checklist: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        """SHA-256 over the canonical input: the idempotency "same body" test."""
        # A shallow dict: the same JSON as dataclasses.asdict (no nested dataclasses here).
        # An empty checklist is left out, so that a key sent before the field existed still
        # matches its retry.
        values = {
            f.name: getattr(self, f.name)
            for f in _INPUT_FIELDS
            if f.name != "reported_checklist" or self.reported_checklist
        }
        data = json.dumps(values, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(data.encode()).hexdigest()


_INPUT_FIELDS = fields(ReportInput)
# The choices as tuples, built once (Django's ``.values`` builds a new list on every access).
_KINDS = tuple(ReportKind.values)
_RELATIONS = tuple(ReporterRelation.values)
_SEXES = tuple(Sex.values)
_VIOLENCE_TYPES = tuple(ViolenceType.values)
_MEDIUMS = tuple(HotlineMedium.values)


def _text(value: str | None) -> str:
    return (value or "").strip()


@dataclass
class ValidReport:
    """The validated values ``report_submit`` stores, and the area they name."""

    values: dict[str, Any]
    area: Area | None


# Areas hardly ever change at run time (they are loaded by migrations), so a lookup is cached
# per process: the public hot path then needs no query for the area. A change of the area table
# empties the cache (``area_caches_clear``, connected in ReportsConfig.ready).
_AREA_CACHE: dict[str, Area | None] = {}


def area_caches_clear(**_kwargs: object) -> None:
    """Forget every cached area and every routing statement compiled from one (a reloaded
    area table gives the same codes new ids)."""
    from .store import _ROUTE_SQL

    _AREA_CACHE.clear()
    _ROUTE_SQL.clear()


def _area_by_code(code: str) -> Area | None:
    if code not in _AREA_CACHE:
        if len(_AREA_CACHE) > 20_000:
            _AREA_CACHE.clear()
        area = Area.objects.filter(code=code).first()
        if area is None:
            return None
        _AREA_CACHE[code] = area
    return _AREA_CACHE[code]


def report_validate(data: ReportInput, *, staff: bool) -> ValidReport:
    """The field rules of a report, for every channel (public form, public API, staff): known
    choices, lengths, a name and phone unless anonymous, a violence type for a complaint, a
    description of 10 to 10,000 characters, no incident date in the future, a known area, a
    receipt time not in the future. Types are the edges' business (the API's schema, the form's
    fields). Raise one ValidationError naming each bad field, in the user's language; nothing
    is written."""
    errors: dict[str, str] = {}
    v: dict[str, Any] = {}

    def choice(
        name: str, value: str | None, choices: Sequence[str], *, required: bool = True
    ) -> str:
        if not value and not required:
            return ""
        if value not in choices:
            errors[name] = _("Pilihan tidak dikenal. Pilihan: %(c)s") % {"c": ", ".join(choices)}
            return ""
        return str(value)

    def text(name: str, value: str | None, limit: int) -> str:
        out = _text(value)
        if len(out) > limit:
            errors[name] = _("Terlalu panjang (paling banyak %(n)d karakter).") % {"n": limit}
        return out

    v["kind"] = choice("kind", data.kind, _KINDS)
    v["reporter_relation"] = choice("reporter_relation", data.reporter_relation, _RELATIONS)
    v["anonymous"] = data.anonymous
    v["message_only"] = data.message_only
    v["reporter_name"] = text("reporter_name", data.reporter_name, conf.SHORT_TEXT_MAX)
    phone = text("reporter_phone", data.reporter_phone, 40)
    if phone and len(normalize_phone(phone)) < 9:
        errors["reporter_phone"] = _("Nomor telepon tidak valid.")
    v["reporter_phone"] = phone
    if not v["anonymous"]:
        if not v["reporter_name"] and "reporter_name" not in errors:
            errors["reporter_name"] = _("Wajib diisi bila tidak anonim.")
        if not phone and "reporter_phone" not in errors:
            errors["reporter_phone"] = _("Wajib diisi bila tidak anonim.")
    v["victim_name"] = text("victim_name", data.victim_name, conf.SHORT_TEXT_MAX)
    age = data.victim_age
    if age is not None and not 0 <= age <= 120:
        errors["victim_age"] = _("Usia harus bilangan bulat antara 0 dan 120.")
        age = None
    v["victim_age"] = age
    v["victim_sex"] = choice("victim_sex", data.victim_sex, _SEXES, required=False)

    types = list(data.violence_types or [])
    unknown = [t for t in types if t not in _VIOLENCE_TYPES]
    if unknown:
        errors["violence_types"] = _("Jenis kekerasan tidak dikenal: %(v)s. Pilihan: %(c)s") % {
            "v": ", ".join(unknown[:5]),
            "c": ", ".join(_VIOLENCE_TYPES),
        }
    v["violence_types"] = [t for t in _VIOLENCE_TYPES if t in types]
    if v["kind"] == ReportKind.COMPLAINT and not types and "violence_types" not in errors:
        errors["violence_types"] = _("Pilih minimal satu jenis kekerasan untuk pengaduan.")

    description = _text(data.description)
    if len(description) < conf.DESCRIPTION_MIN:
        errors["description"] = _("Ceritakan apa yang terjadi (minimal %(n)d karakter).") % {
            "n": conf.DESCRIPTION_MIN
        }
    elif len(description) > conf.DESCRIPTION_MAX:
        errors["description"] = _("Terlalu panjang (paling banyak %(n)d karakter).") % {
            "n": conf.DESCRIPTION_MAX
        }
    v["description"] = description

    now = timezone.now()
    incident = data.incident_date
    # "Today" is the latest date anywhere in Indonesia (WIT, UTC+9).
    if incident is not None and incident > (now + dt.timedelta(hours=9)).date():
        errors["incident_date"] = _("Tanggal kejadian tidak boleh di masa depan.")
    v["incident_date"] = incident

    area = None
    code = _text(data.area_code)
    if len(code) > 13:
        errors["area_code"] = _("Kode wilayah tidak dikenal.")
    elif code:
        area = _area_by_code(code)
        if area is None:
            errors["area_code"] = _("Kode wilayah tidak dikenal: %(v)s") % {"v": code}
    v["location_detail"] = text("location_detail", data.location_detail, conf.LONG_TEXT_MAX)

    if staff:
        v["channel"] = choice("channel", data.channel, STAFF_CHANNELS)
        v["medium"] = choice("medium", data.medium, _MEDIUMS, required=False)
        v["source_reference"] = text("source_reference", data.source_reference, 100)
        received = data.received_at or now
        if timezone.is_naive(received):
            received = timezone.make_aware(received)
        if received > now + dt.timedelta(minutes=5):
            errors["received_at"] = _("Waktu penerimaan tidak boleh di masa depan.")
        v["received_at"] = received
        # Kept for the activist channel only: elsewhere the question was never asked.
        v["victim_consent"] = data.victim_consent if v["channel"] == Channel.ACTIVIST else None
        _checklist_validate(data.reported_checklist, v, errors)
    else:
        v.update(
            channel=Channel.WEB,
            medium="",
            source_reference="",
            received_at=now,
            victim_consent=None,
            reported_checklist=[],
            triage_suggested="",
            triage_suggested_by="",
        )
    if errors:
        raise ValidationError(errors)
    return ValidReport(values=v, area=area)


def _checklist_validate(ticked: Any, v: dict[str, Any], errors: dict[str, str]) -> None:
    """The field checklist (staff channels): known items in the instrument's order, and the
    level they suggest with the instrument version that suggested it, fixed at submission."""
    from .triage import triage_checklist_clean, triage_checklist_items, triage_suggestion

    found = triage_checklist_items() if ticked else None  # nothing ticked: nothing to read
    try:
        items = triage_checklist_clean(ticked, field="reported_checklist", found=found)
    except ValidationError as exc:
        errors.update({k: m[0] for k, m in exc.message_dict.items()})
        items = []
    suggested, version = triage_suggestion(items, found)
    v["reported_checklist"] = items
    v["triage_suggested"] = suggested
    v["triage_suggested_by"] = version if suggested else ""
