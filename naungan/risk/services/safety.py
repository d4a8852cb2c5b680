"""Safety plans (DESIGN §8): one per victim, versioned (each save is a new version, the old
ones kept), encrypted, with the review date as a task. Printed for the victim on request;
never sent to a phone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases.models import Case, PartyRole, Person, TaskKind, TaskStatus
from naungan.cases.services import task_create
from naungan.core.models import AuditAction

from ..models import SafetyPlan
from ..models.safety import PLAN_FIELDS
from ._common import audit, local_date, require_writer, save


@dataclass
class SafetyPlanIn:
    review_on: date | None
    victim: Person | None = None
    parts: dict[str, str] = field(default_factory=dict)


@transaction.atomic
def safety_plan_save(*, actor: User, case: Case, data: SafetyPlanIn) -> SafetyPlan:
    """Save the next version of a victim's plan (default: the case's first victim). The
    previous version's open review task is cancelled and the new review date becomes one.
    Callers: the case's writers."""
    require_writer(actor, case)
    victims = case.parties.filter(role=PartyRole.VICTIM).select_related("person")
    if data.victim is not None:
        link = victims.filter(person=data.victim).first()
        if link is None:
            raise ValidationError({"victim": _("Orang ini bukan korban pada kasus ini.")})
    else:
        link = victims.first()
        if link is None:
            raise ValidationError({"victim": _("Kasus ini belum mempunyai korban.")})
    victim = link.person
    if data.review_on is None:
        raise ValidationError({"review_on": _("Tanggal tinjauan wajib diisi.")})
    if data.review_on < local_date(timezone.now(), case):
        raise ValidationError({"review_on": _("Tanggal tinjauan tidak boleh di masa lalu.")})
    unknown = set(data.parts) - set(PLAN_FIELDS)
    if unknown:
        raise ValidationError({"parts": _("Bagian rencana tidak dikenal.")})
    if not any((v or "").strip() for v in data.parts.values()):
        raise ValidationError({"parts": _("Isi setidaknya satu bagian rencana.")})
    previous = SafetyPlan.objects.filter(case=case, victim=victim)
    number = (previous.aggregate(n=Max("number"))["n"] or 0) + 1
    for old in previous.filter(review_task__status=TaskStatus.OPEN).select_related("review_task"):
        task = old.review_task
        assert task is not None
        task.status = TaskStatus.CANCELLED
        task.save(update_fields=["status", "updated_at"])
    task = task_create(
        case=case,
        kind=TaskKind.SAFETY_PLAN_REVIEW,
        due_at=datetime.combine(data.review_on, time(9, 0), tzinfo=ZoneInfo(case.area.timezone)),
        source_rule="risk:safety_plan",
    )
    plan = SafetyPlan(
        case=case,
        victim=victim,
        number=number,
        review_on=data.review_on,
        review_task=task,
        created_by=actor,
        **{k: (v or "").strip() for k, v in data.parts.items()},
    )
    save(plan)
    audit(actor, AuditAction.CREATE, plan, case, categories="risk,safety_plan")
    return plan


def safety_plans_read_audit(*, actor: User, case: Case, request: HttpRequest | None = None) -> None:
    audit(actor, AuditAction.VIEW, case, case, categories="risk,safety_plan", request=request)


def safety_plan_print_audit(
    *, actor: User, plan: SafetyPlan, request: HttpRequest | None = None
) -> None:
    audit(actor, AuditAction.PRINT, plan, plan.case, categories="risk,safety_plan", request=request)
