"""Outreach (penjangkauan, DESIGN §6.2): visits planned with their team and transport, the
safety check before the team leaves, departure and result. The emergency outreach task of an
emergency-triaged case is done once a visit has a result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases.models import Case, TaskKind, TaskStatus
from naungan.core.models import AuditAction

from ..exceptions import (
    EpisodeEnded,
    PoliceEscortRequired,
    SafetyCheckMissing,
    VisitDone,
    VisitNotPlanned,
    VisitUnsafe,
)
from ..models import OutreachResult, OutreachVisit, Service, ServiceEpisode, VisitStatus
from ._common import Giving, Opened, audit, episode_for, moment, require_writer, save


@dataclass
class VisitIn:
    """A planned visit: when, who goes (and whether police or health staff go with them, as a
    rescue needs), how, whether the address was verified with the dinas or kelurahan, and the
    victim's needs learned before the visit (disability, language)."""

    planned_at: datetime
    team: str
    with_police: bool = False
    with_health: bool = False
    transport: str = ""
    address_verified: bool = False
    needs: str = ""


def outreach_open(
    *,
    actor: User,
    case: Case,
    giving: Giving,
    visit: VisitIn | None = None,
) -> Opened:
    """Open outreach on a case, with its first planned visit when given. Callers:
    ``episode_open`` (the case's writers)."""
    with transaction.atomic():
        episode = episode_for(actor=actor, case=case, service=Service.OUTREACH, giving=giving)
        audit(actor, AuditAction.CREATE, episode, case, categories="services,outreach")
        if visit is not None:
            _visit_new(actor, episode, visit)
    return Opened(episode)


def _visit_new(actor: User, episode: ServiceEpisode, data: VisitIn) -> OutreachVisit:
    if not data.team.strip():
        raise ValidationError({"team": _("Tulis siapa saja anggota tim.")})
    visit = OutreachVisit(
        episode=episode,
        planned_at=data.planned_at,
        team=data.team.strip(),
        with_police=data.with_police,
        with_health=data.with_health,
        transport=data.transport.strip(),
        address_verified=data.address_verified,
        needs=data.needs.strip(),
        recorded_by=actor,
    )
    save(visit)
    audit(actor, AuditAction.CREATE, visit, episode.case, categories="services,outreach")
    return visit


@transaction.atomic
def outreach_visit_plan(*, actor: User, episode: ServiceEpisode, visit: VisitIn) -> OutreachVisit:
    """Plan another visit of an outreach in progress. Callers: the case's writers."""
    require_writer(actor, episode.case)
    if episode.service != Service.OUTREACH:
        raise ValidationError({"service": _("Kunjungan hanya untuk layanan penjangkauan.")})
    if episode.ended_at is not None:
        raise EpisodeEnded
    return _visit_new(actor, episode, visit)


def _locked(visit: OutreachVisit) -> OutreachVisit:
    return (
        OutreachVisit.objects.select_for_update()
        .select_related("episode__case__area")
        .get(pk=visit.pk)
    )


@transaction.atomic
def outreach_safety_check(
    *,
    actor: User,
    visit: OutreachVisit,
    perpetrator_present: bool,
    safe_for_victim: bool,
    note: str = "",
) -> OutreachVisit:
    """Record the safety check before leaving: is the perpetrator present, is the visit safe
    for the victim (DESIGN §6.2: the team and its safety). May be repeated while the visit is
    planned; the latest answers count."""
    require_writer(actor, visit.episode.case)
    visit = _locked(visit)
    if visit.status != VisitStatus.PLANNED:
        raise VisitNotPlanned
    visit.perpetrator_present = perpetrator_present
    visit.safe_for_victim = safe_for_victim
    visit.safety_note = note.strip()
    visit.safety_checked_at = timezone.now()
    visit.safety_checked_by = actor
    save(visit)
    audit(
        actor,
        AuditAction.UPDATE,
        visit,
        visit.episode.case,
        categories="services,outreach",
        reason="safety check",
    )
    return visit


def _may_leave(visit: OutreachVisit) -> None:
    """The team leaves only after a safety check that found the visit safe for the victim,
    and with police when the perpetrator is there."""
    if visit.safety_checked_at is None:
        raise SafetyCheckMissing
    if not visit.safe_for_victim:
        raise VisitUnsafe
    if visit.perpetrator_present and not visit.with_police:
        raise PoliceEscortRequired


@transaction.atomic
def outreach_depart(*, actor: User, visit: OutreachVisit) -> OutreachVisit:
    """The team leaves (refused without a safety check that allows it)."""
    require_writer(actor, visit.episode.case)
    visit = _locked(visit)
    if visit.status != VisitStatus.PLANNED:
        raise VisitNotPlanned
    _may_leave(visit)
    visit.status = VisitStatus.DEPARTED
    visit.departed_at = timezone.now()
    save(visit)
    audit(actor, AuditAction.UPDATE, visit, visit.episode.case, reason="departed")
    return visit


@transaction.atomic
def outreach_result(
    *,
    actor: User,
    visit: OutreachVisit,
    result: str,
    note: str = "",
    done_at: datetime | None = None,
) -> OutreachVisit:
    """The visit's result: found, rescued, refused or not found. A visit marked done without
    having departed must pass the same safety check. The case's open emergency outreach task
    is done."""
    case = visit.episode.case
    require_writer(actor, case)
    visit = _locked(visit)
    if visit.status == VisitStatus.DONE:
        raise VisitDone
    if result not in OutreachResult.values:
        raise ValidationError({"result": _("Hasil kunjungan tidak dikenal.")})
    if visit.status == VisitStatus.PLANNED:
        _may_leave(visit)
    visit.status = VisitStatus.DONE
    visit.result = result
    visit.result_note = note.strip()
    visit.done_at = moment(done_at, "done_at")
    save(visit)
    audit(actor, AuditAction.UPDATE, visit, case, categories="services,outreach", reason=result)
    for task in case.tasks.filter(kind=TaskKind.OUTREACH, status=TaskStatus.OPEN):
        task.status = TaskStatus.DONE
        task.completed_at = timezone.now()
        task.completed_by = actor
        save(task)
        audit(actor, AuditAction.UPDATE, task, case, reason="task done outreach")
    return visit
