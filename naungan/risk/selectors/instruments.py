"""The instruments' current versions (what a new assessment uses)."""

from __future__ import annotations

from django.http import Http404

from ..models import Instrument, InstrumentVersion


def instrument_current(key: str) -> InstrumentVersion:
    """The newest version of instrument ``key``; unknown: 404."""
    instrument = Instrument.objects.filter(key=key).first()
    version = instrument.current_version() if instrument else None
    if version is None:
        raise Http404
    return version
