"""The intake queue's section on the staff home page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naungan.accounts.access import request_user
from naungan.accounts.roles import REPORT_TAKERS, SUPERVISORS, user_in

from . import selectors

LIMIT = 10


def intake_home_section(request: HttpRequest) -> dict[str, Any] | None:
    """The open reports in the user's scope, in the queue's own order (``report_queue``:
    untriaged first, then by response deadline); nothing when none is open. First on an intake
    officer's page; after the cases waiting for a lead and the decisions on a supervisor's."""
    if not user_in(request.user, REPORT_TAKERS):
        return None
    user = request_user(request)
    qs = selectors.report_queue(user=user, open_only=True)
    reports = list(qs[: LIMIT + 1])
    if not reports:
        return None
    count = len(reports) if len(reports) <= LIMIT else qs.count()
    return {
        "template": "reports/partials/home_section.html",
        "order": 40 if user_in(user, SUPERVISORS) else 10,
        "rows": [
            # A report not yet routed to an area is shown in the reader's own zone.
            {"report": r, "overdue": selectors.report_is_overdue(r), "zone": r.area or user.area}
            for r in reports[:LIMIT]
        ],
        "count": count,
    }
