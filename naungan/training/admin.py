"""The administrator configures which competency a unit requires for which action."""

from __future__ import annotations

from django import forms
from django.contrib import admin

from .actions import ACTIONS
from .models import CompetencyRequirement


class RequirementForm(forms.ModelForm):
    action = forms.ChoiceField(choices=[(k, v) for k, v in ACTIONS.items()])

    class Meta:
        model = CompetencyRequirement
        fields = ["organisation", "action", "competency"]


@admin.register(CompetencyRequirement)
class CompetencyRequirementAdmin(admin.ModelAdmin):
    form = RequirementForm
    list_display = ["organisation", "action", "competency"]
    list_filter = ["competency"]
