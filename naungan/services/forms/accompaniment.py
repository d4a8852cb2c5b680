"""Accompaniment with the partner clocks it starts, the next hearing, a partner clock alone."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Destination, PartnerClock
from ..services import AccompanimentIn
from ._common import moment_field, notes_field


class AccompanimentForm(forms.Form):
    destination = forms.ChoiceField(label=_("Tujuan"), choices=Destination.choices)
    started_at = moment_field(_("Tanggal dan waktu"))
    place = forms.CharField(label=_("Tempat"), max_length=500, required=False)
    purpose = forms.CharField(
        label=_("Keperluan"),
        max_length=300,
        required=False,
        help_text=_("Mis. membuat laporan polisi, visum, sidang."),
    )
    companions = forms.CharField(label=_("Yang mendampingi"), max_length=300, required=False)
    outcome = forms.CharField(
        label=_("Hasil"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    next_hearing_at = moment_field(
        _("Sidang berikutnya"), help_text=_("Menjadi tugas pada tanggal itu.")
    )
    partner_clocks = forms.MultipleChoiceField(
        label=_("Mulai tenggat mitra (sejak waktu pendampingan ini)"),
        choices=PartnerClock.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notes = notes_field()

    def to_accompaniment(self) -> AccompanimentIn:
        d = self.cleaned_data
        return AccompanimentIn(
            destination=d["destination"],
            purpose=d["purpose"],
            companions=d["companions"],
            outcome=d["outcome"],
            next_hearing_at=d["next_hearing_at"],
            partner_clocks=d["partner_clocks"],
        )


class NextHearingForm(forms.Form):
    next_hearing_at = moment_field(_("Sidang berikutnya"), required=True)


class PartnerClockForm(forms.Form):
    clock = forms.ChoiceField(label=_("Tenggat mitra"), choices=PartnerClock.choices)
    started_at = moment_field(
        _("Sejak mitra mengetahui kasus"), help_text=_("Kosongkan untuk sekarang.")
    )
