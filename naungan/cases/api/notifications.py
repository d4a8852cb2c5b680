"""The user's notices (``/notifications``, outside ``/cases``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naungan.accounts.access import request_user
from naungan.cases import selectors
from naungan.cases.api import outer_router
from naungan.cases.models import Notification
from naungan.cases.schemas.notifications import NotificationListOut, NotificationOut
from naungan.cases.services import notifications as notice_services


@outer_router.get(
    "/notifications",
    response=NotificationListOut,
    summary="My notices",
    description="New assignments, decisions asked of the user (`approval`: a plan, a closure, "
    "a transfer), reporter messages, overdue tasks and plan decisions for the signed-in user, "
    "unread first (at most 100). `link` is the page the notice leads to when it is not the "
    "case's (empty otherwise).",
)
def notifications_list(request: HttpRequest) -> dict[str, Any]:
    user = request_user(request)
    items = list(selectors.notifications_for(user=user)[:100])
    return {
        "items": items,
        "count": len(items),
        "unread": selectors.notifications_unread_count(user=user),
    }


@outer_router.post(
    "/notifications/{notification_id}/read",
    response=NotificationOut,
    summary="Mark a notice read",
    description="Only the notice's user; anyone else → 404.",
)
def notifications_read(request: HttpRequest, notification_id: int) -> Notification:
    user = request_user(request)
    notice = selectors.notification_get(user=user, notification_id=notification_id)
    return notice_services.notification_mark_read(actor=user, notification=notice)
