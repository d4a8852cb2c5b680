"""The closed vocabularies a request of the cases API may use."""

from __future__ import annotations

from typing import Literal

ViolenceTypeIn = Literal[
    "physical", "psychological", "sexual", "exploitation", "trafficking", "neglect", "other"
]
ChannelIn = Literal["web", "hotline", "walk_in", "activist", "referral_in", "outreach"]
RelationshipIn = Literal[
    "intimate_partner",
    "former_partner",
    "primary_caregiver",
    "family",
    "supervisor_employer",
    "schoolmate",
    "teacher",
    "service_provider",
    "neighbour_friend",
    "stranger",
    "other",
    "unknown",
]
PlaceIn = Literal["household", "workplace", "short_course", "school", "public_facility", "other"]
TpksIn = Literal[
    "nonphysical_harassment",
    "physical_harassment",
    "forced_contraception",
    "forced_sterilisation",
    "forced_marriage",
    "sexual_torture",
    "sexual_exploitation",
    "sexual_slavery",
    "electronic",
    "rape",
    "obscene_act",
    "other",
]
