"""The quick triage checklist (DESIGN §8): its items as the active ``triage`` instrument of
the risk app defines them (or the built-in rule), the level the ticked items suggest, and the
checks every channel that sends ticks shares (the desk's triage, an activist's field report)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from naungan.core.registry import TriageChecklist, triage_checklist

from .. import conf
from ..models import TriageLevel
from ._base import TRIAGE_ORDER


def triage_checklist_items() -> TriageChecklist:
    """The quick checklist as the intake desk asks it: the active version of the risk app's
    ``triage`` instrument (``core.registry.register_triage_checklist``), or, without one, the
    built-in rule of DESIGN §8 (items 1-4 emergency, any other high; ``conf``)."""
    found = triage_checklist()
    if found is not None:
        return found
    levels = dict.fromkeys(conf.TRIAGE_CHECKLIST_EMERGENCY, TriageLevel.EMERGENCY.value)
    levels.update(dict.fromkeys(conf.TRIAGE_CHECKLIST_HIGH, TriageLevel.HIGH.value))
    return TriageChecklist(version="", items=[(k, k) for k in levels], levels=levels)


def triage_suggestion(
    checklist: list[str], found: TriageChecklist | None = None
) -> tuple[str, str]:
    """``(level, version)``: the checklist's suggestion for the ticked items (DESIGN §8,
    project default, not validated), the most urgent level a ticked item suggests, and the
    instrument version that suggested it; nothing ticked, no suggestion (``("", "")``).
    ``found``: the checklist when the caller has already read it (one read per request)."""
    if not checklist:
        return "", ""
    found = found or triage_checklist_items()
    order = [TriageLevel(x) for x in reversed(TRIAGE_ORDER)]  # most urgent first
    levels = [
        TriageLevel(found.levels[c]) for c in checklist if found.levels.get(c) in TriageLevel.values
    ]
    if not levels:
        return "", ""
    return min(levels, key=order.index).value, found.version


def triage_suggest(checklist: list[str]) -> str:
    """The checklist's suggested level for the ticked items (see ``triage_suggestion``)."""
    return triage_suggestion(checklist)[0]


def triage_is_below(level: str, other: str) -> bool:
    """Whether ``level`` is less urgent than ``other`` (an empty ``other`` is no bar)."""
    if level not in TRIAGE_ORDER or other not in TRIAGE_ORDER:
        return False
    return TRIAGE_ORDER.index(TriageLevel(level)) < TRIAGE_ORDER.index(TriageLevel(other))


def triage_checklist_clean(
    checklist: Any, *, field: str = "checklist", found: TriageChecklist | None = None
) -> list[str]:
    """The ticked items in the checklist's order; anything but a list of known item keys is a
    422 on ``field``."""
    if checklist is None:
        return []
    if not isinstance(checklist, list | tuple) or not all(isinstance(c, str) for c in checklist):
        raise ValidationError({field: _("Daftar periksa harus berupa daftar kunci butir.")})
    if not checklist:
        return []
    known = [key for key, _text in (found or triage_checklist_items()).items]
    unknown = [c for c in checklist if c not in known]
    if unknown:
        raise ValidationError(
            {
                field: _("Butir daftar periksa tidak dikenal: %(v)s. Pilihan: %(c)s")
                % {"v": ", ".join(unknown[:5]), "c": ", ".join(known)}
            }
        )
    return [c for c in known if c in checklist]


def triage_suggestion_with_reported(
    checklist: list[str], reported: list[str] | None, found: TriageChecklist | None = None
) -> tuple[str, str]:
    """The suggestion over the desk's ticks and those the activist sent from the field
    (``Report.reported_checklist``): a tick made in the field bars the desk from a lower
    level without a reason just as its own tick does (DESIGN §8)."""
    extra = [c for c in (reported or []) if c not in checklist]
    return triage_suggestion([*checklist, *extra], found)
