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
    Incident,
    Place,
    Relationship,
    TpksType,
    ViolenceType,
)
from naungan.cases.services.incidents import IncidentDetails
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
ANSWER_REQUIRED = _("Pilih “Ya” atau “Tidak”.")


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

    correction_reason = forms.CharField(
        label=_("Alasan koreksi (tidak wajib)"),
        max_length=2000,
        required=False,
        help_text=_("Tercatat di jejak jawaban dan log audit."),
    )

    def __init__(
        self, *args: Any, survivors: list[tuple[str, str]], correcting: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survivor"].choices = survivors  # type: ignore[attr-defined]
        if not correcting:
            del self.fields["correction_reason"]
        # Each answer is a required choice with no default (CONTRACT §6): an incident is never
        # typed from questions nobody answered.
        for number, key in enumerate(QUESTION_KEYS, start=1):
            field = forms.ChoiceField(
                label=QUESTION_TEXT[key],
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": ANSWER_REQUIRED},
            )
            field.number = number  # type: ignore[attr-defined]
            self.fields[f"q_{key}"] = field

    @staticmethod
    def initial_of(incident: Incident) -> dict[str, Any]:
        """The form's values for correcting ``incident``."""
        initial: dict[str, Any] = {
            name: getattr(incident, name)
            for name in (
                "occurred_on",
                "occurred_on_approximate",
                "survivor_age",
                "place",
                "violence_types",
                "perpetrator_relationship",
                "perpetrator_age",
                "money_goods_exchanged",
                "abduction",
                "harmful_traditional_practice",
                "tpks_type",
                "reporting_consent",
                "reported_elsewhere",
                "narrative",
            )
        }
        initial["survivor"] = str(incident.survivor.public_id)
        for key in QUESTION_KEYS:
            answer = getattr(incident, f"q_{key}")
            if answer is not None:
                initial[f"q_{key}"] = "yes" if answer else "no"
        return initial

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{key}"] for key in QUESTION_KEYS]

    def question_fields_with_errors(self) -> list[forms.BoundField]:
        """The questions left unanswered (the only error a Ya/Tidak choice can have)."""
        return [field for field in self.question_fields() if field.errors]

    def other_fields_with_errors(self) -> list[forms.BoundField]:
        """Fields other than the questions that have errors (the summary at the top)."""
        questions = {f"q_{key}" for key in QUESTION_KEYS}
        return [self[name] for name in self.errors if name in self.fields and name not in questions]

    def answers(self) -> dict[str, bool]:
        return {key: self.cleaned_data[f"q_{key}"] == "yes" for key in QUESTION_KEYS}

    def details(self) -> IncidentDetails:
        """The cleaned input as the incident services take it (``IncidentDetails``)."""
        data = self.cleaned_data
        return {
            "occurred_on": data["occurred_on"],
            "occurred_on_approximate": data["occurred_on_approximate"],
            "survivor_age": data["survivor_age"],
            "place": data["place"],
            "violence_types": data["violence_types"],
            "perpetrator_relationship": data["perpetrator_relationship"],
            "perpetrator_age": data["perpetrator_age"],
            "money_goods_exchanged": data["money_goods_exchanged"],
            "abduction": data["abduction"],
            "harmful_traditional_practice": data["harmful_traditional_practice"],
            "tpks_type": data["tpks_type"],
            "reporting_consent": data["reporting_consent"],
            "reported_elsewhere": data["reported_elsewhere"],
            "narrative": data["narrative"],
        }

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        """A service's field errors onto this form: ``classification.<key>`` is the question's
        field, other names their own field when the form has it, else the form's."""
        for name, messages in errors.items():
            field = "q_" + name.removeprefix("classification.") if "." in name else name
            self.add_error(field if field in self.fields else None, messages)


class IncidentWithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penarikan"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tulis alasan penarikan insiden.")},
    )
