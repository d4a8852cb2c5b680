"""Status changes, closure requests and decisions, reopening."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import (
    CaseStatus,
    ClosureReason,
)


class TransitionForm(forms.Form):
    to = forms.ChoiceField(choices=CaseStatus.choices)
    reason = forms.CharField(label=_("Catatan"), required=False, max_length=2000)


class ClosureForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Alasan penutupan"),
        choices=ClosureReason.choices,
        help_text=_(
            "“Tujuan tercapai” memerlukan rencana intervensi yang disetujui; “Tidak dapat "
            "dihubungi” memerlukan paling sedikit dua upaya kontak tercatat sebagai catatan "
            "Kontak atau Kunjungan rumah."
        ),
    )
    summary = forms.CharField(
        label=_("Ringkasan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class DecideForm(forms.Form):
    approve = forms.ChoiceField(choices=[("yes", _("Setujui")), ("no", _("Tolak"))])
    note = forms.CharField(label=_("Catatan keputusan"), required=False, max_length=2000)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=2000)
