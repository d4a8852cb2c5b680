"""API schemas of the user's notices."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Schema

from naungan.cases.models import Notification


class NotificationOut(Schema):
    id: int
    kind: str
    message: str
    case: UUID | None
    link: str
    created_at: datetime
    read_at: datetime | None

    @staticmethod
    def resolve_case(notice: Notification) -> UUID | None:
        return notice.case.public_id if notice.case else None


class NotificationListOut(Schema):
    items: list[NotificationOut]
    count: int
    unread: int
