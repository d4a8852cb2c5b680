"""Mediation: opening it, a session, the agreement."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.widgets import DateInput

from ..models import MediationMatter
from ..services import MediationIn
from ._common import BLANK, moment_field, notes_field


class MediationOpenForm(forms.Form):
    matter = forms.ChoiceField(
        label=_("Pokok perkara"), choices=BLANK + MediationMatter.choices, required=False
    )
    readiness_checked = forms.BooleanField(
        label=_(
            "Pendamping dan psikolog sudah memeriksa bahwa klien dapat memutuskan dengan bebas"
        ),
        required=False,
    )
    client_agrees = forms.BooleanField(label=_("Klien sendiri memilih mediasi"), required=False)
    mediator = forms.CharField(label=_("Mediator terlatih"), max_length=200, required=False)
    started_at = moment_field(_("Mulai"))
    notes = notes_field()

    def to_mediation(self) -> MediationIn:
        d = self.cleaned_data
        return MediationIn(
            matter=d["matter"],
            readiness_checked=d["readiness_checked"],
            client_agrees=d["client_agrees"],
            mediator=d["mediator"],
        )


class SessionForm(forms.Form):
    held_at = moment_field(_("Waktu pertemuan"))
    parties = forms.CharField(label=_("Pihak yang hadir"), max_length=2000)
    minutes = forms.CharField(
        label=_("Berita acara"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AgreementForm(forms.Form):
    agreement = forms.CharField(
        label=_("Isi kesepakatan"), max_length=20000, widget=forms.Textarea(attrs={"rows": 3})
    )
    signed_on = forms.DateField(
        label=_("Ditandatangani pada"),
        required=False,
        widget=DateInput(),
        help_text=_("Kosongkan untuk hari ini."),
    )
    follow_up_on = forms.DateField(
        label=_("Periksa kepatuhan pada"),
        required=False,
        widget=DateInput(),
        help_text=_("Menjadi tugas tindak lanjut."),
    )
