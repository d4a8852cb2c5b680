"""Deadlines in words for the people who work against them: "sisa 52 menit", "terlambat
10 menit", "menunggu 2 jam". Shared by every page that shows a response clock or a task's
deadline (template filters in ``templatetags/deadlines.py``)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def duration_text(seconds: float) -> str:
    """A span in at most two units, rounded down: "2 hari 3 jam", "1 jam 5 menit",
    "52 menit"; under a minute "kurang dari 1 menit"."""
    minutes = int(max(seconds, 0) // 60)
    if minutes < 1:
        return _("kurang dari 1 menit")
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%(n)d hari", "%(n)d hari", days) % {"n": days})
    if hours:
        parts.append(ngettext("%(n)d jam", "%(n)d jam", hours) % {"n": hours})
    if mins and not days:
        parts.append(ngettext("%(n)d menit", "%(n)d menit", mins) % {"n": mins})
    return " ".join(parts)


def is_past(due: dt.datetime, now: dt.datetime | None = None) -> bool:
    return due < (now or timezone.now())


def time_left_text(due: dt.datetime, now: dt.datetime | None = None) -> str:
    """ "sisa …" before ``due``, "terlambat …" once it has passed."""
    seconds = (due - (now or timezone.now())).total_seconds()
    if seconds >= 0:
        return _("sisa %(time)s") % {"time": duration_text(seconds)}
    return _("terlambat %(time)s") % {"time": duration_text(-seconds)}


def waiting_text(since: dt.datetime, now: dt.datetime | None = None) -> str:
    """How long something has waited since ``since``: "menunggu 25 menit"."""
    seconds = ((now or timezone.now()) - since).total_seconds()
    return _("menunggu %(time)s") % {"time": duration_text(seconds)}
