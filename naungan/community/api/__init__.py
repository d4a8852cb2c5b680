"""The community API: one router, mounted once at the root of ``/api/v1/`` in ``naungan.api``
(its paths are ``/activities``, ``/activities/summary`` and ``/sync``). Endpoints live in one
module per sub-domain (the same names as ``services``)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["community"])

# Importing the modules registers their endpoints on the router.
from . import activities, sync  # noqa: E402

__all__ = ["activities", "router", "sync"]
