"""``{% load deadlines %}``: ``{{ due|time_left }}`` ("sisa 52 menit" / "terlambat 10 menit")
and ``{{ received_at|waiting_since }}`` ("menunggu 25 menit"), against the current time."""

from __future__ import annotations

import datetime as dt

from django import template

from naungan.core.deadlines import time_left_text, waiting_text

register = template.Library()


@register.filter
def time_left(due: dt.datetime | None) -> str:
    return time_left_text(due) if due else ""


@register.filter
def waiting_since(since: dt.datetime | None) -> str:
    return waiting_text(since) if since else ""
