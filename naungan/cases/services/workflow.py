"""Status transitions, closure with approval, reopening (DESIGN §5)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from naungan.accounts.models import User
from naungan.core.models import AuditAction
from naungan.core.registry import case_listeners, closure_blockers

from ..exceptions import (
    ApproverIsRequester,
    ClosureBlocked,
    ClosureNotPending,
    ReasonRequired,
    TransitionNotAllowed,
)
from ..models import (
    Case,
    CaseStatus,
    ClosureReason,
    ClosureRequest,
    ClosureStatus,
    NoteKind,
    NotificationKind,
    PlanStatus,
    StatusChange,
    Task,
    TaskKind,
    TaskStatus,
)
from ._common import (
    TRANSITIONS,
    _audit,
    _lock,
    _require_supervisor,
    _require_writer,
    _save,
)
from .notifications import approvers_for, notice_text, notices_create


@transaction.atomic
def case_transition(*, actor: User, case: Case, to_status: str, reason: str = "") -> Case:
    """Move a case along the workflow (DESIGN §5) by the allowed-transition table. Closing goes
    through ``closure_request``/``closure_decide``, reopening through ``case_reopen``. Leaving
    identification needs a lead caseworker. Callers: the case's caseworkers and supervisors."""
    _require_writer(actor, case)
    case = _lock(case)
    if to_status not in CaseStatus.values:
        raise ValidationError({"to": _("Status tidak dikenal.")})
    if to_status == CaseStatus.CLOSED:
        raise TransitionNotAllowed(_("Penutupan kasus memerlukan permintaan dan persetujuan."))
    if to_status not in TRANSITIONS[case.status]:
        raise TransitionNotAllowed(
            _("Status tidak dapat berpindah dari “%(a)s” ke “%(b)s”.")
            % {"a": CaseStatus(case.status).label, "b": CaseStatus(to_status).label}
        )
    if case.status == CaseStatus.OPEN and case.lead_id is None:
        raise TransitionNotAllowed(_("Tunjuk pendamping utama sebelum asesmen dimulai."))
    return _set_status(actor=actor, case=case, to_status=to_status, reason=reason)


def _set_status(*, actor: User, case: Case, to_status: str, reason: str) -> Case:
    from_status = case.status
    case.status = to_status
    case.closed_at = timezone.now() if to_status == CaseStatus.CLOSED else None
    _save(case)
    StatusChange.objects.create(
        case=case, from_status=from_status, to_status=to_status, actor=actor, reason=reason
    )
    _audit(actor, AuditAction.UPDATE, case, case, reason=f"status {from_status}→{to_status}")
    event = (
        "closed"
        if to_status == CaseStatus.CLOSED
        else "reopened"
        if from_status == CaseStatus.CLOSED
        else ""
    )
    if event:
        for listener in case_listeners():
            listener(event=event, case=case, actor=actor)
    return case


# "Unreachable after documented attempts" (DESIGN §5 step 6): this many contact attempts
# recorded as notes of these kinds [project default].
UNREACHABLE_MIN_ATTEMPTS = 2
CONTACT_ATTEMPT_KINDS = (NoteKind.CONTACT, NoteKind.HOME_VISIT)


def _closure_blockers(case: Case) -> list[str]:
    open_statutory = case.tasks.filter(status=TaskStatus.OPEN, statutory=True)
    return [str(TaskKind(t.kind).label) for t in open_statutory]


def _reason_refusal(case: Case, reason: str) -> str | None:
    """Why ``reason`` cannot close ``case`` now, or ``None`` (DESIGN §5 step 6). "Goals met"
    needs goals: a case past identification with an approved intervention plan. "Unreachable"
    needs documented attempts. The other reasons (declined, transferred, moved, died) are
    facts the summary records."""
    if reason == ClosureReason.GOALS_MET:
        if case.status == CaseStatus.OPEN:
            return _(
                "Alasan “Tujuan tercapai” belum dapat dipakai: kasus masih dalam tahap "
                "Identifikasi, belum ada asesmen maupun rencana intervensi. Pilih alasan lain "
                "atau lanjutkan ke asesmen."
            )
        if not case.plans.filter(status=PlanStatus.APPROVED).exists():
            return _(
                "Alasan “Tujuan tercapai” memerlukan rencana intervensi yang sudah disetujui "
                "supervisor: tujuan mana yang tercapai? Susun dan ajukan rencana dulu, atau "
                "pilih alasan lain."
            )
    if reason == ClosureReason.UNREACHABLE:
        attempts = case.notes.filter(kind__in=CONTACT_ATTEMPT_KINDS).count()
        if attempts < UNREACHABLE_MIN_ATTEMPTS:
            return _(
                "Alasan “Tidak dapat dihubungi” memerlukan paling sedikit %(n)d upaya kontak "
                "yang tercatat (catatan Kontak atau Kunjungan rumah); baru tercatat %(k)d."
            ) % {"n": UNREACHABLE_MIN_ATTEMPTS, "k": attempts}
    return None


def _other_blockers(case: Case) -> list[str]:
    """What later apps say blocks closure (an active shelter stay …), as sentences."""
    return [reason for rule in closure_blockers() for reason in rule(case)]


@transaction.atomic
def closure_request(*, actor: User, case: Case, reason: str, summary: str = "") -> ClosureRequest:
    """Ask to close a case with a reason (goals met, declined, transferred, unreachable, moved,
    died) and a summary. Blocked by open statutory tasks unless waived (DESIGN §5 step 6); "goals
    met" needs an approved intervention plan on a case past identification, "unreachable" at
    least ``UNREACHABLE_MIN_ATTEMPTS`` recorded contact attempts (409 otherwise). The area's
    supervisors but the requester are notified (in the app, and by e-mail after commit).
    Callers: the case's caseworkers and supervisors."""
    _require_writer(actor, case)
    case = _lock(case)
    if case.status == CaseStatus.CLOSED:
        raise TransitionNotAllowed(_("Kasus sudah ditutup."))
    if reason not in ClosureReason.values:
        raise ValidationError({"reason": _("Alasan penutupan tidak dikenal.")})
    refusal = _reason_refusal(case, reason)
    if refusal:
        raise ClosureBlocked(refusal)
    if case.closure_requests.filter(status=ClosureStatus.PENDING).exists():
        raise ClosureBlocked(_("Sudah ada permintaan penutupan yang menunggu keputusan."))
    blockers = _closure_blockers(case)
    if blockers:
        raise ClosureBlocked(
            _("Tugas wajib masih terbuka: %(t)s. Selesaikan atau minta supervisor mengesampingkan.")
            % {"t": ", ".join(blockers)}
        )
    others = _other_blockers(case)
    if others:
        raise ClosureBlocked(" ".join(others))
    closure = ClosureRequest(case=case, reason=reason, summary=summary, requested_by=actor)
    _save(closure)
    _audit(actor, AuditAction.CREATE, closure, case, reason=f"closure request {reason}")
    notices_create(
        users=approvers_for(case, besides=actor),
        kind=NotificationKind.APPROVAL,
        case=case,
        message=notice_text(
            gettext_lazy("Permintaan penutupan kasus %(n)s menunggu persetujuan Anda."),
            n=case.registration_number,
        ),
        email=True,
    )
    return closure


@transaction.atomic
def closure_decide(
    *, actor: User, closure: ClosureRequest, approve: bool, note: str = ""
) -> ClosureRequest:
    """A supervisor of the case's area, never the requester, approves (the case closes; open
    non-statutory tasks are cancelled) or rejects with a note. Approval checks the reason's
    rules again (``closure_request``): the case may have changed since the request, and a
    request may predate a rule."""
    case = _lock(closure.case)
    _require_supervisor(actor, case)
    closure = ClosureRequest.objects.select_for_update().get(pk=closure.pk)
    if closure.status != ClosureStatus.PENDING:
        raise ClosureNotPending
    if closure.requested_by_id == actor.pk:
        raise ApproverIsRequester
    if not approve and not note.strip():
        raise ReasonRequired(_("Tulis alasan penolakan."))
    closure.decided_by = actor
    closure.decided_at = timezone.now()
    closure.decision_note = note.strip()
    if approve:
        refusal = _reason_refusal(case, closure.reason)
        if refusal:
            raise ClosureBlocked(refusal)
        blockers = _closure_blockers(case)
        if blockers:
            raise ClosureBlocked(
                _("Tugas wajib masih terbuka: %(t)s.") % {"t": ", ".join(blockers)}
            )
        others = _other_blockers(case)
        if others:
            raise ClosureBlocked(" ".join(others))
        closure.status = ClosureStatus.APPROVED
        _save(closure)
        Task.objects.filter(case=case, status=TaskStatus.OPEN, statutory=False).update(
            status=TaskStatus.CANCELLED
        )
        _set_status(actor=actor, case=case, to_status=CaseStatus.CLOSED, reason=closure.reason)
    else:
        closure.status = ClosureStatus.REJECTED
        _save(closure)
    _audit(actor, AuditAction.UPDATE, closure, case, reason=f"closure {closure.status}")
    return closure


@transaction.atomic
def case_reopen(*, actor: User, case: Case, reason: str) -> Case:
    """Reopen a closed case with a reason; it returns to assessment (not a new case)."""
    _require_writer(actor, case)
    case = _lock(case)
    if case.status != CaseStatus.CLOSED:
        raise TransitionNotAllowed(_("Hanya kasus yang sudah ditutup yang dapat dibuka kembali."))
    if not reason.strip():
        raise ReasonRequired(_("Tulis alasan membuka kembali kasus."))
    return _set_status(actor=actor, case=case, to_status=CaseStatus.ASSESSMENT, reason=reason)
