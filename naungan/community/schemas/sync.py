"""Schemas of the field app's sync (CONTRACT §4 ``POST /api/v1/sync``). Items are read one by
one by the service, so that a bad item never spoils the good ones."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from ninja import Field, Schema


class SyncIn(Schema):
    items: list[Any] = Field(
        description='`[{"id": "<uuid made on the phone>", "type": "report" | "activity" | '
        '"accompaniment_log", "body": {...}}]`, at most 200.'
    )


class SyncResultOut(Schema):
    id: Any
    status: Literal["stored", "duplicate", "error"]
    server_id: uuid.UUID | None
    detail: Any = None


class SyncOut(Schema):
    results: list[SyncResultOut]
