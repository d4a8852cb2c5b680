"""Ending a service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ._common import moment_field


class EndForm(forms.Form):
    ended_at = moment_field(_("Selesai pada"))
    outcome = forms.CharField(
        label=_("Hasil layanan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
