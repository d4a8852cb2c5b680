"""The intervention plan (goals, actions), its decision, and monitoring entries."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.accounts.models import User
from naungan.cases.models import Case
from naungan.cases.selectors import plan_organisations
from naungan.cases.services.plans import PlanActionIn
from naungan.core.forms import PersonChoiceField
from naungan.core.widgets import DateInput
from naungan.orgs.models import Organisation


class PlanForm(forms.Form):
    goals = forms.CharField(
        label=_("Tujuan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )
    made_with = forms.CharField(
        label=_("Disusun bersama"),
        required=False,
        max_length=200,
        help_text=_("Mis. klien dan walinya (bukan bila wali adalah terduga pelaku)."),
    )


class PlanActionForm(forms.Form):
    description = forms.CharField(label=_("Tindakan"), required=False, max_length=2000)
    service = forms.CharField(label=_("Layanan"), required=False, max_length=30)
    responsible_user = PersonChoiceField(
        label=_("Pendamping penanggung jawab"), queryset=User.objects.none(), required=False
    )
    responsible_org = forms.ModelChoiceField(
        label=_("Lembaga penanggung jawab"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    due_on = forms.DateField(label=_("Tenggat"), required=False, widget=DateInput())

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [*case.co_workers.values_list("pk", flat=True)]
        if case.lead_id:
            ids.append(case.lead_id)
        field = self.fields["responsible_user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(pk__in=ids).order_by("username")
        orgs = self.fields["responsible_org"]
        assert isinstance(orgs, forms.ModelChoiceField)
        orgs.queryset = plan_organisations(case=case)

    def to_action(self) -> PlanActionIn | None:
        data = self.cleaned_data
        if not data.get("description"):
            return None
        return PlanActionIn(
            description=data["description"],
            service=data.get("service") or "",
            responsible_user=data.get("responsible_user"),
            responsible_org=data.get("responsible_org"),
            due_on=data.get("due_on"),
        )


PlanActionFormSet = forms.formset_factory(PlanActionForm, extra=3, max_num=20)


class PlanDecideForm(forms.Form):
    approve = forms.ChoiceField(choices=[("yes", _("Setujui")), ("no", _("Tolak"))])
    reason = forms.CharField(
        label=_("Alasan (wajib bila ditolak)"), required=False, max_length=2000
    )


class MonitoringForm(forms.Form):
    reviewed_on = forms.DateField(label=_("Tanggal tinjauan"), widget=DateInput())
    summary = forms.CharField(
        label=_("Ringkasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20000
    )
    rights_reviewed = forms.BooleanField(label=_("Hak korban ditinjau"), required=False)
    risk_changed = forms.BooleanField(label=_("Risiko berubah"), required=False)
    next_review_on = forms.DateField(
        label=_("Tinjauan berikutnya"),
        required=False,
        help_text=_("Kosongkan untuk 30 hari setelah tinjauan."),
        widget=DateInput(),
    )
