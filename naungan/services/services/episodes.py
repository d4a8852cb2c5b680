"""Opening and ending a service episode, and the episodes that opening, closing and reopening a
case record by themselves (DESIGN §6: complaint and case management count as services)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.models import Case, TaskKind, Triage
from naungan.cases.services import task_create
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from ..exceptions import EpisodeEnded, UseDischarge
from ..models import Service, ServiceEpisode
from ._common import (
    Giving,
    Opened,
    audit,
    episode_for,
    episode_new,
    moment,
    require_open_case,
    require_writer,
    save,
)
from .accompaniment import AccompanimentIn, accompaniment_record
from .mediation import MediationIn, mediation_open
from .outreach import VisitIn, outreach_open
from .shelter import StayIn, shelter_admit

EMERGENCY_OUTREACH_RULE = "SOP penjangkauan (triase darurat)"


@dataclass
class EpisodeIn:
    """What opening any service takes; the service's own part in ``shelter``, ``mediation``,
    ``accompaniment`` or ``visit`` (the first outreach visit)."""

    service: str
    started_at: datetime | None = None
    organisation: Organisation | None = None
    staff: User | None = None
    place: str = ""
    notes: str = ""
    shelter: StayIn = field(default_factory=StayIn)
    mediation: MediationIn = field(default_factory=MediationIn)
    accompaniment: AccompanimentIn = field(default_factory=AccompanimentIn)
    visit: VisitIn | None = None


def episode_open(*, actor: User, case: Case, data: EpisodeIn) -> Opened:
    """Open a service on a case (``POST /api/v1/cases/{id}/services``). Shelter stays go
    through ``shelter_admit`` (capacity, 409 with ``free_beds``), mediation through
    ``mediation_open`` (refused on sexual violence, UU TPKS Pasal 23), accompaniment through
    ``accompaniment_record`` (next hearing and partner clocks as tasks); the other services
    are plain episodes. Callers: the case's writers (assigned caseworkers, supervisors of its
    area). Not a transaction itself: a refused mediation must leave its audit event behind,
    so each service opens its own."""
    require_writer(actor, case)
    require_open_case(case)
    if data.service not in Service.values:
        raise ValidationError({"service": _("Layanan tidak dikenal.")})
    if data.service == Service.SHELTER:
        return shelter_admit(
            actor=actor,
            case=case,
            shelter=data.organisation,
            admitted_at=data.started_at,
            staff=data.staff,
            notes=data.notes,
            stay=data.shelter,
        )
    started_at = moment(data.started_at, "started_at")
    organisation = _giver(case, data.service, data.organisation)
    staff = _staff(actor, case, data.staff)
    giving = Giving(
        started_at=started_at,
        organisation=organisation,
        staff=staff,
        place=data.place,
        notes=data.notes,
    )
    if data.service == Service.MEDIATION:
        return mediation_open(actor=actor, case=case, giving=giving, mediation=data.mediation)
    if data.service == Service.ACCOMPANIMENT:
        return accompaniment_record(
            actor=actor, case=case, giving=giving, accompaniment=data.accompaniment
        )
    if data.service == Service.OUTREACH:
        return outreach_open(actor=actor, case=case, giving=giving, visit=data.visit)
    with transaction.atomic():
        episode = episode_for(actor=actor, case=case, service=data.service, giving=giving)
        audit(actor, AuditAction.CREATE, episode, case, categories="services")
    return Opened(episode)


def _giver(case: Case, service: str, organisation: Organisation | None) -> Organisation:
    """The unit that gives the service: the case's own UPTD PPA unless another organisation
    offering that service is named."""
    if organisation is None or organisation.pk == case.organisation_id:
        return case.organisation
    if not organisation.active or service not in (organisation.services or []):
        raise ValidationError(
            {"organisation": _("Organisasi ini tidak memberikan layanan tersebut.")}
        )
    return organisation


def _staff(actor: User, case: Case, staff: User | None) -> User:
    """Who gives it: the actor, or someone assigned to the case or supervising its area."""
    if staff is None or staff.pk == actor.pk:
        return actor
    named = staff.pk == case.lead_id or case.co_workers.filter(pk=staff.pk).exists()
    supervising = staff.role in SUPERVISORS and staff.in_scope(case.area)
    if not staff.is_active or not (named or supervising):
        raise ValidationError({"staff": _("Petugas ini tidak menangani kasus ini.")})
    return staff


@transaction.atomic
def episode_end(
    *, actor: User, episode: ServiceEpisode, ended_at: datetime | None = None, outcome: str = ""
) -> ServiceEpisode:
    """End a service with its outcome. A shelter stay ends by discharge instead. Callers: the
    case's writers."""
    case = episode.case
    require_writer(actor, case)
    episode = (
        ServiceEpisode.objects.select_for_update().select_related("case__area").get(pk=episode.pk)
    )
    if episode.service == Service.SHELTER:
        raise UseDischarge
    if episode.ended_at is not None:
        raise EpisodeEnded
    ended = moment(ended_at, "ended_at")
    if ended < episode.started_at:
        raise ValidationError({"ended_at": _("Waktu selesai tidak boleh sebelum waktu mulai.")})
    episode.ended_at = ended
    episode.outcome = outcome.strip()
    save(episode)
    audit(actor, AuditAction.UPDATE, episode, case, categories="services", reason="ended")
    return episode


def episodes_on_case_event(*, event: str, case: Case, actor: User) -> None:
    """The services that a case's life records by itself (``naungan.core.registry``
    case listener, called inside the transaction of the event):

    * opened — the complaint (pengaduan, from receipt to the opening, by whoever opened the
      case: intake did the complaint work) and case management (pengelolaan kasus, from now
      until closure), both by the case's unit; an emergency-triaged case (or report converted
      into one) also gets an ``outreach`` task due ``NAUNGAN_OUTREACH_EMERGENCY_HOURS`` after
      receipt;
    * closed — the case management in progress ends at the closure;
    * reopened — a new case-management episode starts (new work is counted in its month)."""
    now = timezone.now()
    if event == "opened":
        complaint = episode_new(
            actor=actor,
            case=case,
            service=Service.COMPLAINT,
            organisation=case.organisation,
            staff=actor,
            started_at=case.received_at,
            ended_at=max(now, case.received_at),
            automatic=True,
        )
        audit(actor, AuditAction.CREATE, complaint, case, categories="services")
        _case_management_start(actor, case, now)
        if case.triage == Triage.EMERGENCY:
            task_create(
                case=case,
                kind=TaskKind.OUTREACH,
                due_at=case.received_at + timedelta(hours=settings.OUTREACH_EMERGENCY_HOURS),
                source_rule=EMERGENCY_OUTREACH_RULE,
            )
    elif event == "closed":
        for episode in case.service_episodes.filter(
            service=Service.CASE_MANAGEMENT, ended_at__isnull=True
        ):
            episode.ended_at = max(case.closed_at or now, episode.started_at)
            save(episode)
            audit(actor, AuditAction.UPDATE, episode, case, categories="services", reason="ended")
    elif event == "reopened":
        _case_management_start(actor, case, now)


def _case_management_start(actor: User, case: Case, now: datetime) -> None:
    episode = episode_new(
        actor=actor,
        case=case,
        service=Service.CASE_MANAGEMENT,
        organisation=case.organisation,
        started_at=max(now, case.received_at),
        automatic=True,
    )
    audit(actor, AuditAction.CREATE, episode, case, categories="services")


def episodes_read_audit(
    *, actor: User, case: Case, categories: str = "services", request: HttpRequest | None = None
) -> None:
    """Record a read of a case's services (DESIGN §12: every read is audited)."""
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        object_type="services.serviceepisode",
        object_id=str(case.public_id),
        area_code=case.area.code,
        categories=categories,
        request=request,
    )
