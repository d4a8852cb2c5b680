"""``{% load roles %}`` then ``{% if user|in_roles:"CASE_CREATORS" %}``: templates name the
same role sets as views and services (``naungan.accounts.roles``)."""

from __future__ import annotations

from typing import Any

from django import template

from naungan.accounts.roles import ROLE_SETS, user_in

register = template.Library()


@register.filter
def in_roles(user: Any, name: str) -> bool:
    """Whether ``user``'s role is in the named set; an unknown name is a programming error."""
    return user_in(user, ROLE_SETS[name])
