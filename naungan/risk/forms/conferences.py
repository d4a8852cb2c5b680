"""The conference form (date, agencies present, outcome, a first action) and the action form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.models import Case
from naungan.cases.selectors import plan_organisations
from naungan.core.forms import PersonChoiceField
from naungan.core.widgets import DateInput
from naungan.orgs.models import Organisation

from ..services import ActionIn


def action_owners(case: Case) -> Any:
    """Who may own a conference action on the case: its caseworkers and its area's
    supervisors."""
    ids = [*case.co_workers.values_list("pk", flat=True)]
    if case.lead_id:
        ids.append(case.lead_id)
    supervisors = [
        u.pk
        for u in User.objects.filter(role__in=SUPERVISORS, is_active=True).select_related("area")
        if u.in_scope(case.area)
    ]
    return User.objects.filter(pk__in=ids + supervisors).order_by("first_name", "username")


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Tindakan yang disepakati"), max_length=2000)
    owner = PersonChoiceField(label=_("Penanggung jawab"), queryset=User.objects.none())
    due_on = forms.DateField(label=_("Tenggat"), widget=DateInput())

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = action_owners(case)

    def to_action(self) -> ActionIn:
        d = self.cleaned_data
        return ActionIn(description=d["description"], due_on=d["due_on"], owner=d["owner"])


class ConferenceForm(forms.Form):
    held_on = forms.DateField(label=_("Tanggal rapat"), widget=DateInput())
    agencies = forms.ModelMultipleChoiceField(
        label=_("Lembaga yang hadir"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    outcome = forms.CharField(
        label=_("Hasil rapat"), required=False, max_length=20000, widget=forms.Textarea({"rows": 4})
    )
    action_description = forms.CharField(
        label=_("Tindakan pertama (boleh kosong)"), required=False, max_length=2000
    )
    action_owner = PersonChoiceField(
        label=_("Penanggung jawab tindakan"), queryset=User.objects.none(), required=False
    )
    action_due_on = forms.DateField(label=_("Tenggat tindakan"), required=False, widget=DateInput())

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = self.fields["agencies"]
        assert isinstance(agencies, forms.ModelMultipleChoiceField)
        agencies.queryset = plan_organisations(case=case)
        owner = self.fields["action_owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = action_owners(case)

    def clean(self) -> dict[str, Any]:
        d = super().clean() or {}
        if d.get("action_description") and not d.get("action_due_on"):
            self.add_error("action_due_on", _("Tindakan perlu tenggat."))
        return d

    def actions(self) -> list[ActionIn]:
        d = self.cleaned_data
        if not d.get("action_description"):
            return []
        return [
            ActionIn(
                description=d["action_description"],
                due_on=d["action_due_on"],
                owner=d.get("action_owner"),
            )
        ]
