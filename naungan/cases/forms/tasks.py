"""Case notes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import (
    NoteKind,
)


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis catatan"), choices=NoteKind.choices)
    body = forms.CharField(label=_("Isi"), widget=forms.Textarea(attrs={"rows": 3}))
