"""HTML forms of trainings, mapped into the same service input as the API (the services hold
the rules and their words)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.widgets import DateInput
from naungan.core.words import person_name

from ..models import Competency, Participant
from ..services import CompetencyIn, ResultIn, TrainingIn


class PeopleField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Staff and activists by name and unit, never by username."""

    def label_from_instance(self, obj: Any) -> str:
        unit = obj.organisation.name if obj.organisation else ""
        return f"{person_name(obj)} — {unit}" if unit else person_name(obj)


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Judul pelatihan"), max_length=200)
    organiser: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Penyelenggara"),
        queryset=None,  # type: ignore[arg-type]
    )
    starts_on = forms.DateField(label=_("Tanggal mulai"), widget=DateInput())
    ends_on = forms.DateField(label=_("Tanggal selesai"), widget=DateInput())
    place = forms.CharField(label=_("Tempat"), max_length=200)
    resource_organisations: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Lembaga narasumber"),
        queryset=None,  # type: ignore[arg-type]
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Mitra yang tercatat di direktori (LPSK, Bikksa, Posbakum Aisyiyah …)."),
    )
    resource_persons = forms.CharField(
        label=_("Narasumber lain"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Satu per baris, misalnya Densus 88 atau psikolog dari luar direktori."),
    )
    competencies = forms.MultipleChoiceField(
        label=_("Kompetensi yang diberikan"),
        choices=Competency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    validity_months = forms.IntegerField(
        label=_("Masa berlaku kompetensi (bulan)"),
        required=False,
        help_text=_("Kosongkan bila kompetensi tidak berakhir."),
        widget=forms.NumberInput(attrs={"min": 1, "max": 120}),
    )
    pass_mark = forms.IntegerField(
        label=_("Nilai lulus post-test"),
        required=False,
        help_text=_("0–100. Kosongkan bila kelulusan cukup dengan kehadiran."),
        widget=forms.NumberInput(attrs={"min": 0, "max": 100}),
    )
    participants = PeopleField(
        label=_("Pilih peserta"),
        queryset=None,  # type: ignore[arg-type]
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Staf UPTD PPA dan aktivis PPATBM di wilayah penyelenggara."),
    )
    description = forms.CharField(
        label=_("Uraian"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, organisers: Any, resources: Any, people: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.fields["organiser"].queryset = organisers  # type: ignore[attr-defined]
        self.fields["resource_organisations"].queryset = resources  # type: ignore[attr-defined]
        self.fields["participants"].queryset = people  # type: ignore[attr-defined]

    def to_input(self) -> TrainingIn:
        d = self.cleaned_data
        return TrainingIn(
            title=d["title"],
            organiser=d["organiser"],
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            place=d["place"],
            description=d["description"],
            resource_organisations=list(d["resource_organisations"]),
            resource_persons=d["resource_persons"],
            pass_mark=d["pass_mark"],
            competencies=[CompetencyIn(c, d["validity_months"]) for c in d["competencies"]],
            participants=list(d["participants"]),
        )

    def clean_pass_mark(self) -> int | None:
        value: int | None = self.cleaned_data["pass_mark"]
        if value is not None and not 0 <= value <= 100:
            raise forms.ValidationError(_("Nilai lulus harus antara 0 dan 100."))
        return value


class ParticipantsForm(forms.Form):
    participants = PeopleField(
        label=_("Tambah peserta"),
        queryset=None,  # type: ignore[arg-type]
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args: Any, people: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.fields["participants"].queryset = people  # type: ignore[attr-defined]


class ResultsForm(forms.Form):
    """One row per participant: attended, pre-test, post-test (fields ``attended_<id>``,
    ``pre_<id>``, ``post_<id>``). The range 0–100 is the service's rule (its message names the
    person and the field)."""

    def __init__(self, *args: Any, participants: list[Participant], **kw: Any):
        super().__init__(*args, **kw)
        self.participants = participants
        for p in participants:
            key = p.public_id
            who = person_name(p.user)
            self.fields[f"attended_{key}"] = forms.BooleanField(
                label=_("%s hadir") % who, required=False, initial=p.attended
            )
            self.fields[f"pre_{key}"] = forms.IntegerField(
                label=_("Nilai pre-test %s") % who,
                required=False,
                initial=p.pre_score,
                widget=forms.NumberInput(attrs={"min": 0, "max": 100}),
            )
            self.fields[f"post_{key}"] = forms.IntegerField(
                label=_("Nilai post-test %s") % who,
                required=False,
                initial=p.post_score,
                widget=forms.NumberInput(attrs={"min": 0, "max": 100}),
            )

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "participant": p,
                "attended": self[f"attended_{p.public_id}"],
                "pre": self[f"pre_{p.public_id}"],
                "post": self[f"post_{p.public_id}"],
            }
            for p in self.participants
        ]

    def to_results(self) -> list[ResultIn]:
        d = self.cleaned_data
        return [
            ResultIn(
                participant=p,
                attended=bool(d.get(f"attended_{p.public_id}")),
                pre_score=d.get(f"pre_{p.public_id}"),
                post_score=d.get(f"post_{p.public_id}"),
            )
            for p in self.participants
        ]
