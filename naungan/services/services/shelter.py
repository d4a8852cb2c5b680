"""Shelter stays (penampungan sementara / rumah aman, DESIGN §6.4): admission within the beds
of the shelter (or over them, by a supervisor with a reason), the review task at the planned
end, extensions approved by a supervisor, discharge, and the rule that an active stay blocks
closing the case (DESIGN §5.6)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.models import Case, TaskKind, TaskStatus
from naungan.cases.services import task_create
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from ..exceptions import (
    DeciderIsRequester,
    ExtensionNotPending,
    ExtensionPending,
    ShelterFull,
    StayAlreadyActive,
    StayNotActive,
)
from ..models import (
    AdmissionReason,
    ExtensionStatus,
    Service,
    ShelterExtension,
    ShelterStay,
)
from ..selectors.shelter import shelter_usable_by
from ._common import (
    Opened,
    audit,
    episode_new,
    moment,
    require_open_case,
    require_supervisor,
    require_writer,
    save,
)

SHELTER_REVIEW_RULE = "Batas penampungan (NAUNGAN_SHELTER_MAX_DAYS)"


@dataclass
class StayIn:
    """The shelter's part of opening a stay."""

    beds: int = 1
    children: int = 0
    reasons: Sequence[str] = field(default_factory=list)
    capacity_override_reason: str = ""


def free_beds(shelter: Organisation) -> int:
    """Beds of ``shelter`` not taken by a stay in progress (negative when over capacity)."""
    taken = ShelterStay.objects.filter(shelter=shelter, discharged_at__isnull=True).aggregate(
        n=Sum("beds")
    )["n"]
    return (shelter.capacity or 0) - (taken or 0)


def shelter_admit(
    *,
    actor: User,
    case: Case,
    shelter: Organisation | None,
    admitted_at: datetime | None = None,
    staff: User | None = None,
    notes: str = "",
    stay: StayIn | None = None,
) -> Opened:
    """Admit the case's victim (and the children with her) to ``shelter``.

    The stay takes ``beds`` beds. When the stays in progress leave fewer free beds, the
    answer is ``ShelterFull`` (409) with ``free_beds``, unless a supervisor of the case's
    area gives ``capacity_override_reason``: then the stay is admitted over capacity, the
    override audited and a warning returned (CONTRACT §8). The shelter's row is locked
    (``select_for_update``) before its beds are counted, so two admissions to its last bed
    cannot both pass: the second waits for the first and counts it. A ``shelter_review``
    task is due at the planned end, ``NAUNGAN_SHELTER_MAX_DAYS`` (default 7) after
    admission. Callers: the case's writers."""
    require_writer(actor, case)
    require_open_case(case)
    stay = stay or StayIn()
    if shelter is None:
        raise ValidationError({"organisation": _("Pilih rumah aman.")})
    if not shelter_usable_by(user=actor, shelter=shelter):
        raise ValidationError(
            {"organisation": _("Organisasi ini bukan rumah aman yang dapat Anda gunakan.")}
        )
    if stay.beds < 1:
        raise ValidationError({"beds": _("Sedikitnya satu tempat tidur.")})
    if not 0 <= stay.children <= stay.beds:
        raise ValidationError(
            {"children": _("Jumlah anak tidak boleh melebihi jumlah tempat tidur.")}
        )
    reasons = list(dict.fromkeys(stay.reasons))
    unknown = [r for r in reasons if r not in AdmissionReason.values]
    if unknown:
        raise ValidationError({"admission_reasons": _("Alasan penampungan tidak dikenal.")})
    admitted = moment(admitted_at, "started_at")
    override = stay.capacity_override_reason.strip()
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=shelter.pk)
        if ShelterStay.objects.filter(episode__case=case, discharged_at__isnull=True).exists():
            raise StayAlreadyActive
        free = free_beds(locked)
        over = stay.beds > free
        if over and not (override and actor.role in SUPERVISORS):
            raise ShelterFull(
                _(
                    "Tidak ada tempat tidur kosong yang cukup di %(s)s (kosong: %(n)d). Hanya "
                    "supervisor yang dapat menempatkan melebihi kapasitas, dengan alasan."
                )
                % {"s": locked.name, "n": max(free, 0)},
                free_beds=max(free, 0),
            )
        episode = episode_new(
            actor=actor,
            case=case,
            service=Service.SHELTER,
            organisation=locked,
            started_at=admitted,
            staff=staff or actor,
            notes=notes,
        )
        record = ShelterStay(
            episode=episode,
            shelter=locked,
            beds=stay.beds,
            children=stay.children,
            reasons=reasons,
            admitted_at=admitted,
            planned_end_at=admitted + timedelta(days=settings.SHELTER_MAX_DAYS),
            over_capacity=over,
            override_reason=override if over else "",
            override_by=actor if over else None,
        )
        save(record)
        task_create(
            case=case,
            kind=TaskKind.SHELTER_REVIEW,
            due_at=record.planned_end_at,
            source_rule=SHELTER_REVIEW_RULE,
        )
        audit(actor, AuditAction.CREATE, episode, case, categories="services,shelter")
        warnings = []
        if over:
            audit(
                actor,
                AuditAction.CREATE,
                record,
                case,
                categories="shelter,over_capacity",
                reason=override,
                outcome="over_capacity",
            )
            warnings.append(
                _(
                    "Penempatan melebihi kapasitas %(s)s (%(c)d tempat tidur, %(n)d kosong), "
                    "disetujui supervisor."
                )
                % {"s": locked.name, "c": locked.capacity or 0, "n": max(free, 0)}
            )
    return Opened(episode, warnings)


def _active(stay: ShelterStay) -> ShelterStay:
    locked = (
        ShelterStay.objects.select_for_update()
        .select_related("episode__case__area")
        .get(pk=stay.pk)
    )
    if not locked.active:
        raise StayNotActive
    return locked


@transaction.atomic
def shelter_discharge(
    *,
    actor: User,
    stay: ShelterStay,
    discharged_at: datetime | None = None,
    destination: str = "",
) -> ShelterStay:
    """End a stay (discharge and destination); its episode ends and the open review task
    is done. Callers: the case's writers."""
    case = stay.episode.case
    require_writer(actor, case)
    stay = _active(stay)
    when = moment(discharged_at, "discharged_at")
    if when < stay.admitted_at:
        raise ValidationError({"discharged_at": _("Waktu keluar tidak boleh sebelum waktu masuk.")})
    stay.discharged_at = when
    stay.destination = destination.strip()
    save(stay)
    episode = stay.episode
    episode.ended_at = when
    save(episode)
    _review_tasks_done(actor, case)
    audit(actor, AuditAction.UPDATE, stay, case, categories="shelter", reason="discharged")
    return stay


def _review_tasks_done(actor: User, case: Case) -> None:
    for task in case.tasks.filter(kind=TaskKind.SHELTER_REVIEW, status=TaskStatus.OPEN):
        task.status = TaskStatus.DONE
        task.completed_at = timezone.now()
        task.completed_by = actor
        save(task)
        audit(actor, AuditAction.UPDATE, task, case, reason="task done shelter_review")


@transaction.atomic
def shelter_extension_request(
    *, actor: User, stay: ShelterStay, until: datetime, reason: str
) -> ShelterExtension:
    """Ask to keep the victim longer than the planned end, with a reason. Callers: the
    case's writers; a supervisor of the area who did not ask decides."""
    case = stay.episode.case
    require_writer(actor, case)
    stay = _active(stay)
    if not reason.strip():
        raise ValidationError({"reason": _("Tulis alasan perpanjangan.")})
    if until <= stay.planned_end_at:
        raise ValidationError(
            {"until": _("Tanggal perpanjangan harus setelah rencana keluar saat ini.")}
        )
    if stay.extensions.filter(status=ExtensionStatus.PENDING).exists():
        raise ExtensionPending
    extension = ShelterExtension(stay=stay, until=until, reason=reason.strip(), requested_by=actor)
    save(extension)
    audit(actor, AuditAction.CREATE, extension, case, categories="shelter")
    return extension


@transaction.atomic
def shelter_extension_decide(
    *, actor: User, extension: ShelterExtension, approve: bool, note: str = ""
) -> ShelterExtension:
    """A supervisor of the case's area, never the one who asked, approves (the planned end
    moves, the review task is done and a new one is due at the new end) or rejects with a
    note."""
    case = extension.stay.episode.case
    require_supervisor(actor, case)
    extension = ShelterExtension.objects.select_for_update().get(pk=extension.pk)
    if extension.status != ExtensionStatus.PENDING:
        raise ExtensionNotPending
    if extension.requested_by_id == actor.pk:
        raise DeciderIsRequester
    if not approve and not note.strip():
        raise ValidationError({"note": _("Tulis alasan penolakan.")})
    stay = _active(extension.stay)
    extension.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REJECTED
    extension.decided_by = actor
    extension.decided_at = timezone.now()
    extension.decision_note = note.strip()
    save(extension)
    if approve:
        stay.planned_end_at = extension.until
        save(stay)
        _review_tasks_done(actor, case)
        task_create(
            case=case,
            kind=TaskKind.SHELTER_REVIEW,
            due_at=extension.until,
            source_rule=SHELTER_REVIEW_RULE,
        )
    audit(actor, AuditAction.UPDATE, extension, case, categories="shelter", reason=extension.status)
    return extension


def shelter_closure_blockers(case: Case) -> list[str]:
    """An active stay blocks closing the case (DESIGN §5 step 6): the victim is still in a
    shelter. Registered as a closure rule with ``naungan.core.registry``."""
    if ShelterStay.objects.filter(episode__case=case, discharged_at__isnull=True).exists():
        return [_("Korban masih dalam penampungan sementara: catat kepulangan dulu.")]
    return []


__all__ = [
    "StayIn",
    "free_beds",
    "shelter_address_read",
    "shelter_admit",
    "shelter_closure_blockers",
    "shelter_discharge",
    "shelter_extension_decide",
    "shelter_extension_request",
]


def shelter_address_read(
    *, actor: User, stay: ShelterStay, request: HttpRequest | None = None
) -> str | None:
    """The shelter's confidential address for someone who must take the victim there (a
    writer of the case while the stay is in progress), the read audited; None for anyone
    else or when no address is recorded."""
    from ..selectors.shelter import shelter_address_visible

    if not shelter_address_visible(user=actor, stay=stay):
        return None
    address = stay.shelter.confidential_address
    if not address:
        return None
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        obj=stay.shelter,
        area_code=stay.episode.case.area.code,
        categories="shelter_address",
        reason=str(stay.episode.case.public_id),
        request=request,
    )
    return str(address)
