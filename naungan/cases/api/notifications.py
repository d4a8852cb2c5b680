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


def notification_out(n: Notification) -> dict[str, Any]:
    return {
        "id": n.pk,
        "kind": n.kind,
        "message": n.message,
        "case": n.case.public_id if n.case else None,
        "created_at": n.created_at,
        "read_at": n.read_at,
    }


@outer_router.get(
    "/notifications",
    response=NotificationListOut,
    summary="My notices",
    description="Overdue tasks and plan decisions for the signed-in user, unread first "
    "(at most 100).",
)
def notifications_list(request: HttpRequest) -> dict[str, Any]:
    user = request_user(request)
    items = list(selectors.notifications_for(user=user)[:100])
    return {
        "items": [notification_out(n) for n in items],
        "count": len(items),
        "unread": selectors.notifications_unread_count(user=user),
    }


@outer_router.post(
    "/notifications/{notification_id}/read",
    response=NotificationOut,
    summary="Mark a notice read",
    description="Only the notice's user; anyone else → 404.",
)
def notifications_read(request: HttpRequest, notification_id: int) -> dict[str, Any]:
    user = request_user(request)
    notice = selectors.notification_get(user=user, notification_id=notification_id)
    return notification_out(notice_services.notification_mark_read(actor=user, notification=notice))
