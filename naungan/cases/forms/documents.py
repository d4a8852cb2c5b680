"""Uploading a document to a case."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import DocumentKind


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis dokumen"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Judul"), max_length=200, required=False)
    file = forms.FileField(label=_("Berkas"))
