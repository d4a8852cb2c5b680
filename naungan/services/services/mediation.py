"""Mediation (DESIGN §6.5): refused by law on sexual violence unless the perpetrator is a child
(UU TPKS Pasal 23; CONTRACT §6), sessions with their minutes, the agreement and its follow-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases.models import Case, GbvType, Incident, TaskKind, ViolenceType
from naungan.cases.services import task_create
from naungan.core.models import AuditAction

from ..exceptions import EpisodeEnded, MediationNotAllowed
from ..models import Mediation, MediationMatter, MediationSession, Service
from ._common import Giving, Opened, audit, episode_for, moment, require_writer, save

TPKS_ARTICLE = "UU TPKS Pasal 23"
SEXUAL_GBV_TYPES = frozenset({GbvType.RAPE, GbvType.SEXUAL_ASSAULT})
CHILD_AGE = 18
MEDIATION_FOLLOW_UP_RULE = "Tindak lanjut kesepakatan mediasi"


@dataclass
class MediationIn:
    """The mediation's part of opening it."""

    matter: str = ""
    readiness_checked: bool = False
    client_agrees: bool = False
    mediator: str = ""


def is_sexual_incident(incident: Incident) -> bool:
    """Typed rape or sexual assault (GBVIMS), or carrying a UU TPKS category."""
    return incident.gbv_type in SEXUAL_GBV_TYPES or bool(incident.tpks_type)


def mediation_refusal(case: Case) -> str | None:
    """Why mediation may not be opened on ``case``, or None when it may (UU TPKS Pasal 23).

    A case counts as sexual violence when its violence types include ``sexual`` or one of its
    incidents is sexual (``is_sexual_incident``). The exception is a perpetrator who is a
    child: every sexual incident's ``perpetrator_age`` known and under 18. A case typed
    ``sexual`` without a sexual incident recorded is refused too: the perpetrator's age is
    not known. The case page shows this reason instead of the form."""
    sexual = [i for i in case.incidents.all() if is_sexual_incident(i)]
    typed = ViolenceType.SEXUAL in (case.violence_types or [])
    if not typed and not sexual:
        return None
    if sexual and all(
        i.perpetrator_age is not None and i.perpetrator_age < CHILD_AGE for i in sexual
    ):
        return None
    law = _(
        "Mediasi tidak dapat dilakukan: perkara kekerasan seksual tidak dapat diselesaikan di "
        "luar proses peradilan, kecuali pelakunya anak (UU TPKS Pasal 23)."
    )
    if not sexual:
        why = _(
            "Kasus ini berjenis kekerasan seksual dan belum ada insiden kekerasan seksual yang "
            "tercatat, jadi usia pelaku belum diketahui."
        )
    else:
        why = _(
            "Pada insiden kekerasan seksual kasus ini, usia pelaku belum diketahui atau sudah "
            "18 tahun ke atas."
        )
    return f"{law} {why}"


def _refuse_if_forbidden(actor: User, case: Case, step: str) -> None:
    """Refuse with the reason, and record the refused attempt (DESIGN §6.5: every refusal is
    audited). The audit event is written in its own transaction, before the refusal leaves
    the service, so that the refusal does not roll it back."""
    reason = mediation_refusal(case)
    if reason is None:
        return
    with transaction.atomic():
        audit(
            actor,
            AuditAction.DENIED,
            case,
            case,
            categories=f"services,mediation,{step}",
            reason=TPKS_ARTICLE,
            outcome="refused",
        )
    raise MediationNotAllowed(reason)


def mediation_open(
    *,
    actor: User,
    case: Case,
    giving: Giving,
    mediation: MediationIn | None = None,
) -> Opened:
    """Open mediation, unless the law forbids it on this case (``MediationNotAllowed``, 409,
    citing UU TPKS Pasal 23; the attempt is audited). Records what is mediated, whether the
    pendamping and psychologist checked that the client can decide freely, the client's
    choice and the mediator. Callers: ``episode_open`` (the case's writers)."""
    require_writer(actor, case)
    _refuse_if_forbidden(actor, case, "open")
    data = mediation or MediationIn()
    if data.matter and data.matter not in MediationMatter.values:
        raise ValidationError({"matter": _("Pokok perkara tidak dikenal.")})
    with transaction.atomic():
        episode = episode_for(actor=actor, case=case, service=Service.MEDIATION, giving=giving)
        save(
            Mediation(
                episode=episode,
                matter=data.matter,
                readiness_checked=data.readiness_checked,
                client_agrees=data.client_agrees,
                mediator=data.mediator.strip(),
            )
        )
        audit(actor, AuditAction.CREATE, episode, case, categories="services,mediation")
    return Opened(episode)


def mediation_session_record(
    *,
    actor: User,
    mediation: Mediation,
    held_at: datetime | None,
    parties: str,
    minutes: str = "",
) -> MediationSession:
    """A mediation meeting with who attended and its minutes (berita acara). Refused like
    opening when the case has since turned out to be sexual violence."""
    case = mediation.episode.case
    require_writer(actor, case)
    _refuse_if_forbidden(actor, case, "session")
    if mediation.episode.ended_at is not None:
        raise EpisodeEnded
    if not parties.strip():
        raise ValidationError({"parties": _("Tulis siapa yang hadir.")})
    with transaction.atomic():
        session = MediationSession(
            mediation=mediation,
            held_at=moment(held_at, "held_at"),
            parties=parties.strip(),
            minutes=minutes.strip(),
            recorded_by=actor,
        )
        save(session)
        audit(actor, AuditAction.CREATE, session, case, categories="services,mediation")
    return session


def mediation_agreement_record(
    *,
    actor: User,
    mediation: Mediation,
    agreement: str,
    signed_on: date | None = None,
    follow_up_on: date | None = None,
) -> Mediation:
    """The signed agreement, and when compliance is checked (a ``follow_up`` task at the end
    of that day in the case's zone)."""
    case = mediation.episode.case
    require_writer(actor, case)
    _refuse_if_forbidden(actor, case, "agreement")
    if mediation.episode.ended_at is not None:
        raise EpisodeEnded
    if not agreement.strip():
        raise ValidationError({"agreement": _("Tulis isi kesepakatan.")})
    today = timezone.localdate(timezone=ZoneInfo(case.area.timezone))
    if signed_on and signed_on > today:
        raise ValidationError({"signed_on": _("Tanggal tidak boleh di masa depan.")})
    with transaction.atomic():
        mediation = Mediation.objects.select_for_update().get(pk=mediation.pk)
        mediation.agreement = agreement.strip()
        mediation.agreement_signed_on = signed_on or today
        mediation.follow_up_on = follow_up_on
        save(mediation)
        if follow_up_on:
            zone = ZoneInfo(case.area.timezone)
            task_create(
                case=case,
                kind=TaskKind.FOLLOW_UP,
                due_at=datetime.combine(follow_up_on, time(23, 59), tzinfo=zone),
                source_rule=MEDIATION_FOLLOW_UP_RULE,
            )
        audit(actor, AuditAction.UPDATE, mediation, case, categories="services,mediation")
    return mediation
