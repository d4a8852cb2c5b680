"""Pieces shared by the services' forms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.widgets import DateTimeInput

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    StrOrPromise = str | _StrPromise
else:
    StrOrPromise = str

BLANK: list[tuple[str, Any]] = [("", "—")]
YES_NO = [("yes", _("Ya")), ("no", _("Tidak"))]


def moment_field(
    label: StrOrPromise, *, required: bool = False, help_text: StrOrPromise = ""
) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DateTimeInput(),
        help_text=help_text or (_("Kosongkan untuk sekarang.") if not required else ""),
    )


def notes_field() -> forms.CharField:
    return forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
