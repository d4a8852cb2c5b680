"""Reads of the referral network, always scoped to the user; re-exported here."""

from .packets import SHARING_STATUSES, referral_packet, referral_shares
from .referrals import (
    case_pending_referrals,
    case_referrals,
    referral_events,
    referral_get,
    referral_is_addressed_to,
    referral_is_writable,
    referral_list,
    referral_sharings,
    referrals_for_queue,
    referrals_visible_to,
)

__all__ = [
    "SHARING_STATUSES",
    "case_pending_referrals",
    "case_referrals",
    "referral_events",
    "referral_get",
    "referral_is_addressed_to",
    "referral_is_writable",
    "referral_list",
    "referral_packet",
    "referral_shares",
    "referral_sharings",
    "referrals_for_queue",
    "referrals_visible_to",
]
