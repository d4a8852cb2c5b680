"""The assessment form (questions with yes / no / don't know) and the judgement form. Both
map to the same service input as the API, so the rules and messages are the service's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.widgets import DateTimeInput

from ..models import Answer, InstrumentVersion
from ..services import AssessmentIn

JUDGEMENT_CHOICES = [
    ("", _("Tidak ada (ikuti skor)")),
    ("medium", _("Sedang")),
    ("high", _("Tinggi")),
]


class AssessmentForm(forms.Form):
    assessed_at = forms.DateTimeField(
        label=_("Waktu asesmen"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Kosongkan untuk sekarang. Boleh tanggal lampau (formulir kertas)."),
    )
    children_in_household = forms.BooleanField(
        label=_("Ada anak di rumah tangga korban"), required=False
    )
    professional_judgement = forms.ChoiceField(
        label=_("Penilaian profesional"), choices=JUDGEMENT_CHOICES, required=False
    )
    judgement_reason = forms.CharField(
        label=_("Alasan penilaian (wajib bila menaikkan tingkat)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, version: InstrumentVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.version = version
        self.question_fields = []
        for number, (key, text) in enumerate(version.question_texts(), start=1):
            self.fields[key] = forms.ChoiceField(
                label=f"{number}. {text}",
                choices=Answer.choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
            self.question_fields.append(key)

    def questions(self) -> list[Any]:
        return [self[key] for key in self.question_fields]

    def to_input(self) -> AssessmentIn:
        d = self.cleaned_data
        return AssessmentIn(
            instrument=self.version.instrument.key,
            answers={k: d[k] for k in self.question_fields if d.get(k)},
            assessed_at=d.get("assessed_at"),
            professional_judgement=d.get("professional_judgement") or None,
            judgement_reason=d.get("judgement_reason") or None,
            children_in_household=True if d.get("children_in_household") else None,
        )


class JudgementForm(forms.Form):
    professional_judgement = forms.ChoiceField(
        label=_("Tingkat menurut penilaian profesional"), choices=JUDGEMENT_CHOICES[1:]
    )
    judgement_reason = forms.CharField(
        label=_("Alasan tertulis"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
