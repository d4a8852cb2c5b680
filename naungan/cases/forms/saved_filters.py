"""Saving the case list's current filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SavedFilterForm(forms.Form):
    name = forms.CharField(label=_("Nama saringan"), max_length=80)
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=1000)
