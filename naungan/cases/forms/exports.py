"""The case export (format, identities with a reason)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class ExportForm(forms.Form):
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)
    fmt = forms.ChoiceField(
        label=_("Format"), choices=[("csv", "CSV"), ("xlsx", "Excel (XLSX)")], initial="xlsx"
    )
    include_identities = forms.BooleanField(
        label=_("Sertakan identitas korban (nama, NIK, telepon, alamat)"), required=False
    )
    reason = forms.CharField(
        label=_("Alasan ekspor"),
        required=False,
        max_length=500,
        help_text=_("Wajib bila identitas disertakan. Dicatat dalam jejak audit."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("include_identities") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Ekspor dengan identitas memerlukan alasan."))
        return data
