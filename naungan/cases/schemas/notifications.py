"""API schemas of the user's notices."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Schema


class NotificationOut(Schema):
    id: int
    kind: str
    message: str
    case: UUID | None
    created_at: datetime
    read_at: datetime | None


class NotificationListOut(Schema):
    items: list[NotificationOut]
    count: int
    unread: int
