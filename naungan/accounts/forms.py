"""Forms of the accounts pages."""

from __future__ import annotations

from django import forms

from .models import User


class PreferencesForm(forms.ModelForm):
    """What a user sets for themselves: the language of their pages and e-mails."""

    class Meta:
        model = User
        fields = ["language"]
        widgets = {"language": forms.RadioSelect}
