"""Outreach: opening it with the first visit, planning a visit, the safety check, the result."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import OutreachResult
from ..services import VisitIn
from ._common import YES_NO, moment_field, notes_field


class VisitPlanForm(forms.Form):
    planned_at = moment_field(_("Rencana waktu kunjungan"), required=True)
    team = forms.CharField(
        label=_("Tim"),
        max_length=300,
        help_text=_("Nama dan peran, mis. pendamping, pekerja sosial, polisi, tenaga kesehatan."),
    )
    with_police = forms.BooleanField(
        label=_("Bersama polisi (wajib bila pelaku ada)"), required=False
    )
    with_health = forms.BooleanField(label=_("Bersama tenaga kesehatan"), required=False)
    transport = forms.CharField(label=_("Transportasi"), max_length=100, required=False)
    address_verified = forms.BooleanField(
        label=_("Alamat sudah diverifikasi dengan dinas atau kelurahan"), required=False
    )
    needs = forms.CharField(
        label=_("Kebutuhan khusus korban (disabilitas, bahasa)"),
        required=False,
        max_length=2000,
        help_text=_("Pelajari sebelum kunjungan."),
    )

    def to_visit(self) -> VisitIn:
        d = self.cleaned_data
        return VisitIn(
            planned_at=d["planned_at"],
            team=d["team"],
            with_police=d["with_police"],
            with_health=d["with_health"],
            transport=d["transport"],
            address_verified=d["address_verified"],
            needs=d["needs"],
        )


class OutreachOpenForm(VisitPlanForm):
    place = forms.CharField(
        label=_("Tempat tujuan"),
        max_length=500,
        required=False,
        help_text=_("Disimpan terenkripsi."),
    )
    notes = notes_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["planned_at", "place", "team"])


class SafetyCheckForm(forms.Form):
    perpetrator_present = forms.ChoiceField(
        label=_("Apakah pelaku ada di lokasi?"), choices=YES_NO, widget=forms.RadioSelect
    )
    safe_for_victim = forms.ChoiceField(
        label=_("Apakah kunjungan aman bagi korban?"), choices=YES_NO, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Catatan keamanan"), required=False, max_length=2000)


class VisitResultForm(forms.Form):
    result = forms.ChoiceField(label=_("Hasil kunjungan"), choices=OutreachResult.choices)
    note = forms.CharField(
        label=_("Catatan hasil"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
