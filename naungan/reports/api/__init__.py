"""The reports API (CONTRACT §4), one module per sub-domain: ``public`` (reporting without
login, the reporter's status and thread), ``intake`` (the staff queue and its actions),
``messages`` (staff replies). Two routers, each mounted once in ``naungan.api``: ``router`` at
``/reports`` (staff, token) and ``public_router`` at ``/public/reports`` (no token). Thin:
validation, scope and rules live in schemas, services and selectors; every domain refusal is
answered by the API's one handler."""

from __future__ import annotations

from . import intake, messages, public

# The intake router is the app's router (its "" route is /reports itself, no trailing slash);
# the other staff modules hang under it.
router = intake.router
router.add_router("", messages.router)

public_router = public.router

__all__ = ["public_router", "router"]
