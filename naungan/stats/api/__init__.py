"""The statistics API, mounted at ``/api/v1/stats`` in ``naungan.api``."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["stats"])

from . import exports, summary  # noqa: E402

__all__ = ["exports", "router", "summary"]
