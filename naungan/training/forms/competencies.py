"""HTML forms of competencies: a direct record, the expiry view's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.forms import PersonChoiceField
from naungan.core.widgets import DateInput

from ..models import Competency


class GrantForm(forms.Form):
    user = PersonChoiceField(label=_("Staf atau aktivis"), queryset=None)  # type: ignore[arg-type]
    competency = forms.ChoiceField(label=_("Kompetensi"), choices=Competency.choices)
    granted_on = forms.DateField(label=_("Tanggal diperoleh"), widget=DateInput())
    expires_on = forms.DateField(
        label=_("Berlaku sampai"),
        required=False,
        widget=DateInput(),
        help_text=_("Kosongkan bila kompetensi tidak berakhir."),
    )
    note = forms.CharField(
        label=_("Keterangan"),
        max_length=300,
        required=False,
        help_text=_("Misalnya pelatihan di luar Naungan dan penyelenggaranya."),
    )

    def __init__(self, *args: Any, people: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.fields["user"].queryset = people  # type: ignore[attr-defined]


class ExpiryFilterForm(forms.Form):
    days = forms.IntegerField(
        label=_("Berakhir dalam (hari)"),
        required=False,
        min_value=0,
        max_value=3650,
        widget=forms.NumberInput(attrs={"min": 0, "max": 3650}),
    )
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=None,  # type: ignore[arg-type]
        required=False,
        to_field_name="slug",
    )

    def __init__(self, *args: Any, organisations: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
