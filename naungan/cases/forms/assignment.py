"""Assigning one case and many cases at once."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from naungan.accounts.models import User
from naungan.accounts.roles import ASSIGNABLE_ROLES
from naungan.core.forms import PersonChoiceField


class AssignForm(forms.Form):
    user = PersonChoiceField(label=_("Petugas"), queryset=User.objects.none())
    lead = forms.BooleanField(label=_("Jadikan pendamping utama"), required=False, initial=True)

    def __init__(self, *args: Any, case: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area = case.area
        covering = {area.code, area.district_code, area.regency_code, area.province_code} - {""}
        self.fields["user"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            is_active=True,
            role__in=ASSIGNABLE_ROLES,
            area__code__in=covering,
        ).order_by("username")


class BulkAssignForm(forms.Form):
    assignee = PersonChoiceField(label=_("Pendamping utama"), queryset=User.objects.none())
    cases = forms.MultipleChoiceField(label=_("Kasus"), choices=[], required=True)

    def __init__(
        self, *args: Any, workers: QuerySet[User], case_choices: list[tuple[str, str]], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.fields["assignee"].queryset = workers  # type: ignore[attr-defined]
        self.fields["cases"].choices = case_choices  # type: ignore[attr-defined]
