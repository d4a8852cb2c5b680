"""The referral packet (DESIGN §9): the case's data of the consented categories only, so the
victim need not retell. A category not consented is an absent key, never a masked value; a
withdrawn consent (or a declined or withdrawn referral) shares nothing more. Never a shelter
address: the contact is the victim's own phone and address, and services leave out places and
the shelter that holds the victim."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from naungan.accounts.models import User
from naungan.core.registry import referral_packet_section
from naungan.orgs.models import ServiceType

from ..ages import person_age
from ..models import DataCategory, Referral, ReferralStatus
from .referrals import referrals_visible_to

# The statuses in which the provider still sees the case's data.
SHARING_STATUSES = frozenset(
    {ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED}
)


def referral_shares(referral: Referral) -> bool:
    """Whether the referral shares data now: an active consent and a live referral."""
    return referral.consent.active and referral.status in SHARING_STATUSES


def _services(case: Any) -> list[dict[str, Any]]:
    # Through the case's reverse relation and the organisations' vocabulary, so this app does
    # not import the services app (apps of one level do not depend on each other).
    episodes = case.service_episodes.select_related("organisation")
    out = []
    for e in episodes.order_by("started_at", "id"):
        shelter = e.service == ServiceType.SHELTER
        out.append(
            {
                "service": e.service,
                "label": str(ServiceType(e.service).label),
                # The shelter that holds the victim is not named: where she is stays with the
                # unit (DESIGN §6.4).
                "organisation": None if shelter else e.organisation.name,
                "started_at": e.started_at.isoformat(),
                "ended_at": e.ended_at.isoformat() if e.ended_at else None,
                "outcome": None if shelter else (str(e.outcome) or None),
            }
        )
    return out


def referral_packet(*, referral: Referral, user: User) -> dict[str, Any]:
    """The case data of ``referral`` that its consent allows, keyed by category
    (``identity``: name, age, sex; ``contact``: phone, address; ``narrative``: the
    chronology; ``services``: the services given; ``risk``, ``documents``: from the apps that
    register them with ``core.registry.register_referral_packet_section``, absent until
    then). Empty once the consent is withdrawn or the referral declined or withdrawn. 404 for
    a user who may not see the referral. A read: the callers that show or print it to a
    provider record the sharing (``services.sharing``)."""
    if not referrals_visible_to(user).filter(pk=referral.pk).exists():
        raise Http404
    if not referral_shares(referral):
        return {}
    consent = referral.consent
    case = referral.case
    person = consent.subject.person
    out: dict[str, Any] = {}
    for category in DataCategory.values:
        if not consent.allows(category):
            continue
        if category == DataCategory.IDENTITY:
            out["identity"] = {
                "name": str(person.name) or None,
                "age": person_age(person),
                "sex": person.sex or None,
            }
        elif category == DataCategory.CONTACT:
            out["contact"] = {
                "phone": str(person.phone) or None,
                "address": str(person.address) or None,
                "area": person.address_area.name if person.address_area else None,
                "rt_rw": person.rt_rw or None,
            }
        elif category == DataCategory.NARRATIVE:
            out["narrative"] = str(case.description)
        elif category == DataCategory.SERVICES:
            out["services"] = _services(case)
        else:
            provide = referral_packet_section(category)
            data = provide(case, person) if provide is not None else None
            if data is not None:
                out[category] = data
    return out
