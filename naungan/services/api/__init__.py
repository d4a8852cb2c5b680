"""The services API: one router, mounted once at the root of ``/api/v1/`` in ``naungan.api``
(its paths are ``/cases/{id}/services…``, ``/cases/{id}/partner-clocks`` and ``/shelters``).
The endpoints live in one module per sub-domain (the same names as ``services``)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["services"])

# Importing the modules registers their endpoints on the router.
from . import accompaniment, episodes, mediation, outreach, shelter  # noqa: E402

__all__ = ["accompaniment", "episodes", "mediation", "outreach", "router", "shelter"]
