"""Writes of the referral network, one module per sub-domain. Each checks who may act, calls
``full_clean()`` before saving, runs in a transaction and records an audit event (DESIGN §9,
§12). Re-exported here."""

from .consents import CHILD_AGE, ConsentIn, case_has_sexual_violence, consent_withdraw
from .letters import referral_letter_filename, referral_letter_pdf
from .referrals import (
    REMINDER_RULE,
    referral_accept,
    referral_closure_blockers,
    referral_complete,
    referral_create,
    referral_decline,
    referral_withdraw,
)
from .sharing import referral_read

__all__ = [
    "CHILD_AGE",
    "REMINDER_RULE",
    "ConsentIn",
    "case_has_sexual_violence",
    "consent_withdraw",
    "referral_accept",
    "referral_closure_blockers",
    "referral_complete",
    "referral_create",
    "referral_decline",
    "referral_letter_filename",
    "referral_letter_pdf",
    "referral_read",
    "referral_withdraw",
]
