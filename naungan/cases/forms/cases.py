"""Forms of the case list (filters) and of opening a case (people searched first)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import (
    CaseStatus,
    Channel,
    Relationship,
    Sex,
    Triage,
    ViolenceType,
)
from naungan.core.widgets import DateInput, DateTimeInput
from naungan.core.words import EMPTY_CHOICE_LABEL

BLANK: list[tuple[str, Any]] = [("", EMPTY_CHOICE_LABEL)]  # the one empty choice


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=BLANK + CaseStatus.choices, required=False
    )
    area = forms.CharField(label=_("Kode wilayah"), max_length=13, required=False)
    violence_type = forms.ChoiceField(
        label=_("Jenis kekerasan"), choices=BLANK + ViolenceType.choices, required=False
    )
    q = forms.CharField(label=_("Cari"), max_length=100, required=False)
    overdue = forms.BooleanField(label=_("Ada tugas terlambat"), required=False)


class PersonFieldsMixin(forms.Form):
    victim_name = forms.CharField(label=_("Nama korban"), max_length=200, required=False)
    victim_age = forms.IntegerField(
        label=_("Usia korban"), min_value=0, max_value=130, required=False
    )
    victim_sex = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=BLANK + Sex.choices, required=False
    )
    victim_nik = forms.CharField(label=_("NIK"), max_length=40, required=False)
    victim_phone = forms.CharField(label=_("Telepon"), max_length=40, required=False)
    victim_birth_date = forms.DateField(
        label=_("Tanggal lahir"),
        required=False,
        widget=DateInput(),
    )


class CaseCreateForm(PersonFieldsMixin):
    area_code = forms.CharField(label=_("Kode wilayah kejadian"), max_length=13)
    channel = forms.ChoiceField(label=_("Saluran"), choices=Channel.choices, initial="walk_in")
    received_at = forms.DateTimeField(
        label=_("Diterima pada"),
        required=False,
        help_text=_("Kosongkan untuk sekarang. Semua tenggat hukum dihitung dari waktu ini."),
        widget=DateTimeInput(),
    )
    violence_types = forms.MultipleChoiceField(
        label=_("Jenis kekerasan"),
        choices=ViolenceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    triage = forms.ChoiceField(label=_("Triase"), choices=BLANK + Triage.choices, required=False)
    description = forms.CharField(
        label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    perpetrator_relationship = forms.ChoiceField(
        label=_("Hubungan terduga pelaku"), choices=BLANK + Relationship.choices, required=False
    )
    perpetrator_age = forms.IntegerField(
        label=_("Usia terduga pelaku"), min_value=0, max_value=130, required=False
    )
    restricted = forms.BooleanField(
        label=_("Kasus terbatas (pihak adalah petugas, kerabat petugas atau tokoh publik)"),
        required=False,
    )
    link_person = forms.UUIDField(required=False, widget=forms.HiddenInput)
