"""The referrals API: one router, mounted once at the root of ``/api/v1/`` in ``naungan.api``
(its paths are ``/cases/{id}/referrals`` and ``/referrals…``)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["referrals"])

# Importing the module registers its endpoints on the router.
from . import referrals  # noqa: E402

__all__ = ["referrals", "router"]
