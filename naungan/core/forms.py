"""Form fields shared by the apps, and the forms of core's own pages (the audit log)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import AuditAction
from .selectors import AuditFilters
from .widgets import DateInput
from .words import person_name


def _action_choices() -> list[tuple[str, Any]]:
    return [("", _("Semua tindakan")), *((v, capfirst(label)) for v, label in AuditAction.choices)]


class AuditFilterForm(forms.Form):
    """The audit log's filters, kept in the URL: an action chosen by its word, free text over
    the words the table shows, and a date range."""

    action = forms.ChoiceField(label=_("Tindakan"), required=False, choices=_action_choices)
    q = forms.CharField(label=_("Cari"), max_length=100, required=False)
    date_from = forms.DateField(label=_("Dari tanggal"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Sampai tanggal"), required=False, widget=DateInput())

    def filters(self) -> AuditFilters:
        """The valid filters; a field with an error (shown beside it) filters nothing."""
        if not self.is_bound:
            return AuditFilters()
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return AuditFilters(
            action=data.get("action") or "",
            q=(data.get("q") or "").strip(),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of staff members, each shown by name (``words.person_name``), not username."""

    def label_from_instance(self, obj: Any) -> str:
        return person_name(obj)
