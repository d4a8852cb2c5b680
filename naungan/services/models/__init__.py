"""Models of services on a case, one module per sub-domain (the same names as services,
selectors, api, views, forms and schemas), re-exported here."""

from .accompaniment import Accompaniment, Destination, PartnerClock
from .episodes import Service, ServiceEpisode
from .mediation import Mediation, MediationMatter, MediationSession
from .outreach import OutreachResult, OutreachVisit, VisitStatus
from .shelter import AdmissionReason, ExtensionStatus, ShelterExtension, ShelterStay

__all__ = [
    "Accompaniment",
    "AdmissionReason",
    "Destination",
    "ExtensionStatus",
    "Mediation",
    "MediationMatter",
    "MediationSession",
    "OutreachResult",
    "OutreachVisit",
    "PartnerClock",
    "Service",
    "ServiceEpisode",
    "ShelterExtension",
    "ShelterStay",
    "VisitStatus",
]
