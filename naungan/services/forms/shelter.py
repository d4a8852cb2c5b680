"""Shelter: admission, extension and its decision, discharge."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from naungan.core.widgets import DateInput

from ..models import AdmissionReason
from ..selectors import Occupancy
from ..services import StayIn
from ._common import YES_NO, moment_field, notes_field


def shelter_label(o: Occupancy) -> str:
    if o.full:
        return str(_("%(s)s — penuh (%(b)d tempat tidur)") % {"s": o.shelter.name, "b": o.beds})
    free = ngettext(
        "%(n)d dari %(b)d tempat tidur kosong", "%(n)d dari %(b)d tempat tidur kosong", o.free
    ) % {"n": o.free, "b": o.beds}
    return f"{o.shelter.name} — {free}"


class ShelterAdmitForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Rumah aman"))
    started_at = moment_field(_("Waktu masuk"))
    beds = forms.IntegerField(
        label=_("Tempat tidur"),
        min_value=1,
        max_value=50,
        initial=1,
        help_text=_("Korban dan anak yang ikut bersamanya."),
    )
    children = forms.IntegerField(
        label=_("Anak di antaranya"), min_value=0, max_value=50, initial=0
    )
    reasons = forms.MultipleChoiceField(
        label=_("Alasan penampungan"),
        choices=AdmissionReason.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    capacity_override_reason = forms.CharField(
        label=_("Alasan menempatkan melebihi kapasitas (supervisor)"),
        required=False,
        max_length=2000,
        help_text=_("Hanya bila tidak ada tempat tidur kosong; dicatat dalam log audit."),
    )
    notes = notes_field()

    def __init__(
        self, *args: Any, shelters: list[Occupancy], supervisor: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(o.shelter.slug, shelter_label(o)) for o in shelters]
        if not supervisor:
            del self.fields["capacity_override_reason"]

    def to_stay(self) -> StayIn:
        d = self.cleaned_data
        return StayIn(
            beds=d["beds"],
            children=d["children"],
            reasons=d["reasons"],
            capacity_override_reason=d.get("capacity_override_reason") or "",
        )


class ExtensionForm(forms.Form):
    until = forms.DateField(label=_("Diperpanjang sampai tanggal"), widget=DateInput())
    reason = forms.CharField(
        label=_("Alasan perpanjangan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExtensionDecideForm(forms.Form):
    approve = forms.ChoiceField(choices=YES_NO)
    note = forms.CharField(label=_("Catatan keputusan (wajib bila ditolak)"), required=False)


class DischargeForm(forms.Form):
    discharged_at = moment_field(_("Waktu keluar"))
    destination = forms.CharField(
        label=_("Tujuan setelah keluar"),
        required=False,
        max_length=2000,
        help_text=_("Mis. kembali ke keluarga, rumah kerabat, panti. Disimpan terenkripsi."),
    )
