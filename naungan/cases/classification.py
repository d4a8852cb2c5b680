"""GBVIMS classification (DESIGN §7b) and derived context flags — pure functions.

The six questions are asked in order; the first "yes" fixes the type and no later question is
asked. An unanswered question (``None``) counts as "no" and is traced as unanswered. Flags are
computed from the type and the incident's context, never typed in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .models import Abduction, GbvType, HarmfulPractice, Relationship
from .models.incidents import ContextFlag

# (answer key, type on "yes"), in the order they are asked.
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("penetration", GbvType.RAPE),
    ("sexual_contact", GbvType.SEXUAL_ASSAULT),
    ("physical_assault", GbvType.PHYSICAL_ASSAULT),
    ("forced_marriage", GbvType.FORCED_MARRIAGE),
    ("denial_of_resources", GbvType.DENIAL_OF_RESOURCES),
    ("psychological_abuse", GbvType.PSYCHOLOGICAL_ABUSE),
)
QUESTION_KEYS = tuple(key for key, _type in QUESTIONS)

FLAG_ORDER = tuple(ContextFlag.values)  # IPV, CSA, EARLY, EXPL, SLAV, HTP
SEXUAL_TYPES = frozenset({GbvType.RAPE, GbvType.SEXUAL_ASSAULT})
PARTNER_RELATIONSHIPS = frozenset({Relationship.INTIMATE_PARTNER, Relationship.FORMER_PARTNER})


@dataclass(frozen=True)
class Classification:
    gbv_type: str
    trace: list[dict[str, object]]


def classify(answers: Mapping[str, bool | None]) -> Classification:
    """Ask the questions in order; the first ``True`` decides. ``trace`` lists each question
    asked with its answer, stopping at the deciding one."""
    trace: list[dict[str, object]] = []
    for key, gbv_type in QUESTIONS:
        answer = answers.get(key)
        trace.append({"question": key, "answer": answer})
        if answer is True:
            return Classification(gbv_type=str(gbv_type), trace=trace)
    return Classification(gbv_type=str(GbvType.NON_GBV), trace=trace)


def context_flags(
    *,
    gbv_type: str,
    perpetrator_relationships: Iterable[str],
    survivor_age: int | None,
    money_goods_exchanged: bool,
    abduction: str,
    harmful_traditional_practice: str,
) -> list[str]:
    """The derived flags of DESIGN §7 in a fixed order. An unknown survivor age never makes a
    child flag (CSA, EARLY)."""
    is_gbv = gbv_type != GbvType.NON_GBV
    sexual = gbv_type in SEXUAL_TYPES
    child = survivor_age is not None and survivor_age < 18
    flags = {
        "IPV": is_gbv and any(r in PARTNER_RELATIONSHIPS for r in perpetrator_relationships),
        "CSA": sexual and child,
        "EARLY": gbv_type == GbvType.FORCED_MARRIAGE and child,
        "EXPL": sexual and money_goods_exchanged,
        "SLAV": sexual and bool(abduction) and abduction != Abduction.NONE,
        "HTP": is_gbv
        and bool(harmful_traditional_practice)
        and harmful_traditional_practice != HarmfulPractice.NO,
    }
    return [flag for flag in FLAG_ORDER if flags[flag]]
