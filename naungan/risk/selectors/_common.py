"""The one way the risk selectors look a child record up by its public id."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404


def get_public[M: Model](qs: QuerySet[M], public_id: UUID | str) -> M:
    """The record of ``qs`` with ``public_id``; missing, outside ``qs`` or malformed: 404."""
    try:
        return qs.get(public_id=public_id)
    except (ObjectDoesNotExist, ValidationError, ValueError, TypeError) as exc:
        raise Http404 from exc
