"""Asking for and declining a transfer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from naungan.orgs.models import Organisation


class TransferRequestForm(forms.Form):
    to_organisation = forms.ModelChoiceField(
        label=_("Dilimpahkan ke"), queryset=Organisation.objects.none()
    )
    reason = forms.CharField(
        label=_("Alasan pelimpahan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args: Any, destinations: QuerySet[Organisation], **kwargs: Any) -> None:
        # Its own ids: the case page also holds the closure form, which has a "reason" too.
        kwargs.setdefault("auto_id", "transfer_%s")
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = destinations  # type: ignore[attr-defined]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
