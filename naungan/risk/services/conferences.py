"""Multi-agency risk conferences (rapat koordinasi lintas sektor, DESIGN §8): record one held
on a case (and other cases discussed), its agencies and outcome; its actions become tasks with
an owner and a due date on the case they concern."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases.models import Case, Task, TaskKind
from naungan.cases.services import task_create
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from ..models import Conference
from ._common import audit, local_date, require_writer, save


@dataclass(frozen=True)
class ActionIn:
    description: str
    due_on: date
    owner: User | None = None
    case: Case | None = None  # default: the conference's first case


@dataclass
class ConferenceIn:
    held_on: Any
    agencies: list[Organisation] = field(default_factory=list)
    other_cases: list[Case] = field(default_factory=list)
    outcome: str = ""
    actions: list[ActionIn] = field(default_factory=list)


def _held_on(value: Any, case: Case) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            value = None
    if not isinstance(value, date):
        raise ValidationError({"held_on": _("Tanggal rapat wajib diisi (TTTT-BB-HH).")})
    if value > local_date(timezone.now(), case):
        raise ValidationError({"held_on": _("Tanggal rapat tidak boleh di masa depan.")})
    return value


def _due_at(day: date, case: Case) -> datetime:
    return datetime.combine(day, time(16, 0), tzinfo=ZoneInfo(case.area.timezone))


def _action_task(actor: User, conference: Conference, action: ActionIn, case: Case) -> Task:
    text = action.description.strip()
    if not text:
        raise ValidationError({"actions": _("Setiap tindakan perlu uraian.")})
    task = task_create(
        case=case,
        kind=TaskKind.CONFERENCE_ACTION,
        due_at=_due_at(action.due_on, case),
        owner=action.owner,
        title=text,
        source_rule="risk:conference",
    )
    conference.actions.add(task)
    return task


@transaction.atomic
def conference_record(*, actor: User, case: Case, data: ConferenceIn) -> Conference:
    """Record a conference that discussed ``case`` (and ``other_cases`` the actor also
    writes on). Its date is the case's last conference for the ``repeat`` rule from now on.
    Callers: the case's writers."""
    require_writer(actor, case)
    for other in data.other_cases:
        require_writer(actor, other)
    conference = Conference(
        organisation=case.organisation,
        held_on=_held_on(data.held_on, case),
        outcome=(data.outcome or "").strip(),
        recorded_by=actor,
    )
    save(conference)
    conference.cases.add(case, *[c for c in data.other_cases if c.pk != case.pk])
    if data.agencies:
        conference.agencies.add(*data.agencies)
    for action in data.actions:
        _action_task(actor, conference, action, action.case or case)
    for c in conference.cases.all():
        audit(actor, AuditAction.CREATE, conference, c)
    return conference


@transaction.atomic
def conference_action_add(
    *, actor: User, conference: Conference, case: Case, action: ActionIn
) -> Task:
    """An action agreed at the conference on one of its cases: a task with owner and due date."""
    require_writer(actor, case)
    if not conference.cases.filter(pk=case.pk).exists():
        raise ValidationError({"case": _("Kasus ini tidak dibahas dalam rapat ini.")})
    task = _action_task(actor, conference, action, case)
    audit(actor, AuditAction.UPDATE, conference, case)
    return task


def conferences_read_audit(*, actor: User, case: Case, request: HttpRequest | None = None) -> None:
    audit(actor, AuditAction.VIEW, case, case, categories="risk,conference", request=request)
