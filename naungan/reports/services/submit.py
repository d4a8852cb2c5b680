"""Submission of reports (public form, public API, staff): the one flow the edges call
(``report_submission``: rate limit, idempotent replay, submit, count), and ``report_submit``
(validation, routing to the responsible UPTD PPA, storage; DESIGN §4). Field rules live in
``validation``, the single-statement insert in ``store``."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.roles import ACTIVISTS, REPORT_TAKERS, user_in
from naungan.core import ratelimit
from naungan.core.audit import audit_record
from naungan.core.fields import blind_index
from naungan.core.models import AuditAction

from .. import conf
from ..attachments import PreparedAttachment, attachments_prepare, attachments_store, upload_digests
from ..codes import pin_hash, pin_new, tracking_code_new
from ..models import (
    Channel,
    IdempotencyRecord,
    Report,
    ReportStatus,
)
from ._base import (
    CATEGORIES,
    IdempotencyMismatch,
    NotAllowed,
    SubmissionInProgress,
    SubmissionsThrottled,
)
from .store import _report_insert
from .validation import ReportInput, ValidReport, report_validate


@dataclass(frozen=True)
class Submission:
    """A report accepted (or an earlier acceptance replayed): what the reporter is told once.
    ``body`` is the answer as first given (``tracking_code``, ``pin``, ``status``; staff also
    ``id``); ``report`` is None on a replay."""

    body: dict[str, Any]
    report: Report | None
    replayed: bool = False

    @property
    def tracking_code(self) -> str:
        return str(self.body["tracking_code"])

    @property
    def pin(self) -> str:
        return str(self.body["pin"])


def report_submission(
    *,
    actor: Any,
    data: ReportInput,
    client_ip: str,
    idempotency_key: str = "",
    idempotency_scope: str = "public",
    request: HttpRequest | None = None,
    attachments: Sequence[Any] = (),
    clean: ValidReport | None = None,
) -> Submission:
    """The one submit flow of the public API, the public form and the staff pages: a public
    submission (``actor`` None) is counted against the client's rate first and decided on the
    count; over the limit, only an idempotent retry is answered (with its code and PIN back),
    anything else raises ``SubmissionsThrottled`` (429, Retry-After). The count is given back
    unless a new report was stored. Refusals are domain errors, bad fields a ValidationError."""
    rate = conf.submit_rate()
    hit = ratelimit.count("submit", client_ip, rate) if actor is None else None
    stored = False
    try:
        if hit is not None and not hit.allowed:
            replay = (
                report_replay(
                    scope=idempotency_scope,
                    key=idempotency_key,
                    data=data,
                    attachments=attachments,
                )
                if idempotency_key
                else None
            )
            if replay is None:
                raise SubmissionsThrottled(
                    _("Terlalu banyak laporan dari perangkat ini. Coba lagi nanti.")
                    if idempotency_scope == "web"
                    else _("Terlalu banyak laporan dari alamat ini. Coba lagi nanti."),
                    retry_after=hit.retry_after,
                )
            return replay
        submission = report_submit(
            actor=actor,
            data=data,
            request=request,
            idempotency_key=idempotency_key,
            idempotency_scope=idempotency_scope,
            attachments=attachments,
            clean=clean,
        )
        stored = not submission.replayed
        return submission
    finally:
        if hit is not None and hit.allowed and not stored:
            ratelimit.give_back("submit", client_ip, rate)


def _idempotency_replay(full_key: str, body_hash: str) -> Submission | None:
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
    return Submission(json.loads(record.response), None, replayed=True)


def _body_hash(data: ReportInput, files: Sequence[Any]) -> str:
    """The idempotency "same body" test: the input, plus the files as sent when there are any
    (so a report without files keeps its fingerprint)."""
    if not files:
        return data.fingerprint()
    joined = data.fingerprint() + "|" + ",".join(upload_digests(files))
    return hashlib.sha256(joined.encode()).hexdigest()


def report_replay(
    *, scope: str, key: str, data: ReportInput, attachments: Sequence[Any] = ()
) -> Submission | None:
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
    clean: ValidReport | None = None,
) -> Submission:
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
    if staff and user_in(actor, ACTIVISTS):
        data.channel = Channel.ACTIVIST
        if clean is not None:
            clean.values["channel"] = Channel.ACTIVIST
            clean.values["victim_consent"] = data.victim_consent
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
    if actor is not None and not user_in(actor, REPORT_TAKERS):
        raise NotAllowed


def _validate_with_files(
    data: ReportInput, *, staff: bool, files: Sequence[Any]
) -> tuple[ValidReport, list[PreparedAttachment]]:
    """``report_validate`` and ``attachments_prepare`` together: one error names them all."""
    errors: dict[str, list[str]] = {}
    clean: ValidReport | None = None
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
    clean: ValidReport,
    request: HttpRequest | None,
    full_key: str,
    body_hash: str,
    attachments: Sequence[PreparedAttachment] = (),
) -> Submission:
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
        victim_consent=v.get("victim_consent"),
        reported_checklist=v.get("reported_checklist", []),
        triage_suggested=v.get("triage_suggested", ""),
        triage_suggested_by=v.get("triage_suggested_by", ""),
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
    return Submission(body, report)
