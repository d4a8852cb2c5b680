"""Forms of the case list (filters) and of opening a case (people searched first)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import (
    CaseStatus,
    Channel,
    GbvType,
    Place,
    Relationship,
    Sex,
    TpksType,
    Triage,
    ViolenceType,
)
from naungan.core.vocabulary import PERPETRATOR_AGE_GROUPS, VICTIM_AGE_GROUPS
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
    # The dimensions of the statistics (a dashboard number links here with its filters).
    received_from = forms.DateField(widget=DateInput(), label=_("Dilaporkan sejak"), required=False)
    received_to = forms.DateField(widget=DateInput(), label=_("Dilaporkan sampai"), required=False)
    occurred_from = forms.DateField(widget=DateInput(), label=_("Kejadian sejak"), required=False)
    occurred_to = forms.DateField(widget=DateInput(), label=_("Kejadian sampai"), required=False)
    age_group = forms.ChoiceField(
        label=_("Kelompok umur korban"),
        choices=lambda: BLANK + _age_choices(VICTIM_AGE_GROUPS),
        required=False,
    )
    sex = forms.ChoiceField(
        label=_("Jenis kelamin korban"), choices=lambda: _with_unknown(Sex), required=False
    )
    disability = forms.ChoiceField(
        label=_("Disabilitas korban"),
        choices=[*BLANK, ("true", _("Dengan disabilitas")), ("false", _("Tanpa disabilitas"))],
        required=False,
    )
    place = forms.ChoiceField(
        label=_("Tempat kejadian"), choices=lambda: _with_unknown(Place), required=False
    )
    relationship = forms.ChoiceField(
        label=_("Hubungan pelaku"), choices=lambda: _with_unknown(Relationship), required=False
    )
    perpetrator_age_group = forms.ChoiceField(
        label=_("Kelompok umur pelaku"),
        choices=lambda: BLANK + _age_choices(PERPETRATOR_AGE_GROUPS),
        required=False,
    )
    channel = forms.ChoiceField(
        label=_("Saluran"), choices=lambda: _with_unknown(Channel), required=False
    )
    gbv_type = forms.ChoiceField(
        label=_("Jenis KBG (GBVIMS)"), choices=BLANK + GbvType.choices, required=False
    )
    tpks_type = forms.ChoiceField(
        label=_("Kategori UU TPKS"), choices=lambda: _with_unknown(TpksType), required=False
    )
    counted = forms.BooleanField(label=_("Hanya yang dihitung dalam statistik"), required=False)

    # Filters on the incidents of a case (one incident must match them all).
    INCIDENT_FIELDS = (
        "occurred_from",
        "occurred_to",
        "age_group",
        "sex",
        "disability",
        "place",
        "relationship",
        "perpetrator_age_group",
        "gbv_type",
        "tpks_type",
        "counted",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for low, high in (("received_from", "received_to"), ("occurred_from", "occurred_to")):
            if data.get(low) and data.get(high) and data[low] > data[high]:
                self.add_error(high, _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data

    def advanced_set(self) -> bool:
        """Whether a filter beyond the first row is set (the page then opens that part)."""
        names = ("received_from", "received_to", "channel", *self.INCIDENT_FIELDS)
        return self.is_bound and any(self.data.get(n) for n in names)


UNKNOWN_KEY = "unknown"


def _with_unknown(choices: type[Any]) -> list[tuple[str, Any]]:
    """The choices and "not known" (the statistics count an empty value as unknown)."""
    keys = [(str(v), label) for v, label in choices.choices if v != UNKNOWN_KEY]
    return BLANK + keys + [(UNKNOWN_KEY, _("Tidak diketahui"))]


def _age_choices(groups: list[tuple[str, int, int | None]]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, low, high in groups:
        if high is None:
            out.append((key, _("%(low)s tahun ke atas") % {"low": low}))
        else:
            out.append((key, _("%(low)s–%(high)s tahun") % {"low": low, "high": high}))
    return [*out, (UNKNOWN_KEY, _("Usia tidak diketahui"))]


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
