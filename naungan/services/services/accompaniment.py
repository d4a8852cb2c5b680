"""Accompaniment (pendampingan, DESIGN §6.6) — to the police, prosecutor, courts, hospital for a
visum, LPSK, psychologist — with the next hearing as a task, and the partner clocks the
caseworker follows, each a case task citing its legal source (DESIGN §6 clock table)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases.models import Case, Task, TaskKind, TaskStatus
from naungan.cases.services import task_create
from naungan.core.models import AuditAction

from ..clocks import CLOCKS
from ..exceptions import ClockRunning
from ..models import Accompaniment, Destination, Service
from ._common import (
    Giving,
    Opened,
    audit,
    episode_for,
    moment,
    require_open_case,
    require_writer,
    save,
)

HEARING_RULE = "Pendampingan: sidang berikutnya"


@dataclass
class AccompanimentIn:
    """The accompaniment's part of recording it."""

    destination: str = ""
    purpose: str = ""
    companions: str = ""
    outcome: str = ""
    next_hearing_at: datetime | None = None
    partner_clocks: Sequence[str] = field(default_factory=list)


def accompaniment_record(
    *,
    actor: User,
    case: Case,
    giving: Giving,
    accompaniment: AccompanimentIn | None = None,
) -> Opened:
    """One accompaniment: where to, why, who went, the outcome. A next hearing becomes a
    ``hearing`` task due then; partner clocks asked for start at ``started_at`` (the police
    learn of the case when the victim is accompanied there). Callers: ``episode_open`` (the
    case's writers)."""
    data = accompaniment or AccompanimentIn()
    if data.destination and data.destination not in Destination.values:
        raise ValidationError({"destination": _("Tujuan pendampingan tidak dikenal.")})
    if data.next_hearing_at is not None and data.next_hearing_at <= giving.started_at:
        raise ValidationError(
            {"next_hearing_at": _("Sidang berikutnya harus setelah pendampingan ini.")}
        )
    with transaction.atomic():
        episode = episode_for(
            actor=actor,
            case=case,
            service=Service.ACCOMPANIMENT,
            giving=giving,
            outcome=data.outcome,
        )
        save(
            Accompaniment(
                episode=episode,
                destination=data.destination,
                purpose=data.purpose.strip(),
                companions=data.companions.strip(),
                next_hearing_at=data.next_hearing_at,
            )
        )
        audit(actor, AuditAction.CREATE, episode, case, categories="services,accompaniment")
        if data.next_hearing_at is not None:
            task_create(
                case=case,
                kind=TaskKind.HEARING,
                due_at=data.next_hearing_at,
                source_rule=HEARING_RULE,
            )
        for clock in dict.fromkeys(data.partner_clocks):
            _clock_start(actor, case, clock, giving.started_at)
    return Opened(episode)


@transaction.atomic
def accompaniment_next_hearing(
    *, actor: User, accompaniment: Accompaniment, next_hearing_at: datetime
) -> Accompaniment:
    """Set the next hearing after this accompaniment: a ``hearing`` task due then (an earlier
    open hearing task of the case is replaced)."""
    case = accompaniment.episode.case
    require_writer(actor, case)
    if next_hearing_at <= accompaniment.episode.started_at:
        raise ValidationError(
            {"next_hearing_at": _("Sidang berikutnya harus setelah pendampingan ini.")}
        )
    accompaniment.next_hearing_at = next_hearing_at
    save(accompaniment)
    case.tasks.filter(kind=TaskKind.HEARING, status=TaskStatus.OPEN).update(
        status=TaskStatus.CANCELLED
    )
    task_create(case=case, kind=TaskKind.HEARING, due_at=next_hearing_at, source_rule=HEARING_RULE)
    audit(actor, AuditAction.UPDATE, accompaniment, case, categories="services,accompaniment")
    return accompaniment


def _clock_start(actor: User, case: Case, clock: str, started_at: datetime) -> Task:
    spec = CLOCKS.get(clock)
    if spec is None:
        raise ValidationError({"clock": _("Tenggat mitra tidak dikenal.")})
    if case.tasks.filter(kind=spec.kind, source_rule=spec.source, status=TaskStatus.OPEN).exists():
        raise ClockRunning
    task = task_create(
        case=case,
        kind=spec.kind,
        due_at=started_at + timedelta(hours=spec.hours),
        source_rule=spec.source,
    )
    audit(actor, AuditAction.CREATE, task, case, categories="services", reason=clock)
    return task


@transaction.atomic
def partner_clock_start(
    *, actor: User, case: Case, clock: str, started_at: datetime | None = None
) -> Task:
    """Start a partner's clock (``PartnerClock``) from the moment the partner learned of the
    case: a task on the case with its legal source, owned by the case's lead, due the
    clock's hours later. The same clock running already → 409. Callers: the case's
    writers."""
    require_writer(actor, case)
    require_open_case(case)
    return _clock_start(actor, case, clock, moment(started_at, "started_at"))
