"""Who works on a case: assign and release one worker, and a supervisor's bulk assignment from
the case list (DESIGN §5 step 2). Callers: supervisors of the case's area."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from naungan.accounts.models import User
from naungan.accounts.roles import ASSIGNABLE_ROLES, SUPERVISORS
from naungan.cases.exceptions import InvalidAssignee, NotPermitted, TransitionNotAllowed
from naungan.cases.models import (
    Assignment,
    Case,
    CaseStatus,
    Notification,
    NotificationKind,
    Task,
    TaskStatus,
)
from naungan.cases.selectors import cases_writable_by
from naungan.cases.services._common import (
    _audit,
    _lock,
    _require_supervisor,
    _save,
)
from naungan.cases.services.notifications import (
    notice_text,
    notices_create,
    notices_email_later,
)
from naungan.core.models import AuditAction


@transaction.atomic
def case_assign(*, actor: User, case: Case, assignee: User, lead: bool = True) -> Case:
    """A supervisor of the case's area names the lead caseworker (replacing the previous lead)
    or adds a co-worker. The assignee must be an active caseworker or supervisor whose scope
    contains the case. Open tasks without an owner, or owned by the replaced lead, pass to the
    new lead. The assignee is notified in the app and by e-mail (after commit), and the case
    is "new" on their home page until they open it (``assignment_seen``)."""
    case, notice = _assign(actor=actor, case=case, assignee=assignee, lead=lead)
    if notice is not None:
        notices_email_later([notice])
    return case


def _assign(
    *, actor: User, case: Case, assignee: User, lead: bool
) -> tuple[Case, Notification | None]:
    """``case_assign`` without its e-mail: the case and the assignee's new notice, if any."""
    _require_supervisor(actor, case)
    case = _lock(case)
    if (
        not assignee.is_active
        or assignee.role not in ASSIGNABLE_ROLES
        or not assignee.in_scope(case.area)
    ):
        raise InvalidAssignee
    previous = case.lead
    if lead:
        if previous is not None and previous.pk == assignee.pk:
            return case, None
        case.lead = assignee
        _save(case)
        case.co_workers.remove(assignee)
        Task.objects.filter(case=case, status=TaskStatus.OPEN).filter(owner__isnull=True).update(
            owner=assignee
        )
        if previous is not None:
            Task.objects.filter(case=case, status=TaskStatus.OPEN, owner=previous).update(
                owner=assignee
            )
            Assignment.objects.create(
                case=case, user=previous, action=Assignment.Action.REMOVED, assigned_by=actor
            )
        action = Assignment.Action.LEAD
    else:
        if previous is not None and previous.pk == assignee.pk:
            raise InvalidAssignee(_("Pengguna ini sudah menjadi pendamping utama."))
        case.co_workers.add(assignee)
        action = Assignment.Action.CO_WORKER
    # Who assigns themselves has the case in front of them: nothing new to tell.
    own = assignee.pk == actor.pk
    Assignment.objects.create(
        case=case,
        user=assignee,
        action=action,
        assigned_by=actor,
        seen_at=timezone.now() if own else None,
    )
    _audit(actor, AuditAction.UPDATE, case, case, reason=f"assign {action} {assignee.username}")
    if own:
        return case, None
    text = (
        gettext_lazy("Anda ditunjuk sebagai pendamping utama kasus %(n)s.")
        if lead
        else gettext_lazy("Anda ditambahkan sebagai pendamping pendukung kasus %(n)s.")
    )
    notices = notices_create(
        users=[assignee],
        kind=NotificationKind.ASSIGNED,
        case=case,
        message=notice_text(text, n=case.registration_number),
    )
    return case, notices[0] if notices else None


def assignment_seen(*, actor: User, case: Case) -> int:
    """The assigned user opened the case: it is no longer "new" on their home page. Called by
    the case page for every reader; only the reader's own unseen assignments change (no
    audit: the read itself is audited). Returns how many assignment rows were marked."""
    named = case.lead_id == actor.pk or any(u.pk == actor.pk for u in case.co_workers.all())
    if not named:
        return 0
    return (
        Assignment.objects.filter(case=case, user=actor, seen_at__isnull=True)
        .exclude(action=Assignment.Action.REMOVED)
        .update(seen_at=timezone.now())
    )


@transaction.atomic
def case_unassign(*, actor: User, case: Case, assignee: User) -> Case:
    """A supervisor removes a co-worker or the lead (the case then has no lead)."""
    _require_supervisor(actor, case)
    case = _lock(case)
    if case.lead_id == assignee.pk:
        case.lead = None
        _save(case)
    elif not case.co_workers.filter(pk=assignee.pk).exists():
        raise InvalidAssignee(_("Pengguna ini tidak ditugaskan pada kasus ini."))
    case.co_workers.remove(assignee)
    Assignment.objects.create(
        case=case, user=assignee, action=Assignment.Action.REMOVED, assigned_by=actor
    )
    _audit(actor, AuditAction.UPDATE, case, case, reason=f"unassign {assignee.username}")
    return case


BULK_MAX = 200


@transaction.atomic
def cases_bulk_assign(*, actor: User, case_ids: Sequence[UUID | str], assignee: User) -> list[Case]:
    """A supervisor names ``assignee`` lead of every selected case. Each case goes through
    ``case_assign`` (same checks, history, task hand-over and audit); the assignee must work in
    the supervisor's unit. All or nothing: one case the actor may not write fails the whole
    batch (422), one closed case too (409: it is reopened first) (DESIGN §5 Assignment)."""
    if actor.role not in SUPERVISORS:
        raise NotPermitted(_("Hanya supervisor yang dapat menugaskan kasus."))
    try:
        ids = list(dict.fromkeys(UUID(str(i)) for i in case_ids))
    except ValueError as exc:
        raise ValidationError({"cases": _("Pilihan kasus tidak sah.")}) from exc
    if not ids:
        raise ValidationError({"cases": _("Pilih minimal satu kasus.")})
    if len(ids) > BULK_MAX:
        raise ValidationError(
            {"cases": _("Paling banyak %(n)d kasus sekaligus.") % {"n": BULK_MAX}}
        )
    if assignee.organisation_id != actor.organisation_id:
        raise InvalidAssignee(_("Pendamping harus dari unit Anda."))
    cases = list(
        cases_writable_by(actor)
        .filter(public_id__in=ids)
        .select_related("area", "lead")
        .order_by("received_at", "pk")
    )
    if len(cases) != len(ids):
        raise ValidationError({"cases": _("Sebagian kasus yang dipilih tidak ditemukan.")})
    closed = [c.registration_number for c in cases if c.status == CaseStatus.CLOSED]
    if closed:
        raise TransitionNotAllowed(
            _("Kasus yang sudah ditutup tidak ditugaskan (buka kembali dulu): %(n)s.")
            % {"n": ", ".join(closed)}
        )
    done = [_assign(actor=actor, case=case, assignee=assignee, lead=True) for case in cases]
    # One e-mail for the whole batch (the task groups a user's notices).
    notices_email_later([notice for _case, notice in done if notice is not None])
    return [case for case, _notice in done]
