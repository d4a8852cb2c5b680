"""The closed vocabularies a request or answer of the cases API uses, derived from the models'
``TextChoices`` and ``naungan.core.vocabulary`` (never typed out again): each is a ``Literal``
of the vocabulary's values, in its order, which OpenAPI shows as an ``enum``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from django.db import models

from naungan.cases.models import (
    Abduction,
    CaseStatus,
    ClosureReason,
    Education,
    HarmfulPractice,
    MaritalStatus,
    NoteKind,
    PartyRole,
    Place,
    Relationship,
    TpksType,
)
from naungan.core.vocabulary import Channel, Sex, Triage, ViolenceType
from naungan.reports.models import MessageSender


def values_of(choices: type[models.TextChoices]) -> Any:
    """``Literal[...]`` of the values of ``choices``."""
    return Literal[tuple(choices.values)]


if TYPE_CHECKING:  # type checkers see plain strings; pydantic and OpenAPI the Literals
    AbductionIn = str
    CaseStatusIn = str
    ChannelIn = str
    ClosureReasonIn = str
    EducationIn = str
    HarmfulPracticeIn = str
    MaritalStatusIn = str
    NoteKindIn = str
    PartyRoleIn = str
    PlaceIn = str
    RelationshipIn = str
    SenderOut = str
    SexIn = str
    TpksIn = str
    TriageIn = str
    ViolenceTypeIn = str
else:
    AbductionIn = values_of(Abduction)
    CaseStatusIn = values_of(CaseStatus)
    ChannelIn = values_of(Channel)
    ClosureReasonIn = values_of(ClosureReason)
    EducationIn = values_of(Education)
    HarmfulPracticeIn = values_of(HarmfulPractice)
    MaritalStatusIn = values_of(MaritalStatus)
    NoteKindIn = values_of(NoteKind)
    PartyRoleIn = values_of(PartyRole)
    PlaceIn = values_of(Place)
    RelationshipIn = values_of(Relationship)
    SenderOut = values_of(MessageSender)
    SexIn = values_of(Sex)
    TpksIn = values_of(TpksType)
    TriageIn = values_of(Triage)
    ViolenceTypeIn = values_of(ViolenceType)
