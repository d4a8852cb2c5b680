"""Reads of referrals, always scoped to the user (DESIGN §9, §11): a provider sees the
referrals addressed to its own organisation, the case roles those of the cases they see;
analysts, activists and administrators see none."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from naungan.accounts.models import Role, User
from naungan.accounts.roles import REFERRAL_READERS, user_in
from naungan.cases.models import Case
from naungan.cases.selectors import cases_visible_to, cases_writable_by

from ..models import PENDING_STATUSES, Referral, ReferralEvent, ReferralStatus, SharingRecord

_RELATED = ("case__area", "organisation", "from_organisation", "consent", "created_by")


def referrals_visible_to(user: User | Any) -> QuerySet[Referral]:
    """The one place that decides which referrals a user may see: a provider user those
    addressed to their organisation; caseworkers, supervisors and intake officers the
    referrals of the cases they see (``cases_visible_to``); everyone else none."""
    if not user_in(user, REFERRAL_READERS):
        return Referral.objects.none()
    if user.role == Role.PROVIDER:
        if user.organisation_id is None:
            return Referral.objects.none()
        return Referral.objects.filter(organisation_id=user.organisation_id)
    return Referral.objects.filter(case__in=cases_visible_to(user))


def referral_list(*, user: User, status: str = "") -> QuerySet[Referral]:
    """The user's referrals, newest first (the provider's list, the caseworker's queue),
    optionally of one status."""
    qs = referrals_visible_to(user).select_related(*_RELATED)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-sent_at", "-number")


def referral_get(*, user: User, referral_id: UUID | str) -> Referral:
    """One referral the user may see; 404 for a missing one and one not theirs alike."""
    try:
        return referrals_visible_to(user).select_related(*_RELATED).get(pk=referral_id)
    except (Referral.DoesNotExist, ValidationError, ValueError, TypeError) as exc:
        raise Http404 from exc


def referral_is_writable(*, user: User, referral: Referral) -> bool:
    """Whether ``user`` writes on the referral's case (withdraws it, withdraws its consent,
    prints its letter): the case's writers."""
    return cases_writable_by(user).filter(pk=referral.case_id).exists()


def referral_is_addressed_to(*, user: User, referral: Referral) -> bool:
    """Whether ``user`` is a provider user of the organisation the referral is addressed to
    (who accepts, declines and reports back)."""
    return bool(
        user_in(user, REFERRAL_READERS)
        and user.role == Role.PROVIDER
        and user.organisation_id is not None
        and user.organisation_id == referral.organisation_id
    )


def case_referrals(*, case: Case) -> QuerySet[Referral]:
    """The referrals of a case (already looked up for the user), newest first."""
    return case.referrals.select_related(*_RELATED).order_by("-sent_at", "-number")


def case_pending_referrals(*, case: Case) -> QuerySet[Referral]:
    """Sent or accepted referrals of a case (they block its closure)."""
    return case_referrals(case=case).filter(status__in=PENDING_STATUSES)


def referral_events(*, referral: Referral) -> QuerySet[ReferralEvent]:
    return referral.events.select_related("actor").order_by("created_at", "id")


def referral_sharings(*, referral: Referral) -> QuerySet[SharingRecord]:
    """What was shown or printed to whom and when, newest first."""
    return referral.sharings.select_related("user", "recipient").order_by("-created_at", "-id")


def referrals_for_queue(*, user: User, days: int = 14) -> QuerySet[Referral]:
    """The caseworker's queue of referrals (DESIGN §9: status and feedback in their queue):
    those of the cases they write on that still wait for the provider (sent, accepted) or that
    the provider answered in the last ``days`` days (declined, completed), the latest change
    first. Empty for anyone who writes on no case."""
    since = timezone.now() - timedelta(days=days)
    answered = Q(status=ReferralStatus.DECLINED, declined_at__gte=since) | Q(
        status=ReferralStatus.COMPLETED, completed_at__gte=since
    )
    return (
        Referral.objects.filter(case__in=cases_writable_by(user))
        .filter(Q(status__in=PENDING_STATUSES) | answered)
        .select_related(*_RELATED)
        .annotate(changed_at=Coalesce("completed_at", "declined_at", "accepted_at", "sent_at"))
        .order_by("-changed_at", "-number")
    )
