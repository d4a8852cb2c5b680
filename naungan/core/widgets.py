"""Typed form inputs that always carry the value the browser's picker reads.

Django renders a date or time widget's value with the active language's first
``DATE_INPUT_FORMATS`` entry (Indonesian: ``02-12-2026``, ``09.05``). A ``type="date"`` input
cannot read that: it shows empty, and the next save sends nothing, silently wiping the stored
date. These widgets fix the format to the one HTML defines (``YYYY-MM-DD``,
``YYYY-MM-DDTHH:MM``, ``HH:MM``) whatever the language; parsing needs nothing extra, because
Django accepts the ISO formats in every language. Every form uses them instead of Django's."""

from __future__ import annotations

from typing import Any

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
ISO_TIME = "%H:%M"


class DateInput(forms.DateInput):
    """``<input type="date">`` with an ISO value."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATE)


class DateTimeInput(forms.DateTimeInput):
    """``<input type="datetime-local">`` with an ISO value to the minute."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATETIME_LOCAL)


class TimeInput(forms.TimeInput):
    """``<input type="time">`` with an ISO value to the minute."""

    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_TIME)
