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
    """A report as typed by the reporter or the intake officer, before validation."""

    kind: Any = ReportKind.COMPLAINT
    reporter_relation: Any = ReporterRelation.VICTIM
    anonymous: Any = True
    reporter_name: Any = None
    reporter_phone: Any = None
    message_only: Any = False
    victim_name: Any = None
    victim_age: Any = None
    victim_sex: Any = None
    violence_types: Any = field(default_factory=list)
    description: Any = ""
    incident_date: Any = None
    area_code: Any = None
    location_detail: Any = None
    # Staff only.
    channel: Any = Channel.WEB
    medium: Any = None
    source_reference: Any = None
    received_at: Any = None

    def fingerprint(self) -> str:
        """SHA-256 over the canonical input: the idempotency "same body" test."""
        # A shallow dict: the same JSON as dataclasses.asdict (no nested dataclasses here).
        values = {f.name: getattr(self, f.name) for f in _INPUT_FIELDS}
        data = json.dumps(values, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(data.encode()).hexdigest()


_INPUT_FIELDS = fields(ReportInput)
# The choices as tuples, built once (Django's ``.values`` builds a new list on every access).
_KINDS = tuple(ReportKind.values)
_RELATIONS = tuple(ReporterRelation.values)
_SEXES = tuple(Sex.values)
_VIOLENCE_TYPES = tuple(ViolenceType.values)
_MEDIUMS = tuple(HotlineMedium.values)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass
class ValidReport:
    values: dict[str, Any]
    area: Area | None


# Areas never change at run time (they are loaded by migrations), so a lookup is cached per
# process: the public hot path then needs no query for the area.
_AREA_CACHE: dict[str, Area | None] = {}


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
    """Check every field; raise one ValidationError naming each bad field (messages in the
    user's language). Nothing is written."""
    errors: dict[str, str] = {}
    v: dict[str, Any] = {}

    def choice(name: str, value: Any, choices: Sequence[str], *, required: bool = True) -> str:
        if value in (None, "") and not required:
            return ""
        if not isinstance(value, str) or value not in choices:
            errors[name] = _("Pilihan tidak dikenal. Pilihan: %(c)s") % {"c": ", ".join(choices)}
            return ""
        return value

    def text(name: str, value: Any, limit: int) -> str:
        if value is not None and not isinstance(value, str):
            errors[name] = _("Harus berupa teks.")
            return ""
        out = _text(value)
        if len(out) > limit:
            errors[name] = _("Terlalu panjang (paling banyak %(n)d karakter).") % {"n": limit}
        return out

    v["kind"] = choice("kind", data.kind, _KINDS)
    v["reporter_relation"] = choice("reporter_relation", data.reporter_relation, _RELATIONS)
    if not isinstance(data.anonymous, bool):
        errors["anonymous"] = _("Harus ya atau tidak.")
    v["anonymous"] = data.anonymous is not False
    v["message_only"] = bool(data.message_only is True)
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
    if age in (None, ""):
        v["victim_age"] = None
    elif isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 120:
        errors["victim_age"] = _("Usia harus bilangan bulat antara 0 dan 120.")
    else:
        v["victim_age"] = age
    v["victim_sex"] = choice("victim_sex", data.victim_sex, _SEXES, required=False)

    types = data.violence_types if data.violence_types is not None else []
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        errors["violence_types"] = _("Harus berupa daftar jenis kekerasan.")
        types = []
    unknown = [t for t in types if t not in _VIOLENCE_TYPES]
    if unknown:
        errors["violence_types"] = _("Jenis kekerasan tidak dikenal: %(v)s. Pilihan: %(c)s") % {
            "v": ", ".join(unknown[:5]),
            "c": ", ".join(_VIOLENCE_TYPES),
        }
    v["violence_types"] = [t for t in _VIOLENCE_TYPES if t in types]
    if v["kind"] == ReportKind.COMPLAINT and not types and "violence_types" not in errors:
        errors["violence_types"] = _("Pilih minimal satu jenis kekerasan untuk pengaduan.")

    description = data.description
    if not isinstance(description, str) or len(description.strip()) < conf.DESCRIPTION_MIN:
        errors["description"] = _("Ceritakan apa yang terjadi (minimal %(n)d karakter).") % {
            "n": conf.DESCRIPTION_MIN
        }
    elif len(description.strip()) > conf.DESCRIPTION_MAX:
        errors["description"] = _("Terlalu panjang (paling banyak %(n)d karakter).") % {
            "n": conf.DESCRIPTION_MAX
        }
    v["description"] = description.strip() if isinstance(description, str) else ""

    now = timezone.now()
    incident = data.incident_date
    if isinstance(incident, str) and incident:
        try:
            incident = dt.date.fromisoformat(incident)
        except ValueError:
            errors["incident_date"] = _("Tanggal tidak valid (format TTTT-BB-HH).")
            incident = None
    if incident in (None, ""):
        incident = None
    elif not isinstance(incident, dt.date) or isinstance(incident, dt.datetime):
        errors.setdefault("incident_date", _("Tanggal tidak valid (format TTTT-BB-HH)."))
        incident = None
    # "Today" is the latest date anywhere in Indonesia (WIT, UTC+9).
    elif incident > (now + dt.timedelta(hours=9)).date():
        errors["incident_date"] = _("Tanggal kejadian tidak boleh di masa depan.")
    v["incident_date"] = incident

    area = None
    code = data.area_code
    if code not in (None, ""):
        if not isinstance(code, str) or len(code) > 13:
            errors["area_code"] = _("Kode wilayah tidak dikenal.")
        else:
            area = _area_by_code(code.strip())
            if area is None:
                errors["area_code"] = _("Kode wilayah tidak dikenal: %(v)s") % {"v": code[:13]}
    v["location_detail"] = text("location_detail", data.location_detail, conf.LONG_TEXT_MAX)

    if staff:
        v["channel"] = choice("channel", data.channel, STAFF_CHANNELS)
        v["medium"] = choice("medium", data.medium, _MEDIUMS, required=False)
        v["source_reference"] = text("source_reference", data.source_reference, 100)
        received = data.received_at
        if isinstance(received, str) and received:
            try:
                received = dt.datetime.fromisoformat(received)
            except ValueError:
                errors["received_at"] = _("Waktu tidak valid (format ISO 8601).")
                received = None
        if received in (None, ""):
            received = now
        elif not isinstance(received, dt.datetime):
            errors.setdefault("received_at", _("Waktu tidak valid (format ISO 8601)."))
            received = now
        else:
            if timezone.is_naive(received):
                received = timezone.make_aware(received)
            if received > now + dt.timedelta(minutes=5):
                errors["received_at"] = _("Waktu penerimaan tidak boleh di masa depan.")
        v["received_at"] = received
    else:
        v.update(channel=Channel.WEB, medium="", source_reference="", received_at=now)
    if errors:
        raise ValidationError(errors)
    return ValidReport(values=v, area=area)
