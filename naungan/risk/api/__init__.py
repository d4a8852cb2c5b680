"""The risk API: one router, mounted once at the root of ``/api/v1/`` in ``naungan.api`` (its
paths are ``/cases/{id}/risk-assessments…``, ``/cases/{id}/conferences`` and
``/cases/{id}/safety-plans``). One module per sub-domain."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["risk"])

from . import assessments, conferences, safety  # noqa: E402

__all__ = ["assessments", "conferences", "router", "safety"]
