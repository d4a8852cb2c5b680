"""The instruments' current versions (what a new assessment uses)."""

from __future__ import annotations

from django.http import Http404

from naungan.core.registry import TriageChecklist

from ..models import Instrument, InstrumentVersion


def instrument_current(key: str) -> InstrumentVersion:
    """The newest version of instrument ``key``; unknown: 404."""
    instrument = Instrument.objects.filter(key=key).first()
    version = instrument.current_version() if instrument else None
    if version is None:
        raise Http404
    return version


def triage_checklist_active() -> TriageChecklist | None:
    """The newest version of the quick triage checklist, as the intake desk asks and scores
    it (``core.registry.register_triage_checklist``); None before one is loaded."""
    instrument = Instrument.objects.filter(key="triage").first()
    version = instrument.current_version() if instrument else None
    if version is None:
        return None
    return TriageChecklist(
        version=str(version),
        items=version.question_texts(),
        levels=version.triage_levels(),
    )
