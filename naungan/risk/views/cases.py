"""What the risk app adds to the case page: the risk section and the high-risk banner."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naungan.accounts.access import request_user
from naungan.cases.models import Case
from naungan.cases.selectors import case_is_writable

from .. import selectors
from ..models import Level


def case_risk_section(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """The newest result and the links to the risk pages (the case page's reader sees it)."""
    user = request_user(request)
    latest = selectors.case_assessments(case=case).first()
    return {
        "template": "risk/partials/case_section.html",
        "latest": latest,
        "can_write": case_is_writable(user=user, case=case),
        "case": case,
    }


def case_risk_banner(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """A banner at the top of the case page while the newest result is high."""
    latest = selectors.case_assessments(case=case).first()
    if latest is None or latest.level != Level.HIGH:
        return None
    return {"template": "risk/partials/case_banner.html", "latest": latest, "case": case}
