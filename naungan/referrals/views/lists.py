"""The referral lists: ``/rujukan/`` is the provider's portal (the referrals addressed to their
own organisation, newest first) and, for case staff, the queue of the referrals of their cases;
and the referral lines of the home page (``register_home_section``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from naungan.accounts.access import request_user, role_required
from naungan.accounts.models import Role
from naungan.accounts.roles import CASE_WRITER_ROLES, PROVIDERS, REFERRAL_READERS, user_in

from .. import selectors
from ..forms.referrals import StatusFilterForm
from ..models import ReferralStatus

PAGE_SIZE = 25
HOME_LIMIT = 8
# How long an answer counts as "recent" in the caseworker's queue and home page.
RECENT_DAYS = 14


def _late(referrals: list[Any]) -> None:
    """Mark sent referrals not answered within the reminder time."""
    due = timezone.now() - timedelta(hours=settings.REFERRAL_REMINDER_HOURS)
    for r in referrals:
        r.late = r.status == ReferralStatus.SENT and r.sent_at < due


@role_required(REFERRAL_READERS)
def referral_list(request: HttpRequest) -> HttpResponse:
    """A provider's referrals (their organisation's), or the referrals of the cases a
    caseworker, supervisor or intake officer sees; newest first, by status."""
    user = request_user(request)
    form = StatusFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = Paginator(selectors.referral_list(user=user, status=status), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    rows = list(page.object_list)
    _late(rows)
    return render(
        request,
        "referrals/list.html",
        {
            "form": form,
            "status": status,
            "page": page,
            "referrals": rows,
            "is_provider": user.role == Role.PROVIDER,
        },
    )


def home_referrals_section(request: HttpRequest) -> dict[str, Any] | None:
    """The home page: a provider's referrals waiting for their answer and those they are
    serving; a caseworker's or supervisor's referrals waiting for the provider's answer and
    the answers of the last days."""
    user = request.user
    if user_in(user, PROVIDERS):
        qs = selectors.referral_list(user=user)  # type: ignore[arg-type]
        waiting = list(qs.filter(status=ReferralStatus.SENT)[: HOME_LIMIT + 1])
        serving = list(qs.filter(status=ReferralStatus.ACCEPTED)[: HOME_LIMIT + 1])
        if not waiting and not serving:
            return None
        _late(waiting)
        return {
            "template": "referrals/partials/home_provider.html",
            "order": 10,
            "waiting": waiting[:HOME_LIMIT],
            "serving": serving[:HOME_LIMIT],
            "more": len(waiting) > HOME_LIMIT or len(serving) > HOME_LIMIT,
        }
    if not user_in(user, CASE_WRITER_ROLES):
        return None
    # The queue (``selectors.referrals_for_queue``): the referrals of the cases they write on
    # still waiting for the provider, or answered in the last days.
    qs = selectors.referrals_for_queue(user=user, days=RECENT_DAYS)  # type: ignore[arg-type]
    waiting = list(
        qs.filter(status=ReferralStatus.SENT).order_by("sent_at", "number")[: HOME_LIMIT + 1]
    )
    answered = list(qs.exclude(status=ReferralStatus.SENT)[: HOME_LIMIT + 1])
    if not waiting and not answered:
        return None
    _late(waiting)
    return {
        "template": "referrals/partials/home_staff.html",
        "order": 35,
        "waiting": waiting[:HOME_LIMIT],
        "answered": answered[:HOME_LIMIT],
        "more": len(waiting) > HOME_LIMIT or len(answered) > HOME_LIMIT,
    }
