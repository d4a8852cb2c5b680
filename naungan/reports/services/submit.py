"""Submission of reports (public form, public API, staff): validation, routing to the
responsible UPTD PPA, idempotent replay, then storage (DESIGN §4)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.areas.models import Area
from naungan.core.audit import audit_record
from naungan.core.fields import blind_index
from naungan.core.models import AuditAction
from naungan.core.normalize import normalize_phone

from .. import conf
from ..attachments import PreparedAttachment, attachments_prepare, attachments_store, upload_digests
from ..codes import pin_hash, pin_new, tracking_code_new
from ..models import (
    STAFF_CHANNELS,
    Channel,
    HotlineMedium,
    IdempotencyRecord,
    Report,
    ReporterRelation,
    ReportKind,
    ReportStatus,
    Sex,
    ViolenceType,
)
from ._base import (
    CATEGORIES,
    STAFF_ROLES,
    IdempotencyMismatch,
    NotAllowed,
    SubmissionInProgress,
)
from .store import _report_insert


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


@dataclass
class SubmitResult:
    status_code: int
    body: dict[str, Any]
    report: Report | None
    replayed: bool = False


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass
class _Clean:
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


def report_validate(data: ReportInput, *, staff: bool) -> _Clean:
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
    return _Clean(values=v, area=area)


def _idempotency_replay(full_key: str, body_hash: str) -> SubmitResult | None:
    record = IdempotencyRecord.objects.filter(key=full_key).first()
    if record is None:
        return None
    if record.created_at < timezone.now() - dt.timedelta(hours=conf.IDEMPOTENCY_HOURS):
        record.delete()  # an expired key may be used again
        return None
    if record.body_hash != body_hash:
        raise IdempotencyMismatch(
            _("Idempotency-Key ini sudah dipakai untuk laporan dengan isi yang berbeda.")
        )
    return SubmitResult(record.status_code, json.loads(record.response), None, replayed=True)


def _body_hash(data: ReportInput, files: Sequence[Any]) -> str:
    """The idempotency "same body" test: the input, plus the files as sent when there are any
    (so a report without files keeps its fingerprint)."""
    if not files:
        return data.fingerprint()
    joined = data.fingerprint() + "|" + ",".join(upload_digests(files))
    return hashlib.sha256(joined.encode()).hexdigest()


def report_replay(
    *, scope: str, key: str, data: ReportInput, attachments: Sequence[Any] = ()
) -> SubmitResult | None:
    """The stored answer for an idempotent retry, if any (used when new submissions from the
    client are being throttled: a retry must still get its code and PIN back)."""
    return _idempotency_replay(f"{scope}:{key}", _body_hash(data, attachments))


def report_submit(
    *,
    actor: Any,
    data: ReportInput,
    request: HttpRequest | None = None,
    idempotency_key: str = "",
    idempotency_scope: str = "public",
    attachments: Sequence[Any] = (),
    clean: _Clean | None = None,
) -> SubmitResult:
    """Accept a report: from the public (``actor`` None, channel ``web``) or taken by intake,
    a supervisor or an activist (channel from ``data``; activists always ``activist``).

    The report, its audit event and the idempotency record are committed in one transaction
    before the caller answers 201. A retry with the same key within 24 hours replays the first
    answer (PIN included) and stores nothing; the same key with another body raises
    IdempotencyMismatch; a duplicate that loses the race replays the winner's answer.

    ``attachments`` (uploaded files, web form only) are checked with the other fields, so one
    ValidationError names every bad field and file, and stored in the report's transaction
    (see ``attachments.attachments_prepare``); a replay stores them no second time.

    ``clean``: the result of ``report_validate(data)`` when the caller already has it (the API
    schema runs it while parsing the body), so that the input is checked once."""
    staff = actor is not None
    report_actor_check(actor)
    if staff and getattr(actor, "role", "") == "activist":
        data.channel = Channel.ACTIVIST
        if clean is not None:
            clean.values["channel"] = Channel.ACTIVIST
    prepared: list[PreparedAttachment] = []
    if clean is not None and not attachments:
        pass  # validated once, by the API schema (reports.schemas.PublicReportIn)
    elif not attachments:
        clean = report_validate(data, staff=staff)
    else:
        clean, prepared = _validate_with_files(data, staff=staff, files=attachments)
    full_key = f"{idempotency_scope}:{idempotency_key}" if idempotency_key else ""
    body_hash = _body_hash(data, attachments) if full_key else ""
    # Optimistic: a fresh key (the common case) costs no lookup; a retry hits the unique
    # constraint and is answered from the stored record below.
    for _attempt in range(4):
        try:
            return _report_create(
                actor=actor,
                clean=clean,
                request=request,
                full_key=full_key,
                body_hash=body_hash,
                attachments=prepared,
            )
        except IntegrityError:
            if full_key:
                replay = _idempotency_replay(full_key, body_hash)
                if replay is not None:
                    return replay
            # Otherwise a tracking-code collision (1 in 34 billion): draw a new code.
    raise SubmissionInProgress(_("Laporan yang sama sedang diproses. Coba lagi sebentar."))


def report_actor_check(actor: Any) -> None:
    """Raise NotAllowed (404) unless ``actor`` is the public (None) or may record reports."""
    role = getattr(actor, "role", "")
    if actor is not None and role != "activist" and role not in STAFF_ROLES:
        raise NotAllowed(_("Tidak ditemukan."))


def _validate_with_files(
    data: ReportInput, *, staff: bool, files: Sequence[Any]
) -> tuple[_Clean, list[PreparedAttachment]]:
    """``report_validate`` and ``attachments_prepare`` together: one error names them all."""
    errors: dict[str, list[str]] = {}
    clean: _Clean | None = None
    prepared: list[PreparedAttachment] = []
    try:
        clean = report_validate(data, staff=staff)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        prepared = attachments_prepare(files)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors or clean is None:
        raise ValidationError(errors)
    return clean, prepared


def _report_create(
    *,
    actor: Any,
    clean: _Clean,
    request: HttpRequest | None,
    full_key: str,
    body_hash: str,
    attachments: Sequence[PreparedAttachment] = (),
) -> SubmitResult:
    """Store the report, its idempotency record and its audit event atomically: one INSERT
    statement on PostgreSQL (see ``_insert_together``), else the ORM inside a transaction
    (other databases, or when a model signal listens). Raises IntegrityError on a duplicate
    key or tracking code, storing nothing.

    With attachments (web form only) the report goes in first and the encrypted files after
    it, all inside one ``transaction.atomic()``: a failing file leaves no report, and a
    duplicate key rolls back before any file is written."""
    v = clean.values
    pin = pin_new()
    report = Report(
        tracking_code=tracking_code_new(),
        pin_hash=pin_hash(pin),
        kind=v["kind"],
        channel=v["channel"],
        medium=v["medium"],
        source_reference=v["source_reference"],
        reporter_relation=v["reporter_relation"],
        anonymous=v["anonymous"],
        reporter_name=v["reporter_name"],
        reporter_phone=v["reporter_phone"],
        reporter_phone_index=blind_index("phone", v["reporter_phone"]),
        message_only=v["message_only"],
        victim_name=v["victim_name"],
        victim_age=v["victim_age"],
        victim_sex=v["victim_sex"],
        violence_types=v["violence_types"],
        description=v["description"],
        incident_date=v["incident_date"],
        area=clean.area,
        location_detail=v["location_detail"],
        received_at=v["received_at"],
        status=ReportStatus.RECEIVED,
        created_by=actor,
    )
    body: dict[str, Any] = {
        "tracking_code": report.tracking_code,
        "pin": pin,
        "status": ReportStatus.RECEIVED.value,
    }
    if actor is not None:
        body = {"id": str(report.public_id), **body}
    record = (
        IdempotencyRecord(
            key=full_key,
            body_hash=body_hash,
            status_code=201,
            response=json.dumps(body),
            created_at=timezone.now(),
        )
        if full_key
        else None
    )
    event = audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=report,
        categories=CATEGORIES + (",attachments" if attachments else ""),
        request=request,
        actor_label="" if actor is not None else "public",
        save=False,
    )
    if attachments:
        with transaction.atomic():
            _report_insert(report, record, event, clean.area)
            attachments_store(report=report, prepared=attachments)
    else:
        _report_insert(report, record, event, clean.area)
    return SubmitResult(201, body, report)
