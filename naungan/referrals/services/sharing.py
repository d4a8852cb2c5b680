"""Showing a referral's case data (DESIGN §9, §12): every read of the packet is audited, and
what a provider was shown is kept in the sharing record, which outlives a withdrawn consent."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from naungan.accounts.models import User
from naungan.core.models import AuditAction

from ..models import Referral, SharingChannel, SharingRecord
from ..selectors.packets import referral_packet
from ..selectors.referrals import referral_is_addressed_to
from ._common import audit, save


def sharing_record(
    *, actor: User | None, referral: Referral, channel: str, categories: list[str]
) -> SharingRecord | None:
    """Record that ``categories`` of the case went to the referral's recipient (internal:
    the read and the letter call it); nothing shared, nothing recorded."""
    if not categories:
        return None
    record = SharingRecord(
        referral=referral,
        consent=referral.consent,
        recipient=referral.organisation,
        user=actor,
        channel=channel,
        categories=categories,
    )
    save(record)
    return record


@transaction.atomic
def referral_read(
    *, actor: User, referral: Referral, request: HttpRequest | None = None
) -> dict[str, Any]:
    """The packet of ``referral`` for ``actor`` (``selectors.referral_packet``: consented
    categories only), the read audited with the categories shown. A provider's read is also a
    sharing with its organisation and goes into the sharing record. Callers: anyone who sees
    the referral (404 otherwise)."""
    packet = referral_packet(referral=referral, user=actor)
    categories = list(packet)
    audit(
        actor,
        AuditAction.VIEW,
        referral,
        referral.case,
        categories=",".join(categories),
        reason="referral packet",
        request=request,
    )
    if referral_is_addressed_to(user=actor, referral=referral):
        sharing_record(
            actor=actor, referral=referral, channel=SharingChannel.VIEW, categories=categories
        )
    return packet
