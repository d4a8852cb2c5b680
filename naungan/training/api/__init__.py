"""The trainings API: one router, mounted once at the root of ``/api/v1/`` in ``naungan.api``
(its paths are ``/trainings…`` and ``/competencies…``). One module per sub-domain."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["trainings"])

# Importing the modules registers their endpoints on the router.
from . import competencies, trainings  # noqa: E402

__all__ = ["competencies", "router", "trainings"]
