"""Naming an activist companion on a case (the brief) and the activist's log."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from naungan.core.forms import PersonChoiceField
from naungan.core.widgets import DateInput

from ..models import BriefStatus
from ..services import LogInput


class BriefForm(forms.Form):
    activist = PersonChoiceField(label=_("Aktivis pendamping"), queryset=None)
    brief = forms.CharField(
        label=_("Ringkasan untuk aktivis"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_(
            "Hanya ini yang dilihat aktivis dari kasus ini: tulis sebatas yang perlu ia ketahui "
            "untuk mendampingi."
        ),
    )
    task = forms.CharField(
        label=_("Tugas"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        help_text=_("Mis. menemani korban ke Polres pada hari Senin."),
    )
    due_on = forms.DateField(label=_("Batas waktu"), required=False, widget=DateInput())

    def __init__(self, *args: Any, activists: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activist"].queryset = activists  # type: ignore[attr-defined]


class BriefCloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Tandai"),
        choices=[
            (BriefStatus.DONE, _("Selesai")),
            (BriefStatus.WITHDRAWN, _("Tarik (aktivis tidak lagi melihat ringkasan)")),
        ],
    )


class LogForm(forms.Form):
    done_on = forms.DateField(label=_("Tanggal"), widget=DateInput())
    place = forms.CharField(label=_("Di mana"), max_length=4000)
    with_whom = forms.CharField(label=_("Bersama siapa"), max_length=4000, required=False)
    what_happened = forms.CharField(
        label=_("Apa yang terjadi"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    finished = forms.BooleanField(
        label=_("Pendampingan ini sudah selesai"),
        required=False,
        help_text=_("Centang bila tugas ini tuntas: tugas ditutup dan tidak ada catatan lagi."),
    )

    def to_input(self) -> LogInput:
        d = self.cleaned_data
        return LogInput(
            done_on=d["done_on"],
            place=d["place"],
            with_whom=d["with_whom"],
            what_happened=d["what_happened"],
            finished=bool(d.get("finished")),
        )


class KeyedLogForm(LogForm):
    """The log form of a page, with a hidden submission key (a UUID made when the page was
    drawn): the idempotency key of the log, so a form sent twice stores once."""

    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submission"].initial = uuid.uuid4()

    def key(self) -> uuid.UUID:
        """The submission key (a form posted without one gets a key of its own)."""
        return self.cleaned_data.get("submission") or uuid.uuid4()


def brief_ref(brief: Any) -> str:
    """A short reference of a brief ("#3F2A"), shown on the brief page and the home list, so
    the activist finds it again in the offline form, which names no content."""
    return "#" + brief.public_id.hex[:4].upper()


def brief_label(brief: Any) -> str:
    """A brief named without its content (the offline log form is kept on the phone, which
    holds no case data): its reference, when it was given and its due date."""
    text = _("Pendampingan %(ref)s, ditunjuk %(when)s") % {
        "ref": brief_ref(brief),
        "when": date_format(timezone.localtime(brief.created_at).date()),
    }
    if brief.due_on:
        text += " · " + _("batas waktu %(due)s") % {"due": date_format(brief.due_on)}
    return str(text)


class OfflineLogForm(KeyedLogForm):
    """The accompaniment log form of the offline app: which accompaniment (the activist's
    open briefs, named without their content), then the log."""

    field_order = ["brief", "done_on", "place", "with_whom", "what_happened", "finished"]

    def __init__(self, *args: Any, briefs: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.briefs = {str(b.public_id): b for b in briefs}
        self.fields["brief"] = forms.ChoiceField(
            label=_("Tugas pendampingan"),
            choices=[("", "---------"), *((k, brief_label(b)) for k, b in self.briefs.items())],
        )
        self.order_fields(self.field_order)
