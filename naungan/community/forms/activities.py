"""The prevention activity form (phone-first) and the month/area filter of the summary."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.widgets import DateInput

from ..models import ActivityKind
from ..services import ActivityInput

PHOTO_WARNING = _(
    "Jangan memotret anak atau korban yang dapat dikenali. Formulir ini tidak menerima foto; "
    "tulis materi dan hasil kegiatan dengan kata-kata."
)


def _count(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis kegiatan"), choices=ActivityKind.choices)
    held_on = forms.DateField(label=_("Tanggal kegiatan"), widget=DateInput())
    area_code = forms.ChoiceField(label=_("Kelurahan"))
    rw = forms.CharField(
        label=_("RW"),
        required=False,
        max_length=3,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    rt = forms.CharField(
        label=_("RT"),
        required=False,
        max_length=3,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    topic = forms.CharField(label=_("Topik"), max_length=300)
    partner = forms.CharField(
        label=_("Mitra"),
        required=False,
        max_length=200,
        help_text=_("Mis. Posbakum Aisyiyah, Bikksa, Polsek, Babinsa, puskesmas, sekolah."),
    )
    women = _count(_("Perempuan dewasa"))
    men = _count(_("Laki-laki dewasa"))
    girls = _count(_("Anak perempuan"))
    boys = _count(_("Anak laki-laki"))
    materials = forms.CharField(
        label=_("Materi"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=PHOTO_WARNING,
    )

    def __init__(self, *args: Any, kelurahan: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area_code"].choices = kelurahan  # type: ignore[attr-defined]
        if len(kelurahan) == 1:
            self.fields["area_code"].initial = kelurahan[0][0]

    def to_input(self) -> ActivityInput:
        d = self.cleaned_data
        return ActivityInput(
            kind=d["kind"],
            held_on=d["held_on"],
            area_code=d["area_code"],
            rt=d["rt"],
            rw=d["rw"],
            topic=d["topic"],
            partner=d["partner"],
            materials=d["materials"],
            attendance={name: d[name] for name in ("women", "men", "girls", "boys")},
        )


class SummaryFilterForm(forms.Form):
    area = forms.ChoiceField(label=_("Wilayah"), required=False)
    month = forms.CharField(
        label=_("Bulan"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
    )

    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = areas  # type: ignore[attr-defined]
