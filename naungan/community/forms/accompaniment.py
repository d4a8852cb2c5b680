"""Naming an activist companion on a case (the brief) and the activist's log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.forms import PersonChoiceField
from naungan.core.widgets import DateInput

from ..models import BriefStatus
from ..services import LogInput


class BriefForm(forms.Form):
    activist = PersonChoiceField(label=_("Aktivis pendamping"), queryset=None)
    brief = forms.CharField(
        label=_("Ringkasan untuk aktivis"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_(
            "Hanya ini yang dilihat aktivis dari kasus ini: tulis sebatas yang perlu ia ketahui "
            "untuk mendampingi."
        ),
    )
    task = forms.CharField(
        label=_("Tugas"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        help_text=_("Mis. menemani korban ke Polres pada hari Senin."),
    )
    due_on = forms.DateField(label=_("Batas waktu"), required=False, widget=DateInput())

    def __init__(self, *args: Any, activists: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activist"].queryset = activists  # type: ignore[attr-defined]


class BriefCloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Tandai"),
        choices=[
            (BriefStatus.DONE, _("Selesai")),
            (BriefStatus.WITHDRAWN, _("Tarik (aktivis tidak lagi melihat ringkasan)")),
        ],
    )


class LogForm(forms.Form):
    done_on = forms.DateField(label=_("Tanggal"), widget=DateInput())
    place = forms.CharField(label=_("Di mana"), max_length=4000)
    with_whom = forms.CharField(label=_("Bersama siapa"), max_length=4000, required=False)
    what_happened = forms.CharField(
        label=_("Apa yang terjadi"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )

    def to_input(self) -> LogInput:
        d = self.cleaned_data
        return LogInput(
            done_on=d["done_on"],
            place=d["place"],
            with_whom=d["with_whom"],
            what_happened=d["what_happened"],
        )
