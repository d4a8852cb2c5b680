"""The orgs API: one router, mounted once at the root of ``/api/v1/`` in ``naungan.api`` (its
path is ``/providers``). The endpoints live in one module per sub-domain."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["providers"])

# Importing the modules registers their endpoints on the router.
from . import directory  # noqa: E402

__all__ = ["directory", "router"]
