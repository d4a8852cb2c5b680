"""Reads of trainings, always scoped: a manager (supervisor, administrator) sees the trainings
whose organiser lies in their area; a staff member or activist sees the trainings they took
part in; everyone else nothing (404 for missing *and* not yours)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from naungan.accounts.models import User
from naungan.accounts.roles import COMPETENCY_HOLDERS, TRAINING_MANAGERS, user_in
from naungan.core.selectors import area_scope_q
from naungan.orgs.models import Organisation, OrgKind
from naungan.orgs.selectors import organisations_serving

from ..models import Participant, Training


def trainings_visible_to(user: Any) -> QuerySet[Training]:
    q = Q(pk__in=[])
    if user_in(user, TRAINING_MANAGERS):
        q |= area_scope_q(user, prefix="organiser__area__")
    if user_in(user, COMPETENCY_HOLDERS):
        q |= Q(pk__in=Participant.objects.filter(user=user).values("training_id"))
    return (
        Training.objects.filter(q)
        .select_related("organiser", "organiser__area")
        .annotate(participant_count=Count("participants", distinct=True))
        .order_by("-starts_on", "title")
    )


def trainings_managed_by(user: Any) -> QuerySet[Training]:
    if not user_in(user, TRAINING_MANAGERS):
        return Training.objects.none()
    return Training.objects.filter(area_scope_q(user, prefix="organiser__area__")).select_related(
        "organiser", "organiser__area"
    )


def training_get(*, user: Any, training_id: UUID) -> Training:
    return get_object_or_404(trainings_visible_to(user), public_id=training_id)


def training_get_for_manage(*, user: Any, training_id: UUID) -> Training:
    """A training the user may change (404 otherwise, also for a participant who sees it)."""
    return get_object_or_404(trainings_managed_by(user), public_id=training_id)


def training_manageable(*, user: Any, training: Training) -> bool:
    return trainings_managed_by(user).filter(pk=training.pk).exists()


def training_participants(*, user: Any, training: Training) -> QuerySet[Participant]:
    """A manager of the training sees every participant; a participant only themselves."""
    qs = training.participants.select_related("user", "user__organisation")
    if training_manageable(user=user, training=training):
        return qs
    return qs.filter(user=user)


def participant_get(*, user: Any, training: Training, participant_id: UUID) -> Participant:
    p: Participant = get_object_or_404(
        training_participants(user=user, training=training).select_related(
            "training__organiser__area"
        ),
        public_id=participant_id,
    )
    return p


def participations_of(user: Any) -> QuerySet[Participant]:
    """The user's own participations, newest training first."""
    return (
        Participant.objects.filter(user=user)
        .select_related("training", "training__organiser")
        .order_by("-training__starts_on")
    )


def organisers_for(user: Any) -> QuerySet[Organisation]:
    """The organisations the user may name as organiser: active dinas (DP3AKB, DP3APPKB, a
    kecamatan office) and UPTD PPA in their area."""
    from ..services.trainings import ORGANISER_KINDS

    if not user_in(user, TRAINING_MANAGERS):
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(active=True, kind__in=ORGANISER_KINDS)
        .filter(area_scope_q(user))
        .select_related("area")
        .order_by("name")
    )


def resource_organisations(user: Any | None = None) -> QuerySet[Organisation]:
    """The partner bodies that may send resource persons (LPSK, Bikksa, Posbakum Aisyiyah, a
    psychologist): for the page, the active providers serving the user's area (the national
    ones included); without a user (the API) any active organisation. Others are typed as
    free text."""
    if user is None:
        return Organisation.objects.filter(active=True).order_by("name")
    area = getattr(user, "area", None)
    if area is None:
        return Organisation.objects.none()
    return organisations_serving(area).filter(kind=OrgKind.PROVIDER)


def eligible_participants(*, user: Any, organiser: Organisation | None = None) -> QuerySet[User]:
    """Staff and activists the user may enrol: active, of ``COMPETENCY_HOLDERS``, in the
    user's area (and in the organiser's, when given)."""
    if not user_in(user, TRAINING_MANAGERS):
        return User.objects.none()
    qs = User.objects.filter(is_active=True, role__in=COMPETENCY_HOLDERS).filter(area_scope_q(user))
    if organiser is not None:
        qs = qs.filter(organiser.area.contains_q("area__"))
    return qs.select_related("organisation", "area").order_by("first_name", "last_name", "username")


def participant_by_username(*, user: Any, username: str) -> User:
    """API: a participant named by username must be a staff member or activist in the
    caller's area; anyone else answers as unknown (404, turned into a 422 on
    ``participants`` by the caller), so that the API tells nobody who works elsewhere."""
    found = (
        User.objects.filter(username=username, role__in=COMPETENCY_HOLDERS)
        .filter(area_scope_q(user))
        .select_related("area", "organisation")
        .first()
    )
    if found is None:
        raise Http404
    return found
