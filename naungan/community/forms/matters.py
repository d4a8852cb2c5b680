"""A micro matter handled at RT level, with the rule said on the form: violence against a
woman or child is also reported to the UPTD PPA; sexual violence is never settled locally."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.vocabulary import Sex, ViolenceType
from naungan.core.widgets import DateInput
from naungan.core.words import EMPTY_CHOICE_LABEL

from ..services import MatterInput

RULE_TEXT = _(
    "Masalah kecil di lingkungan boleh diselesaikan di tingkat RT. Tetapi kekerasan terhadap "
    "perempuan atau anak tetap dilaporkan ke UPTD PPA, dan kekerasan seksual tidak pernah "
    "diselesaikan secara kekeluargaan atau di RT (UU TPKS Pasal 23): bila Anda mencentangnya, "
    "Naungan langsung membuat laporan ke UPTD PPA."
)


class MatterForm(forms.Form):
    handled_on = forms.DateField(label=_("Tanggal"), widget=DateInput())
    area_code = forms.ChoiceField(label=_("Kelurahan"))
    rw = forms.CharField(label=_("RW"), required=False, max_length=3)
    rt = forms.CharField(label=_("RT"), required=False, max_length=3)
    summary = forms.CharField(
        label=_("Apa masalahnya dan bagaimana ditangani"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Tanpa nama lengkap atau alamat rumah."),
    )
    handled_locally = forms.BooleanField(
        label=_("Sudah ditangani di tingkat RT"), required=False, initial=True
    )
    violence_against_woman_or_child = forms.BooleanField(
        label=_("Ada kekerasan terhadap perempuan atau anak"),
        required=False,
        help_text=_("Akan dilaporkan juga ke UPTD PPA."),
    )
    sexual_violence = forms.BooleanField(
        label=_("Ada kekerasan seksual"),
        required=False,
        help_text=_("Tidak boleh diselesaikan di RT: hanya dilaporkan ke UPTD PPA."),
    )
    violence_types = forms.MultipleChoiceField(
        label=_("Jenis kekerasan"),
        choices=ViolenceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    victim_age = forms.IntegerField(
        label=_("Usia korban"), required=False, min_value=0, max_value=120
    )
    victim_sex = forms.ChoiceField(
        label=_("Jenis kelamin korban"),
        choices=[("", EMPTY_CHOICE_LABEL), *Sex.choices],
        required=False,
    )
    victim_consent = forms.TypedChoiceField(
        label=_("Apakah korban setuju dilaporkan?"),
        choices=[
            ("", EMPTY_CHOICE_LABEL),
            ("1", _("Ya, korban setuju")),
            ("0", _("Tidak / belum ditanyakan")),
        ],
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, kelurahan: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area_code"].choices = kelurahan  # type: ignore[attr-defined]
        if len(kelurahan) == 1:
            self.fields["area_code"].initial = kelurahan[0][0]

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        violence = d.get("violence_against_woman_or_child") or d.get("sexual_violence")
        if violence and not d.get("violence_types") and not d.get("sexual_violence"):
            self.add_error("violence_types", _("Pilih minimal satu jenis kekerasan."))
        return d

    def to_input(self) -> MatterInput:
        d = self.cleaned_data
        return MatterInput(
            area_code=d["area_code"],
            handled_on=d["handled_on"],
            summary=d["summary"],
            rt=d["rt"],
            rw=d["rw"],
            handled_locally=d["handled_locally"],
            violence_against_woman_or_child=d["violence_against_woman_or_child"],
            sexual_violence=d["sexual_violence"],
            violence_types=list(d["violence_types"]),
            victim_age=d["victim_age"],
            victim_sex=d["victim_sex"] or None,
            victim_consent=d["victim_consent"],
        )
