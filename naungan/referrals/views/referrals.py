"""The referrals section of the case page (registered with ``naungan.core.registry``): the
case's referrals with their status and the provider's feedback."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naungan.cases.models import Case

from .. import selectors


def case_referrals_section(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """The case's referrals, newest first (the case page already checked that the user sees
    the case)."""
    if not getattr(request.user, "is_authenticated", False):
        return None
    return {
        "template": "referrals/partials/case_section.html",
        "referrals": list(selectors.case_referrals(case=case)[:10]),
        "zone": case.area.timezone,
    }
