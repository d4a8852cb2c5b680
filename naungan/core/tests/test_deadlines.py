"""Deadlines in words: time left before, lateness after, never "late" ahead of time."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from naungan.core.deadlines import duration_text, time_left_text, waiting_text

NOW = dt.datetime(2026, 1, 6, 22, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _indonesian() -> object:
    with translation.override("id"):
        yield


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "kurang dari 1 menit"),
        (59, "kurang dari 1 menit"),
        (52 * 60 + 59, "52 menit"),
        (60 * 60, "1 jam"),
        (2 * 3600 + 5 * 60, "2 jam 5 menit"),
        (3 * 86400 + 4 * 3600 + 30 * 60, "3 hari 4 jam"),
        (2 * 86400, "2 hari"),
    ],
)
def test_duration_in_at_most_two_units(seconds: int, text: str) -> None:
    assert duration_text(seconds) == text


def test_time_left_before_the_deadline_and_late_after() -> None:
    assert time_left_text(NOW + dt.timedelta(minutes=52, seconds=30), NOW) == "sisa 52 menit"
    assert time_left_text(NOW, NOW) == "sisa kurang dari 1 menit"
    assert time_left_text(NOW - dt.timedelta(minutes=10), NOW) == "terlambat 10 menit"


def test_waiting_since() -> None:
    assert waiting_text(NOW - dt.timedelta(hours=2), NOW) == "menunggu 2 jam"
