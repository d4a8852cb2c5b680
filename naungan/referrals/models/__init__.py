"""Models of the referral network, one module per sub-domain, re-exported here."""

from .consents import (
    AlternativeBasis,
    Consent,
    ConsentGiver,
    ConsentMethod,
    DataCategory,
    LegalDuty,
)
from .referrals import (
    PENDING_STATUSES,
    TRANSITIONS,
    Referral,
    ReferralEvent,
    ReferralServiceType,
    ReferralStatus,
    SharingChannel,
    SharingRecord,
)

__all__ = [
    "PENDING_STATUSES",
    "TRANSITIONS",
    "AlternativeBasis",
    "Consent",
    "ConsentGiver",
    "ConsentMethod",
    "DataCategory",
    "LegalDuty",
    "Referral",
    "ReferralEvent",
    "ReferralServiceType",
    "ReferralStatus",
    "SharingChannel",
    "SharingRecord",
]
