"""Reads of risk conferences, through a case the reader sees."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet

from naungan.cases.models import Case

from ..models import Conference
from ._common import get_public


def case_conferences(*, case: Case) -> QuerySet[Conference]:
    return case.risk_conferences.prefetch_related("agencies", "cases").select_related("recorded_by")


def conference_get(*, case: Case, conference_id: UUID | str) -> Conference:
    """A conference that discussed ``case`` (a case the reader sees); otherwise 404."""
    return get_public(case_conferences(case=case), conference_id)
