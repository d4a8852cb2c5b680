"""Helpers of the training services."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from naungan.accounts.roles import TRAINING_MANAGERS, user_in

from ..exceptions import NotTrainingManager


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (31 January + 1 month = 28/29 February)."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def ensure_manager(actor: Any) -> None:
    if not user_in(actor, TRAINING_MANAGERS):
        raise NotTrainingManager
