"""The incident form: the GBVIMS questions that classify it (DESIGN §7)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.cases.classification import QUESTION_KEYS
from naungan.cases.forms.cases import BLANK
from naungan.cases.models import (
    Abduction,
    HarmfulPractice,
    Place,
    Relationship,
    TpksType,
    ViolenceType,
)
from naungan.core.widgets import DateInput

# The six GBVIMS questions, asked in this order (DESIGN §7b).
QUESTION_TEXT = {
    "penetration": _(
        "Apakah terjadi penetrasi, sekecil apa pun, ke vagina, anus atau mulut dengan bagian "
        "tubuh, atau ke vagina atau anus dengan benda?"
    ),
    "sexual_contact": _(
        "Apakah terjadi kontak seksual yang tidak diinginkan (termasuk percobaan perkosaan dan "
        "sunat perempuan)?"
    ),
    "physical_assault": _("Apakah terjadi kekerasan fisik yang bukan seksual?"),
    "forced_marriage": _("Apakah ini perkawinan paksa (termasuk setiap perkawinan di bawah 18)?"),
    "denial_of_resources": _(
        "Apakah penyintas ditolak haknya atas sumber daya, kesempatan atau layanan (warisan, "
        "penghasilan, sekolah, kesehatan, kontrasepsi) — bukan kemiskinan umum?"
    ),
    "psychological_abuse": _(
        "Apakah terjadi kekerasan psikis: ancaman, intimidasi, penghinaan, pengucilan, "
        "penguntitan, ucapan, isyarat atau pesan seksual tanpa kontak?"
    ),
}


YES_NO = [("yes", _("Ya")), ("no", _("Tidak"))]


class IncidentForm(forms.Form):
    survivor = forms.ChoiceField(label=_("Penyintas"))
    occurred_on = forms.DateField(label=_("Tanggal kejadian"), required=False, widget=DateInput())
    occurred_on_approximate = forms.BooleanField(label=_("Tanggal perkiraan"), required=False)
    survivor_age = forms.IntegerField(
        label=_("Usia penyintas saat kejadian"), min_value=0, max_value=130, required=False
    )
    place = forms.ChoiceField(
        label=_("Tempat kejadian"), choices=BLANK + Place.choices, required=False
    )
    violence_types = forms.MultipleChoiceField(
        label=_("Jenis kekerasan (SIMFONI)"),
        choices=ViolenceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    perpetrator_relationship = forms.ChoiceField(
        label=_("Hubungan terduga pelaku"), choices=BLANK + Relationship.choices, required=False
    )
    perpetrator_age = forms.IntegerField(
        label=_("Usia terduga pelaku"), min_value=0, max_value=130, required=False
    )
    money_goods_exchanged = forms.BooleanField(
        label=_("Ada pertukaran uang, barang atau jasa"), required=False
    )
    abduction = forms.ChoiceField(label=_("Penculikan"), choices=Abduction.choices, initial="none")
    harmful_traditional_practice = forms.ChoiceField(
        label=_("Praktik tradisional berbahaya"), choices=HarmfulPractice.choices, initial="no"
    )
    tpks_type = forms.ChoiceField(
        label=_("Kategori UU TPKS"), choices=BLANK + TpksType.choices, required=False
    )
    reporting_consent = forms.BooleanField(
        label=_("Penyintas setuju dicatat dalam statistik"), required=False
    )
    reported_elsewhere = forms.BooleanField(
        label=_("Sudah dilaporkan ke lembaga pencatat lain"), required=False
    )
    narrative = forms.CharField(
        label=_("Kronologi"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args: Any, survivors: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survivor"].choices = survivors  # type: ignore[attr-defined]
        for key in QUESTION_KEYS:
            self.fields[f"q_{key}"] = forms.ChoiceField(
                label=QUESTION_TEXT[key], choices=YES_NO, widget=forms.RadioSelect, required=False
            )

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{key}"] for key in QUESTION_KEYS]

    def answers(self) -> dict[str, bool | None]:
        out: dict[str, bool | None] = {}
        for key in QUESTION_KEYS:
            value = self.cleaned_data.get(f"q_{key}")
            out[key] = {"yes": True, "no": False}.get(value or "")
        return out
