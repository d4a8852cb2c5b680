"""API schemas of saved case-list filters."""

from __future__ import annotations

from ninja import Schema


class SavedFilterIn(Schema):
    name: str
    query: str


class SavedFilterOut(Schema):
    id: int
    name: str
    query: str


class SavedFilterListOut(Schema):
    items: list[SavedFilterOut]
    count: int
