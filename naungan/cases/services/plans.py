"""Intervention plan and monitoring (DESIGN §5 steps 3 and 5).

A plan is drafted by the case's caseworkers with the client, submitted, and approved or rejected
by a supervisor of the case's area who did not write it. Approval turns every action with a due
date into a ``follow_up`` task; a newer approved version supersedes the older one, whose open
action tasks are cancelled. Monitoring entries record the periodic review (every 30 days by
default) and keep exactly one open ``review`` task at the next review date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from naungan.accounts.models import User
from naungan.cases.exceptions import PlanDeciderIsAuthor, PlanNotDraft, PlanNotPending
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from ..exceptions import InvalidAssignee, ReasonRequired, TransitionNotAllowed
from ..models import (
    Case,
    CaseStatus,
    InterventionPlan,
    MonitoringEntry,
    Notification,
    NotificationKind,
    PlanAction,
    PlanStatus,
    Task,
    TaskKind,
    TaskStatus,
)
from ..selectors import plan_organisations
from ._common import _audit, _lock, _require_supervisor, _require_writer, _save, task_create
from .notifications import approvers_for, notice_text, notices_create

REVIEW_INTERVAL_DAYS = 30  # DESIGN §5 step 5 [project default]
PLAN_RULE = "rencana intervensi"
MONITORING_RULE = "pemantauan berkala"
DUE_TIME = time(23, 59)  # a date-only deadline lasts to the end of that day in the area's zone


@dataclass
class PlanActionIn:
    """One action of a plan: what, by whom (a caseworker of the case and/or an organisation),
    by when (a date in the case area's zone)."""

    description: str
    service: str = ""
    responsible_user: User | None = None
    responsible_org: Organisation | None = None
    due_on: date | None = None


def due_at_for(case: Case, day: date) -> datetime:
    """The end of ``day`` in the case area's zone (WIB/WITA/WIT), as an aware time."""
    return datetime.combine(day, DUE_TIME, tzinfo=ZoneInfo(case.area.timezone))


def _require_open(case: Case) -> None:
    if case.status == CaseStatus.CLOSED:
        raise TransitionNotAllowed(_("Kasus sudah ditutup."))


def _case_workers(case: Case) -> set[int]:
    ids = set(case.co_workers.values_list("pk", flat=True))
    if case.lead_id:
        ids.add(case.lead_id)
    return ids


def _check_actions(case: Case, actions: list[PlanActionIn]) -> None:
    if not actions:
        raise ValidationError({"actions": _("Tambahkan paling sedikit satu tindakan.")})
    workers = _case_workers(case)
    orgs = {a.responsible_org.pk for a in actions if a.responsible_org is not None}
    serving = set(plan_organisations(case=case).filter(pk__in=orgs).values_list("pk", flat=True))
    for index, action in enumerate(actions, start=1):
        if not action.description.strip():
            raise ValidationError({"actions": _("Tindakan %(n)d belum diuraikan.") % {"n": index}})
        if action.responsible_user is not None and action.responsible_user.pk not in workers:
            raise InvalidAssignee(
                _("Penanggung jawab tindakan %(n)d bukan pendamping kasus ini.") % {"n": index}
            )
        if action.responsible_org is not None and action.responsible_org.pk not in serving:
            raise ValidationError(
                {
                    "actions": _(
                        "Lembaga penanggung jawab tindakan %(n)d tidak melayani wilayah kasus "
                        "ini (%(area)s)."
                    )
                    % {"n": index, "area": case.area.name}
                }
            )


@transaction.atomic
def plan_draft(
    *,
    actor: User,
    case: Case,
    goals: str,
    actions: list[PlanActionIn],
    made_with: str = "",
) -> InterventionPlan:
    """Write the plan's draft with the client (DESIGN §5 step 3): goals and actions. An open
    draft is replaced; otherwise a new version starts. A plan awaiting a decision blocks new
    drafts (409). A responsible caseworker must work on the case, a responsible organisation
    must serve the case's area (``selectors.plan_organisations``; 422 otherwise). Callers:
    the case's caseworkers and supervisors of its area."""
    _require_writer(actor, case)
    case = _lock(case)
    _require_open(case)
    if case.plans.filter(status=PlanStatus.SUBMITTED).exists():
        raise PlanNotDraft(_("Rencana sebelumnya masih menunggu keputusan supervisor."))
    _check_actions(case, actions)
    plan = case.plans.filter(status=PlanStatus.DRAFT).first()
    if plan is None:
        last = case.plans.aggregate(v=Max("version"))["v"] or 0
        plan = InterventionPlan(case=case, version=last + 1, author=actor)
    plan.goals = goals.strip()
    plan.made_with = made_with.strip()
    _save(plan)
    plan.actions.all().delete()
    for action in actions:
        _save(
            PlanAction(
                plan=plan,
                description=action.description.strip(),
                service=action.service.strip(),
                responsible_user=action.responsible_user,
                responsible_org=action.responsible_org,
                due_at=due_at_for(case, action.due_on) if action.due_on else None,
            )
        )
    _audit(actor, AuditAction.UPDATE, plan, case, categories="narrative", reason="plan draft")
    return plan


@transaction.atomic
def plan_submit(*, actor: User, plan: InterventionPlan) -> InterventionPlan:
    """Send a draft to the area's supervisors for approval: each of them but the author is
    notified (in the app, and by e-mail after commit) and finds it on their home page."""
    _require_writer(actor, plan.case)
    case = _lock(plan.case)
    _require_open(case)
    plan = InterventionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise PlanNotDraft
    if not plan.actions.exists():
        raise ValidationError({"actions": _("Tambahkan paling sedikit satu tindakan.")})
    plan.status = PlanStatus.SUBMITTED
    _save(plan)
    _audit(actor, AuditAction.UPDATE, plan, case, reason=f"plan v{plan.version} submitted")
    notices_create(
        users=approvers_for(case, besides=actor),
        kind=NotificationKind.APPROVAL,
        case=case,
        message=notice_text(
            gettext_lazy("Rencana intervensi v%(v)d kasus %(n)s menunggu persetujuan Anda."),
            v=plan.version,
            n=case.registration_number,
        ),
        link=reverse("cases:plans", args=[case.public_id]),
        email=True,
    )
    return plan


@transaction.atomic
def plan_decide(
    *, actor: User, plan: InterventionPlan, approve: bool, reason: str = ""
) -> InterventionPlan:
    """A supervisor of the case's area who did not write the plan approves or rejects it (a
    rejection needs a reason). Approval supersedes the previous approved version (its open
    action tasks are cancelled) and creates a ``follow_up`` task for each dated action, titled
    with the action and owned by its responsible caseworker or the lead. The author is
    notified in the app."""
    case = _lock(plan.case)
    _require_supervisor(actor, case)
    _require_open(case)
    plan = InterventionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.SUBMITTED:
        raise PlanNotPending
    if plan.author_id == actor.pk:
        raise PlanDeciderIsAuthor
    if not approve and not reason.strip():
        raise ReasonRequired(_("Tulis alasan penolakan."))
    plan.decided_by = actor
    plan.decided_at = timezone.now()
    plan.decision_reason = reason.strip()
    plan.status = PlanStatus.APPROVED if approve else PlanStatus.REJECTED
    _save(plan)
    if approve:
        Task.objects.filter(
            plan_action__plan__case=case,
            plan_action__plan__status=PlanStatus.APPROVED,
            status=TaskStatus.OPEN,
        ).exclude(plan_action__plan=plan).update(status=TaskStatus.CANCELLED)
        for action in plan.actions.filter(due_at__isnull=False):
            assert action.due_at is not None
            action.task = task_create(
                case=case,
                kind=TaskKind.FOLLOW_UP,
                title=action.description,
                due_at=action.due_at,
                owner=action.responsible_user,
                source_rule=f"{PLAN_RULE} v{plan.version}",
            )
            _save(action)
    message = notice_text(
        gettext_lazy("Rencana intervensi v%(v)d kasus %(n)s disetujui.")
        if approve
        else gettext_lazy("Rencana intervensi v%(v)d kasus %(n)s ditolak."),
        v=plan.version,
        n=case.registration_number,
    ).in_language(plan.author.preferred_language)  # read later, by the author
    _save(Notification(user=plan.author, kind=NotificationKind.PLAN, case=case, message=message))
    _audit(actor, AuditAction.UPDATE, plan, case, reason=f"plan v{plan.version} {plan.status}")
    return plan


@transaction.atomic
def monitoring_record(
    *,
    actor: User,
    case: Case,
    reviewed_on: date,
    summary: str,
    rights_reviewed: bool = False,
    risk_changed: bool = False,
    next_review_on: date | None = None,
) -> MonitoringEntry:
    """Record a periodic review of rights, tasks, referral feedback and risk (DESIGN §5 step 5).
    The review fulfils the open ``review`` task, and a new one is due at the next review date
    (default 30 days after this review). Callers: the case's caseworkers and supervisors."""
    _require_writer(actor, case)
    case = _lock(case)
    _require_open(case)
    today = timezone.localdate(timezone=ZoneInfo(case.area.timezone))
    if reviewed_on > today:
        raise ValidationError({"reviewed_on": _("Tanggal tinjauan tidak boleh di masa depan.")})
    next_on = next_review_on or reviewed_on + timedelta(days=REVIEW_INTERVAL_DAYS)
    if next_on <= reviewed_on:
        raise ValidationError(
            {"next_review_on": _("Tinjauan berikutnya harus setelah tanggal tinjauan.")}
        )
    entry = MonitoringEntry(
        case=case,
        reviewed_on=reviewed_on,
        summary=summary.strip(),
        rights_reviewed=rights_reviewed,
        risk_changed=risk_changed,
        next_review_on=next_on,
        author=actor,
    )
    _save(entry)
    now = timezone.now()
    case.tasks.filter(kind=TaskKind.REVIEW, status=TaskStatus.OPEN).update(
        status=TaskStatus.DONE, completed_at=now, completed_by=actor
    )
    task_create(
        case=case,
        kind=TaskKind.REVIEW,
        due_at=due_at_for(case, next_on),
        source_rule=MONITORING_RULE,
    )
    _audit(actor, AuditAction.CREATE, entry, case, categories="narrative")
    return entry
