"""Writes on reports: submission (public and staff), the reporter's thread, triage and the
status workflow (DESIGN §4). Every write and every read of report content is audited here."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Subquery, signals
from django.db.models.functions import Coalesce, Length
from django.db.models.sql import Query
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.areas.models import Area, AreaLevel
from naungan.core.audit import audit_record
from naungan.core.fields import blind_index
from naungan.core.models import AuditAction, AuditEvent
from naungan.core.normalize import normalize_phone
from naungan.orgs.models import Organisation, OrgKind

from . import conf
from .attachments import PreparedAttachment, attachments_prepare, attachments_store, upload_digests
from .codes import pin_hash, pin_matches, pin_new, tracking_code_new, tracking_code_normalize
from .models import (
    STAFF_CHANNELS,
    Channel,
    HotlineMedium,
    IdempotencyRecord,
    MessageSender,
    Report,
    ReporterRelation,
    ReportKind,
    ReportMessage,
    ReportStatus,
    Sex,
    TriageClock,
    TriageLevel,
    ViolenceType,
)

STAFF_ROLES = {"intake", "supervisor"}
TRIAGE_ORDER = [TriageLevel.LOW, TriageLevel.MEDIUM, TriageLevel.HIGH, TriageLevel.EMERGENCY]
CATEGORIES = "identity,contact,narrative"


class ReportError(Exception):
    """A domain rule refused the action; ``message`` is translated for the user."""

    status_code = 409

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransitionNotAllowed(ReportError):
    pass


class NotAllowed(ReportError):
    status_code = 404


class IdempotencyMismatch(ReportError):
    status_code = 422


class SubmissionInProgress(ReportError):
    status_code = 409


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
        data = json.dumps(asdict(self), sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(data.encode()).hexdigest()


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

    def choice(name: str, value: Any, choices: list[str], *, required: bool = True) -> str:
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

    v["kind"] = choice("kind", data.kind, ReportKind.values)
    v["reporter_relation"] = choice(
        "reporter_relation", data.reporter_relation, ReporterRelation.values
    )
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
    v["victim_sex"] = choice("victim_sex", data.victim_sex, Sex.values, required=False)

    types = data.violence_types if data.violence_types is not None else []
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        errors["violence_types"] = _("Harus berupa daftar jenis kekerasan.")
        types = []
    unknown = [t for t in types if t not in ViolenceType.values]
    if unknown:
        errors["violence_types"] = _("Jenis kekerasan tidak dikenal: %(v)s. Pilihan: %(c)s") % {
            "v": ", ".join(unknown[:5]),
            "c": ", ".join(ViolenceType.values),
        }
    v["violence_types"] = [t for t in ViolenceType.values if t in types]
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
        v["medium"] = choice("medium", data.medium, HotlineMedium.values, required=False)
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


def _ancestor_codes(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def report_route(area: Area | None) -> Organisation | None:
    """The responsible UPTD PPA: the deepest active unit whose home area contains the report's
    area; without an area (or no unit above it), the configured city unit, else the first
    city-level unit."""
    return Organisation.objects.filter(pk=_route_expression(area)).first()


def _route_expression(area: Area | None) -> Any:
    """The routing rule as one SQL expression, evaluated inside the report's INSERT (no extra
    round trip on the public hot path, nothing cached that could go stale)."""
    units = Organisation.objects.filter(kind=OrgKind.UPTD_PPA, active=True)
    slug = conf.default_org_slug()
    fallback = units.filter(slug=slug) if slug else units.filter(area__level=AreaLevel.REGENCY)
    candidates = [Subquery(fallback.order_by("id").values("id")[:1])]
    if area is not None:
        deepest = (
            units.filter(area__code__in=_ancestor_codes(area.code))
            .annotate(depth=Length("area__code"))
            .order_by("-depth", "id")
            .values("id")[:1]
        )
        candidates.insert(0, Subquery(deepest))
    candidates.append(Subquery(units.order_by("id").values("id")[:1]))
    return Coalesce(*candidates, output_field=models.BigIntegerField())


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
) -> SubmitResult:
    """Accept a report: from the public (``actor`` None, channel ``web``) or taken by intake,
    a supervisor or an activist (channel from ``data``; activists always ``activist``).

    The report, its audit event and the idempotency record are committed in one transaction
    before the caller answers 201. A retry with the same key within 24 hours replays the first
    answer (PIN included) and stores nothing; the same key with another body raises
    IdempotencyMismatch; a duplicate that loses the race replays the winner's answer.

    ``attachments`` (uploaded files, web form only) are checked with the other fields, so one
    ValidationError names every bad field and file, and stored in the report's transaction
    (see ``attachments.attachments_prepare``); a replay stores them no second time."""
    staff = actor is not None
    if staff and getattr(actor, "role", "") == "activist":
        data.channel = Channel.ACTIVIST
    elif staff and getattr(actor, "role", "") not in STAFF_ROLES:
        raise NotAllowed(_("Tidak ditemukan."))
    if not attachments:
        clean = report_validate(data, staff=staff)
        prepared: list[PreparedAttachment] = []
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


def _report_insert(
    report: Report, record: IdempotencyRecord | None, event: AuditEvent, area: Area | None
) -> None:
    if connection.vendor != "postgresql" or _signals_listen():
        with transaction.atomic():
            report.organisation_id = _route_expression(area)
            # Validation already ran (report_validate); full_clean would repeat it with queries.
            report.save(force_insert=True)
            report.refresh_from_db(fields=["organisation"])
            if record is not None:
                record.report = report
                record.save(force_insert=True)
            event.save(force_insert=True)
    elif connection.in_atomic_block:
        with transaction.atomic():  # a savepoint: a duplicate must not spoil the caller's
            _insert_together(report, record, event)
    else:
        _insert_together(report, record, event)  # autocommit: one statement, one transaction


_MODELS = (Report, IdempotencyRecord, AuditEvent)


def _signals_listen() -> bool:
    """Whether anything (e.g. django-auditlog registering Report) listens to saves of the
    models stored together; the single-statement insert would bypass it."""
    return any(
        sig.has_listeners(model)
        for sig in (signals.pre_save, signals.post_save)
        for model in _MODELS
    )


def _columns(model: type[models.Model], *skip: str) -> list[Any]:
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not f.generated and f.attname not in skip
    ]


_REPORT_FIELDS = _columns(Report, "organisation_id")
_RECORD_FIELDS = _columns(IdempotencyRecord, "report_id")
_EVENT_FIELDS = _columns(AuditEvent)


def _values(obj: models.Model, fields: list[Any]) -> list[Any]:
    """What the ORM's INSERT would send: ``pre_save`` fills auto_now(_add) timestamps, and
    ``get_db_prep_save`` encrypts encrypted fields and adapts JSON, UUIDs and dates."""
    return [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]


# The routing rule compiled to SQL once per area (it holds codes and settings, never ids, so it
# cannot go stale: the database evaluates it inside the INSERT).
_ROUTE_SQL: dict[tuple[str, str, str], tuple[str, tuple[Any, ...]]] = {}


def _route_sql(area: Area | None) -> tuple[str, tuple[Any, ...]]:
    key = (connection.alias, area.code if area else "", conf.default_org_slug())
    compiled = _ROUTE_SQL.get(key)
    if compiled is None:
        query = Query(Report)
        expression = _route_expression(area).resolve_expression(query)
        sql, params = query.get_compiler(connection=connection).compile(expression)
        if len(_ROUTE_SQL) > 20_000:
            _ROUTE_SQL.clear()
        compiled = _ROUTE_SQL[key] = (sql, tuple(params))
    return compiled


@lru_cache(maxsize=1024)
def _insert_sql(route: str, with_record: bool) -> str:
    """The statement of ``_insert_together`` for one compiled routing rule. Its text holds only
    quoted identifiers from the models' metadata and the routing rule compiled by Django;
    every value is a parameter."""
    quote = connection.ops.quote_name

    def insert(model: type[models.Model], fields: list[Any], *extra: str) -> str:
        columns = ", ".join([quote(f.column) for f in fields] + [quote(e) for e in extra])
        return f"INSERT INTO {quote(model._meta.db_table)} ({columns})"

    def marks(fields: list[Any]) -> str:
        return ", ".join(["%s"] * len(fields))

    parts = [
        f"WITH r AS ({insert(Report, _REPORT_FIELDS, 'organisation_id')} "
        f"VALUES ({marks(_REPORT_FIELDS)}, {route}) RETURNING id, organisation_id)"
    ]
    if with_record:
        parts.append(
            f"i AS ({insert(IdempotencyRecord, _RECORD_FIELDS, 'report_id')} "  # noqa: S608
            f"SELECT {marks(_RECORD_FIELDS)}, r.id FROM r)"
        )
    parts.append(f"a AS ({insert(AuditEvent, _EVENT_FIELDS)} VALUES ({marks(_EVENT_FIELDS)}))")
    return ", ".join(parts) + " SELECT id, organisation_id FROM r"  # noqa: S608


def _insert_together(report: Report, record: IdempotencyRecord | None, event: AuditEvent) -> None:
    """One round trip: a single INSERT ... RETURNING statement whose data-modifying CTEs store
    the report (the responsible unit chosen by a sub-select), the idempotency record pointing at
    it and the audit event. One statement is atomic: a duplicate key or tracking code raises
    IntegrityError and stores none of the three."""
    route, route_params = _route_sql(report.area)
    params: list[Any] = [*_values(report, _REPORT_FIELDS), *route_params]
    if record is not None:
        params += _values(record, _RECORD_FIELDS)
    params += _values(event, _EVENT_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(route, record is not None), params)
        report.pk, report.organisation_id = cursor.fetchone()
    report._state.adding = False
    report._state.db = connection.alias
    if record is not None:
        record.report = report


# --- The reporter's side (code + PIN) ---------------------------------------------------------


def report_for_reporter(*, tracking_code: str, pin: str) -> Report | None:
    """The report behind a code and PIN, or None. A wrong PIN and an unknown code are
    indistinguishable, in answer and in cost."""
    code = tracking_code_normalize(tracking_code)
    report = Report.objects.filter(tracking_code=code).first() if code else None
    ok = pin_matches(pin, report.pin_hash if report else None)
    return report if ok else None


PUBLIC_STATUS = {
    ReportStatus.RECEIVED: "received",
    ReportStatus.TRIAGED: "in_progress",
    ReportStatus.CONVERTED: "in_progress",
    ReportStatus.HANDED_OVER: "in_progress",
    ReportStatus.CLOSED: "closed",
}


def public_status(report: Report) -> str:
    """What the reporter sees: received, in progress or closed, never case details."""
    return PUBLIC_STATUS[ReportStatus(report.status)]


def report_reporter_view(*, report: Report, request: HttpRequest | None = None) -> list[Any]:
    """The reporter opens her status page: audited; staff messages become read."""
    with transaction.atomic():
        messages = list(report.messages.order_by("sent_at", "id"))
        unread = [m.pk for m in messages if m.sender == MessageSender.STAFF and not m.read]
        if unread:
            ReportMessage.objects.filter(pk__in=unread).update(read=True)
        audit_record(
            actor=None,
            action=AuditAction.VIEW,
            obj=report,
            categories="status,messages",
            request=request,
            actor_label="reporter",
        )
    return messages


def _message_text(body: Any) -> str:
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise ValidationError({"body": _("Pesan tidak boleh kosong.")})
    if len(text) > conf.MESSAGE_MAX:
        raise ValidationError(
            {"body": _("Terlalu panjang (paling banyak %(n)d karakter).") % {"n": conf.MESSAGE_MAX}}
        )
    return text


@transaction.atomic
def report_message_from_reporter(
    *, report: Report, body: Any, request: HttpRequest | None = None
) -> ReportMessage:
    """The reporter writes to the UPTD PPA; the message shows as unread in the queue."""
    text = _message_text(body)
    now = timezone.now()
    message = ReportMessage.objects.create(
        report=report, sender=MessageSender.REPORTER, body=text, sent_at=now
    )
    Report.objects.filter(pk=report.pk).update(last_reporter_message_at=now)
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=report,
        categories="messages",
        request=request,
        actor_label="reporter",
    )
    return message


# --- The staff side ---------------------------------------------------------------------------


def _ensure_staff(actor: Any) -> None:
    if getattr(actor, "role", "") not in STAFF_ROLES:
        raise NotAllowed(_("Tidak ditemukan."))


def report_view(*, actor: Any, report: Report, request: HttpRequest | None = None) -> None:
    """Record that staff opened a report (content read); reporter messages become read."""
    with transaction.atomic():
        if getattr(actor, "role", "") in STAFF_ROLES:
            report.messages.filter(sender=MessageSender.REPORTER, read=False).update(read=True)
        audit_record(
            actor=actor, action=AuditAction.VIEW, obj=report, categories=CATEGORIES, request=request
        )


@transaction.atomic
def report_message_from_staff(
    *, actor: Any, report: Report, body: Any, request: HttpRequest | None = None
) -> ReportMessage:
    """Reply to the reporter. She sees "Petugas", never the author's name (recorded here)."""
    _ensure_staff(actor)
    text = _message_text(body)
    message = ReportMessage.objects.create(
        report=report, sender=MessageSender.STAFF, author=actor, body=text, sent_at=timezone.now()
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=report, categories="messages", request=request
    )
    return message


def triage_hours(organisation: Organisation | None, level: str) -> int:
    """The response clock of ``organisation`` for ``level`` (configured, else the default)."""
    if organisation is not None:
        row = TriageClock.objects.filter(organisation=organisation, level=level).first()
        if row is not None:
            return row.hours
    return conf.DEFAULT_TRIAGE_HOURS[TriageLevel(level)]


def triage_suggest(checklist: list[str]) -> str:
    """The quick checklist's suggestion (DESIGN §8, project default, not validated)."""
    if any(item in conf.TRIAGE_CHECKLIST_EMERGENCY for item in checklist):
        return TriageLevel.EMERGENCY
    if any(item in conf.TRIAGE_CHECKLIST_HIGH for item in checklist):
        return TriageLevel.HIGH
    return ""


@transaction.atomic
def report_triage(
    *,
    actor: Any,
    report: Report,
    level: str,
    checklist: list[str] | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
) -> Report:
    """Set the triage level; the response deadline is received_at plus the unit's clock for
    the level (clock hours, DESIGN §4). A level change never restarts the clock. Only a
    supervisor may lower a level, and only with a reason. Callers: intake and supervisors."""
    _ensure_staff(actor)
    if level not in TriageLevel.values:
        raise ValidationError(
            {"level": _("Pilihan tidak dikenal. Pilihan: %(c)s") % {"c": ", ".join(TriageLevel)}}
        )
    items = [c for c in (checklist or []) if isinstance(c, str)]
    known = conf.TRIAGE_CHECKLIST_EMERGENCY + conf.TRIAGE_CHECKLIST_HIGH
    if any(c not in known for c in items):
        raise ValidationError({"checklist": _("Butir daftar periksa tidak dikenal.")})
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.is_open:
        raise TransitionNotAllowed(_("Laporan ini sudah tidak terbuka."))
    old = report.triage
    lowering = bool(old) and TRIAGE_ORDER.index(level) < TRIAGE_ORDER.index(old)  # type: ignore[arg-type]
    if lowering:
        if getattr(actor, "role", "") != "supervisor":
            raise TransitionNotAllowed(_("Hanya supervisor yang boleh menurunkan tingkat triase."))
        if not reason.strip():
            raise ValidationError({"reason": _("Alasan wajib diisi untuk menurunkan tingkat.")})
    report.triage = level
    report.triage_checklist = items
    report.triaged_at = timezone.now()
    report.triaged_by = actor
    report.response_due_at = report.received_at + dt.timedelta(
        hours=triage_hours(report.organisation, level)
    )
    report.status = ReportStatus.TRIAGED
    report.save(
        update_fields=[
            "triage",
            "triage_checklist",
            "triaged_at",
            "triaged_by",
            "response_due_at",
            "status",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        categories="triage",
        reason=f"triage {old or '-'} -> {level}" + (f": {reason.strip()}" if reason else ""),
        request=request,
    )
    return report


def _finish(
    *, actor: Any, report: Report, status: str, reason: str, request: HttpRequest | None
) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.is_open:
        raise TransitionNotAllowed(_("Laporan ini sudah tidak terbuka."))
    report.status = status
    report.closed_reason = reason
    report.closed_at = timezone.now()
    report.save(update_fields=["status", "closed_reason", "closed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        categories="status",
        reason=f"status -> {status}" + (f": {reason}" if reason else ""),
        request=request,
    )
    return report


@transaction.atomic
def report_close(
    *, actor: Any, report: Report, reason: str, request: HttpRequest | None = None
) -> Report:
    """Close an open report with a reason (e.g. information given, curhat answered)."""
    _ensure_staff(actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Alasan wajib diisi.")})
    return _finish(
        actor=actor,
        report=report,
        status=ReportStatus.CLOSED,
        reason=reason.strip(),
        request=request,
    )


@transaction.atomic
def report_hand_over(
    *, actor: Any, report: Report, recipient: str, request: HttpRequest | None = None
) -> Report:
    """Hand an open report over (*pelimpahan*) to the competent body, named in ``recipient``:
    a report outside the unit's authority is accepted first, then handed over (DESIGN §4)."""
    _ensure_staff(actor)
    if not (recipient or "").strip():
        raise ValidationError({"recipient": _("Sebutkan lembaga penerima pelimpahan.")})
    return _finish(
        actor=actor,
        report=report,
        status=ReportStatus.HANDED_OVER,
        reason=recipient.strip(),
        request=request,
    )


def report_mark_converted(*, actor: Any, report: Report) -> Report:
    """Mark an open report as converted to a case. Called by the cases app inside the
    transaction that creates the case (the case keeps the report's received_at). A curhat is
    first turned into a complaint with ``report_curhat_to_complaint``."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if not report.is_open:
            raise TransitionNotAllowed(_("Laporan ini sudah tidak terbuka."))
        if report.kind == ReportKind.CURHAT:
            raise TransitionNotAllowed(
                _("Curhat harus diubah menjadi pengaduan dulu (dengan persetujuan pelapor).")
            )
        report.status = ReportStatus.CONVERTED
        report.closed_at = timezone.now()
        report.save(update_fields=["status", "closed_at", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=report,
            categories="status",
            reason="status -> converted",
        )
    return report


@transaction.atomic
def report_curhat_to_complaint(
    *,
    actor: Any,
    report: Report,
    reporter_agreed: bool,
    danger_reason: str = "",
    request: HttpRequest | None = None,
) -> Report:
    """Turn a curhat into a complaint. The reporter must agree, except for immediate danger to
    a life or a child: then a supervisor decides with a written reason (DESIGN §4). The
    original received_at is kept."""
    _ensure_staff(actor)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.kind != ReportKind.CURHAT or not report.is_open:
        raise TransitionNotAllowed(_("Hanya curhat yang masih terbuka yang dapat diubah."))
    reason = (danger_reason or "").strip()
    if not reporter_agreed:
        if getattr(actor, "role", "") != "supervisor":
            raise TransitionNotAllowed(
                _("Tanpa persetujuan pelapor hanya supervisor yang boleh mengubah curhat.")
            )
        if not reason:
            raise ValidationError({"danger_reason": _("Tuliskan alasan bahaya yang mendesak.")})
    report.kind = ReportKind.COMPLAINT
    report.save(update_fields=["kind", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        categories="kind",
        reason="curhat -> complaint: "
        + ("reporter agreed" if reporter_agreed else f"immediate danger: {reason}"),
        request=request,
    )
    return report
