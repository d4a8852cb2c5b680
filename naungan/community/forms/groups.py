"""Managing a PPATBM group: its profile, members and partners (supervisors of its area)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.forms import PersonChoiceField
from naungan.core.widgets import DateInput

from ..models import GroupRole, PartnerKind
from ..services import MemberIn


class ProfileForm(forms.Form):
    rt_total = forms.IntegerField(label=_("Jumlah RT di kelurahan"), min_value=0, max_value=999)
    contact_name = forms.CharField(label=_("Nama narahubung"), max_length=120, required=False)
    contact_phone = forms.CharField(label=_("Telepon narahubung"), max_length=40, required=False)


class MemberForm(forms.Form):
    user = PersonChoiceField(label=_("Aktivis"), queryset=None)
    role = forms.ChoiceField(
        label=_("Jabatan"), choices=GroupRole.choices, initial=GroupRole.MEMBER
    )
    rw = forms.CharField(label=_("RW"), max_length=3, required=False)
    rts = forms.CharField(
        label=_("RT yang dicakup"),
        max_length=400,
        required=False,
        help_text=_("Pisahkan dengan koma, mis. 1, 2, 5."),
    )
    joined_on = forms.DateField(label=_("Bergabung"), required=False, widget=DateInput())

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates  # type: ignore[attr-defined]

    def to_input(self) -> MemberIn:
        d = self.cleaned_data
        rts = [p.strip() for p in (d["rts"] or "").replace(";", ",").split(",") if p.strip()]
        return MemberIn(
            user=d["user"], role=d["role"], rw=d["rw"], rts=rts, joined_on=d["joined_on"]
        )


class MemberEndForm(forms.Form):
    left_on = forms.DateField(label=_("Keluar"), required=False, widget=DateInput())


class PartnerForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis mitra"), choices=PartnerKind.choices)
    name = forms.CharField(label=_("Nama mitra"), max_length=200)
    contact = forms.CharField(label=_("Kontak"), max_length=200, required=False)
    since = forms.DateField(label=_("Bermitra sejak"), required=False, widget=DateInput())
