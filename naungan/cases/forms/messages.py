"""The reply to the reporter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class CaseMessageForm(forms.Form):
    """An answer to the reporter; the length rule is the thread's (``report_message_text``)."""

    body = forms.CharField(
        label=_("Balasan kepada pelapor"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pelapor melihat balasan dari “Petugas”, tanpa nama Anda."),
    )
    back = forms.ChoiceField(
        choices=[("case", "case"), ("report", "report")],
        required=False,
        initial="case",
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The case page also has the note form's ``body``: ids must stay unique.
        kwargs.setdefault("auto_id", "reply_%s")
        super().__init__(*args, **kwargs)
