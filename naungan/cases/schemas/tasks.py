"""API schemas of tasks and notes."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Field, Schema

from naungan.cases.models import Task
from naungan.cases.schemas.vocabulary import NoteKindIn


class TaskOut(Schema):
    id: UUID
    kind: str
    title: str = Field(
        description="What the task asks when its kind does not say it (a plan "
        "action's task: the action); empty otherwise"
    )
    due_at: datetime
    status: str
    statutory: bool
    overdue: bool
    owner: str | None
    source_rule: str
    waived_reason: str

    @staticmethod
    def resolve_id(task: Task) -> UUID:
        return task.public_id

    @staticmethod
    def resolve_owner(task: Task) -> str | None:
        return task.owner.username if task.owner else None


class TaskListOut(Schema):
    items: list[TaskOut]
    count: int


class WaiveIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)


class NoteIn(Schema):
    kind: NoteKindIn
    body: str = Field(..., min_length=1, max_length=20000)
