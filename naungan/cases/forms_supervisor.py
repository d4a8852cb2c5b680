"""Forms of the supervisor pages: transfers, bulk assignment, export, saved filters and
documents. Vocabulary checks only; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from naungan.accounts.models import User
from naungan.orgs.models import Organisation

from .models import DocumentKind


class TransferRequestForm(forms.Form):
    to_organisation = forms.ModelChoiceField(
        label=_("Dilimpahkan ke"), queryset=Organisation.objects.none()
    )
    reason = forms.CharField(
        label=_("Alasan pelimpahan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args: Any, destinations: QuerySet[Organisation], **kwargs: Any) -> None:
        # Its own ids: the case page also holds the closure form, which has a "reason" too.
        kwargs.setdefault("auto_id", "transfer_%s")
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = destinations  # type: ignore[attr-defined]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class BulkAssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Pendamping utama"), queryset=User.objects.none())
    cases = forms.MultipleChoiceField(label=_("Kasus"), choices=[], required=True)

    def __init__(
        self, *args: Any, workers: QuerySet[User], case_choices: list[tuple[str, str]], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.fields["assignee"].queryset = workers  # type: ignore[attr-defined]
        self.fields["cases"].choices = case_choices  # type: ignore[attr-defined]


class ExportForm(forms.Form):
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)
    fmt = forms.ChoiceField(
        label=_("Format"), choices=[("csv", "CSV"), ("xlsx", "Excel (XLSX)")], initial="xlsx"
    )
    include_identities = forms.BooleanField(
        label=_("Sertakan identitas korban (nama, NIK, telepon, alamat)"), required=False
    )
    reason = forms.CharField(
        label=_("Alasan ekspor"),
        required=False,
        max_length=500,
        help_text=_("Wajib bila identitas disertakan. Dicatat dalam jejak audit."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("include_identities") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Ekspor dengan identitas memerlukan alasan."))
        return data


class SavedFilterForm(forms.Form):
    name = forms.CharField(label=_("Nama saringan"), max_length=80)
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=1000)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis dokumen"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Judul"), max_length=200, required=False)
    file = forms.FileField(label=_("Berkas"))
