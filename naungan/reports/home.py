"""The intake queue's section on the staff home page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naungan.accounts.roles import REPORT_TAKERS, user_in

from . import selectors


def intake_home_section(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user_in(user, REPORT_TAKERS):
        return None
    qs = selectors.report_queue(user=user, open_only=True)
    reports = list(qs[:10])
    return {
        "template": "reports/partials/home_section.html",
        "rows": [{"report": r, "overdue": selectors.report_is_overdue(r)} for r in reports],
        "count": qs.count(),
    }
