"""Writes of trainings: record a training with its competencies and participants, add
participants, record attendance and pre/post test scores (which grant the competencies to
those who pass), print a participant's certificate. Each checks the actor, validates every
input before it writes anything (nothing half-stored), runs in one transaction and is
audited."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naungan.accounts.roles import COMPETENCY_HOLDERS, user_in
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.core.words import person_name
from naungan.orgs.models import Organisation, OrgKind

from ..codes import verification_code_new
from ..models import (
    Competency,
    CompetencyGrant,
    GrantSource,
    Participant,
    Training,
    TrainingCompetency,
)
from ._common import add_months, ensure_manager

# A kecamatan office that organises a training is an organisation of kind ``dinas`` whose
# area is the kecamatan; a UPTD PPA may organise its own.
ORGANISER_KINDS = frozenset({OrgKind.DINAS, OrgKind.UPTD_PPA})


@dataclass(frozen=True)
class CompetencyIn:
    competency: str
    validity_months: int | None = None


@dataclass
class TrainingIn:
    title: str
    organiser: Organisation
    starts_on: date
    ends_on: date
    place: str
    description: str = ""
    resource_organisations: list[Organisation] = field(default_factory=list)
    resource_persons: str = ""
    pass_mark: int | None = None
    competencies: list[CompetencyIn] = field(default_factory=list)
    participants: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class ResultIn:
    participant: Participant
    attended: bool
    pre_score: int | None = None
    post_score: int | None = None


def _check_organiser(actor: Any, organiser: Organisation) -> None:
    if organiser.kind not in ORGANISER_KINDS or not organiser.active:
        raise ValidationError(
            {"organiser": _("Penyelenggara harus dinas, kecamatan atau UPTD PPA yang aktif.")}
        )
    if not actor.in_scope(organiser.area):
        raise ValidationError(
            {"organiser": _("Penyelenggara ini berada di luar wilayah tugas Anda.")}
        )


def check_participants(organiser: Organisation, users: Iterable[Any]) -> None:
    """Everyone must be an active staff member or activist (``COMPETENCY_HOLDERS``) whose area
    lies in the organiser's area: a Balikpapan training does not take a Palangka Raya
    caseworker. Raises one ``ValidationError`` on ``participants`` naming every person
    refused."""
    outside, not_holders = [], []
    for user in users:
        if not user_in(user, COMPETENCY_HOLDERS):
            not_holders.append(person_name(user))
        elif not (user.area and organiser.area.contains(user.area)):
            outside.append(person_name(user))
    messages = []
    if outside:
        messages.append(
            _("Peserta di luar wilayah penyelenggara (%(area)s): %(names)s.")
            % {"area": organiser.area.name, "names": ", ".join(outside)}
        )
    if not_holders:
        messages.append(
            _("Hanya staf UPTD PPA dan aktivis PPATBM yang dapat menjadi peserta: %(names)s.")
            % {"names": ", ".join(not_holders)}
        )
    if messages:
        raise ValidationError({"participants": " ".join(messages)})


def _check_competencies(items: list[CompetencyIn]) -> None:
    codes = [c.competency for c in items]
    if any(c not in Competency.values for c in codes):
        raise ValidationError({"competencies": _("Kompetensi ini tidak dikenal.")})
    if len(set(codes)) != len(codes):
        raise ValidationError({"competencies": _("Setiap kompetensi cukup dicatat sekali.")})
    for c in items:
        if c.validity_months is not None and not 1 <= c.validity_months <= 120:
            raise ValidationError(
                {"validity_months": _("Masa berlaku harus antara 1 dan 120 bulan.")}
            )


@transaction.atomic
def training_create(*, actor: Any, data: TrainingIn) -> Training:
    """Record a training (DESIGN §10). Callers: supervisors and administrators
    (``TRAINING_MANAGERS``) whose area holds the organiser. Every field is checked before
    anything is stored: the dates (end not before start), the pass mark (0–100), the
    competencies, and every participant's area against the organiser's."""
    ensure_manager(actor)
    _check_organiser(actor, data.organiser)
    training = Training(
        title=data.title.strip(),
        organiser=data.organiser,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        place=data.place.strip(),
        description=data.description.strip(),
        resource_persons=data.resource_persons.strip(),
        pass_mark=data.pass_mark,
        created_by=actor,
    )
    training.full_clean()
    _check_competencies(data.competencies)
    check_participants(data.organiser, data.participants)
    training.save()
    training.resource_organisations.set(data.resource_organisations)
    for c in data.competencies:
        TrainingCompetency.objects.create(
            training=training, competency=c.competency, validity_months=c.validity_months
        )
    for user in {u.pk: u for u in data.participants}.values():
        Participant.objects.create(training=training, user=user)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=training,
        area_code=data.organiser.area.code,
        reason="training recorded",
    )
    return training


@transaction.atomic
def training_participants_add(*, actor: Any, training: Training, users: list[Any]) -> int:
    """Add participants (those already in are left alone); the same area rule as at creation.
    Returns how many were added."""
    ensure_manager(actor)
    if not users:
        raise ValidationError({"participants": _("Pilih paling sedikit satu peserta.")})
    check_participants(training.organiser, users)
    present = set(training.participants.values_list("user_id", flat=True))
    added = 0
    for user in {u.pk: u for u in users}.values():
        if user.pk not in present:
            Participant.objects.create(training=training, user=user)
            added += 1
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=training,
        area_code=training.organiser.area.code,
        reason="training participants added",
    )
    return added


def _new_certificate_number(training: Training) -> str:
    # NGN-PLT-<year>-<8 random hex>: unguessable, unique (checked by the database), short
    # enough to read out on the phone for verification.
    while True:
        number = f"NGN-PLT-{training.ends_on.year}-{secrets.token_hex(4).upper()}"
        if not Participant.objects.filter(certificate_number=number).exists():
            return number


def _new_verification_code() -> str:
    # 80 random bits (codes.py): a collision is practically impossible, the unique index and
    # this check rule it out.
    while True:
        code = verification_code_new()
        if not Participant.objects.filter(verification_code=code).exists():
            return code


def _passes(training: Training, result: ResultIn) -> bool:
    if not result.attended:
        return False
    if training.pass_mark is None:
        return True
    return result.post_score is not None and result.post_score >= training.pass_mark


def _check_scores(results: list[ResultIn]) -> None:
    errors: dict[str, list[str]] = {}
    for r in results:
        for name, value, label in (
            ("pre_score", r.pre_score, _("Nilai pre-test")),
            ("post_score", r.post_score, _("Nilai post-test")),
        ):
            if value is not None and not 0 <= value <= 100:
                errors.setdefault(name, []).append(
                    _("%(label)s %(who)s harus antara 0 dan 100.")
                    % {"label": label, "who": person_name(r.participant.user)}
                )
        if not r.attended and (r.pre_score is not None or r.post_score is not None):
            errors.setdefault("attended", []).append(
                _("%(who)s tidak hadir: nilai hanya dicatat untuk peserta yang hadir.")
                % {"who": person_name(r.participant.user)}
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def training_results_record(*, actor: Any, training: Training, results: list[ResultIn]) -> None:
    """Record attendance and pre/post test scores (0–100) of participants of ``training``; all
    of them are checked before any is stored. A participant passes who attended and, where the
    training has a pass mark, reached it in the post-test; passing grants each competency the
    training confers, from the training's last day for its validity, and gives the participant
    a certificate number. A participant who no longer passes loses the grants of this
    training (the certificate number stays, so an issued certificate can still be checked)."""
    ensure_manager(actor)
    if any(r.participant.training_id != training.pk for r in results):
        raise ValidationError({"participants": _("Peserta ini tidak terdaftar di pelatihan.")})
    _check_scores(results)
    conferred = list(training.competencies.all())
    for r in results:
        p = Participant.objects.select_for_update().get(pk=r.participant.pk)
        p.attended, p.pre_score, p.post_score = r.attended, r.pre_score, r.post_score
        p.passed = _passes(training, r)
        if p.passed and not p.certificate_number:
            p.certificate_number = _new_certificate_number(training)
        if p.passed and not p.verification_code:
            p.verification_code = _new_verification_code()
        p.full_clean()
        p.save()
        CompetencyGrant.objects.filter(participant=p).delete()
        if p.passed:
            for c in conferred:
                CompetencyGrant.objects.create(
                    user=p.user,
                    competency=c.competency,
                    granted_on=training.ends_on,
                    expires_on=(
                        add_months(training.ends_on, c.validity_months)
                        if c.validity_months
                        else None
                    ),
                    source=GrantSource.TRAINING,
                    participant=p,
                    recorded_by=actor,
                )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=training,
        area_code=training.organiser.area.code,
        reason="training results recorded",
    )


def default_pass_mark() -> int:
    return int(settings.TRAINING_PASS_MARK)
