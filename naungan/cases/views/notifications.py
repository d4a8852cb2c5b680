"""The user's notices."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.accounts.roles import CASE_ROLES, user_in
from naungan.cases import selectors
from naungan.cases.services import notifications as notice_services

PAGE_SIZE = 25


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    page = Paginator(selectors.notifications_for(user=user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "cases/notifications.html",
        {"page": page, "unread": selectors.notifications_unread_count(user=user)},
    )


@login_required
@require_POST
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    user = request_user(request)
    notice = selectors.notification_get(user=user, notification_id=notification_id)
    notice_services.notification_mark_read(actor=user, notification=notice)
    return redirect("cases:notifications")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = notice_services.notifications_mark_all_read(actor=request_user(request))
    messages.success(
        request,
        ngettext(
            "%(n)d pemberitahuan ditandai dibaca.", "%(n)d pemberitahuan ditandai dibaca.", count
        )
        % {"n": count},
    )
    return redirect("cases:notifications")


def unread_badge(request: HttpRequest) -> int:
    """The navigation's badge: how many unread notices the signed-in user has."""
    if not user_in(request.user, CASE_ROLES):
        return 0
    return selectors.notifications_unread_count(user=request_user(request))
