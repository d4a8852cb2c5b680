"""A user's in-app notices."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.http import Http404

from naungan.accounts.models import User
from naungan.cases.models import (
    Notification,
)


def notifications_for(*, user: User) -> QuerySet[Notification]:
    """The user's notices, unread first, newest first."""
    return (
        Notification.objects.filter(user_id=user.pk)
        .select_related("case", "task")
        .order_by(F("read_at").asc(nulls_first=True), "-created_at", "-id")
    )


def notifications_unread_count(*, user: User) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True).count()


def notification_get(*, user: User, notification_id: int) -> Notification:
    """One of the user's notices; anyone else's is a 404."""
    notice = Notification.objects.filter(user_id=user.pk, pk=notification_id).first()
    if notice is None:
        raise Http404
    return notice
