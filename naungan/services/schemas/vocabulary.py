"""The closed vocabularies of the services API, derived from the models' ``TextChoices``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from naungan.cases.schemas.vocabulary import values_of

from ..models import (
    AdmissionReason,
    Destination,
    MediationMatter,
    OutreachResult,
    PartnerClock,
    Service,
)

if TYPE_CHECKING:  # type checkers see plain strings; pydantic and OpenAPI the Literals
    AdmissionReasonIn = str
    DestinationIn = str
    MediationMatterIn = str
    OutreachResultIn = str
    PartnerClockIn = str
    ServiceIn = str
else:
    AdmissionReasonIn = values_of(AdmissionReason)
    DestinationIn = values_of(Destination)
    MediationMatterIn = values_of(MediationMatter)
    OutreachResultIn = values_of(OutreachResult)
    PartnerClockIn = values_of(PartnerClock)
    ServiceIn = values_of(Service)
