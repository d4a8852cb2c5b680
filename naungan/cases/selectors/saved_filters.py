"""A user's saved case-list filters."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from naungan.accounts.models import User
from naungan.cases.models import (
    SavedFilter,
)


def saved_filters_of(*, user: User) -> QuerySet[SavedFilter]:
    if not getattr(user, "is_authenticated", False):
        return SavedFilter.objects.none()
    return SavedFilter.objects.filter(user_id=user.pk).order_by("name")


def saved_filter_get(*, user: User, filter_id: int) -> SavedFilter:
    """One of the user's own saved filters; 404 for anyone else's."""
    found = saved_filters_of(user=user).filter(pk=filter_id).first()
    if found is None:
        raise Http404
    return found
