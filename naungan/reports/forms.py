"""HTML forms: the public report form (works without JavaScript) and the staff forms.
The report forms only convert types into ``services.ReportInput``: the field rules (lengths,
age, who must give a name…) live in ``services.report_validate``, shared with the API, so both
give the same messages. The ``maxlength``/``min``/``max`` attributes only help the browser."""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any, Self

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.areas.models import Area, AreaLevel
from naungan.core.widgets import DateInput, DateTimeInput
from naungan.core.words import EMPTY_CHOICE_LABEL

from . import conf
from .attachments import ACCEPT
from .models import (
    STAFF_CHANNELS,
    Channel,
    HotlineMedium,
    ReporterRelation,
    ReportKind,
    Sex,
    TriageLevel,
    ViolenceType,
)
from .services import (
    ReportInput,
    triage_checklist_items,
    triage_suggestion,
    triage_suggestion_with_reported,
)

SENSITIVE = {"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}


@cache
def _region_choices(region: str) -> tuple[list[tuple[str, str]], list[tuple[str, Any]]]:
    """Kecamatan of the public region, and kelurahan grouped by kecamatan (cached: areas do
    not change at run time)."""
    root = Area.objects.filter(code=region).first()
    if root is None:
        return [], []
    inside = Area.objects.filter(root.contains_q()).only("code", "name", "level", "district_code")
    districts = list(inside.filter(level=AreaLevel.DISTRICT).order_by("name"))
    villages = list(inside.filter(level=AreaLevel.VILLAGE).order_by("name"))
    district_choices = [(d.code, d.name) for d in districts]
    grouped = [
        (d.name, [(v.code, v.name) for v in villages if v.district_code == d.code])
        for d in districts
    ]
    return district_choices, grouped


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Collects the chosen files; the rules (count, size, type by content) live in
    ``attachments.attachments_prepare``, called by ``services.report_submit``."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        return list(data) if isinstance(data, (list, tuple)) else [data]


class KeptForm(forms.Form):
    """A form that a language switch shows again with what was typed (see ``kept``)."""

    @classmethod
    def kept(cls, data: QueryDict, **kwargs: Any) -> Self:
        """The form again, unbound, showing what ``data`` holds: the language switch re-renders
        a page in the other language with it. Nothing is checked, so no error shows. A value of
        the form's own (the public form's submission key) stays unless ``data`` has one, so
        that the form still stores one report. Files are not kept (a browser never fills a
        file input again)."""
        form = cls(**kwargs)
        typed = {
            name: field.widget.value_from_datadict(data, {}, form.add_prefix(name))
            for name, field in form.fields.items()
            if not isinstance(field, forms.FileField)
        }
        form.initial.update({k: v for k, v in typed.items() if v or k not in form.initial})
        return form


class PublicReportForm(KeptForm):
    kind = forms.ChoiceField(
        label=_("Apa yang ingin Anda lakukan?"),
        choices=[
            (ReportKind.COMPLAINT, _("Melaporkan kekerasan (pengaduan)")),
            (ReportKind.CURHAT, _("Curhat: bercerita kepada petugas, tanpa pengaduan resmi")),
        ],
        initial=ReportKind.COMPLAINT,
        widget=forms.RadioSelect,
    )
    reporter_relation = forms.ChoiceField(
        label=_("Anda adalah"),
        choices=ReporterRelation.choices,
        initial=ReporterRelation.VICTIM,
        widget=forms.RadioSelect,
    )
    anonymous = forms.TypedChoiceField(
        label=_("Identitas Anda"),
        choices=[("1", _("Anonim (tanpa nama)")), ("0", _("Cantumkan nama dan nomor"))],
        coerce=lambda v: v == "1",
        initial="1",
        widget=forms.RadioSelect,
    )
    reporter_name = forms.CharField(
        label=_("Nama Anda"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": conf.SHORT_TEXT_MAX}),
    )
    reporter_phone = forms.CharField(
        label=_("Nomor telepon / WhatsApp"),
        required=False,
        widget=forms.TextInput(attrs={**SENSITIVE, "inputmode": "tel", "maxlength": 40}),
    )
    message_only = forms.BooleanField(
        label=_("Hubungi saya hanya lewat pesan, jangan ditelepon"), required=False
    )
    victim_age = forms.IntegerField(
        label=_("Usia korban (tahun)"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 120}),
    )
    victim_sex = forms.ChoiceField(
        label=_("Jenis kelamin korban"),
        choices=[("", _("Tidak tahu / tidak ingin menyebut")), *Sex.choices],
        required=False,
    )
    violence_types = forms.MultipleChoiceField(
        label=_("Jenis kekerasan"),
        choices=ViolenceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Required by report_validate, not by the form (one rule set): aria-required says so here.
    description = forms.CharField(
        label=_("Ceritakan apa yang terjadi"),
        widget=forms.Textarea(attrs={**SENSITIVE, "rows": 6, "aria-required": "true"}),
        required=False,
    )
    incident_date = forms.DateField(
        label=_("Tanggal kejadian (jika tahu)"),
        required=False,
        widget=DateInput(attrs=SENSITIVE),
    )
    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False)
    kelurahan = forms.ChoiceField(label=_("Kelurahan"), required=False)
    location_detail = forms.CharField(
        label=_("Detail lokasi (jalan, RT/RW, patokan)"),
        required=False,
        widget=forms.TextInput(attrs={**SENSITIVE, "maxlength": conf.LONG_TEXT_MAX}),
    )
    attachments = AttachmentsField(
        label=_("Lampiran: foto, rekaman suara atau PDF"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    submission = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "attachments" in self.fields:
            if conf.attachment_max_files() <= 0:
                del self.fields["attachments"]
            else:
                self.fields["attachments"].help_text = gettext(
                    "Boleh dikosongkan. Paling banyak %(n)d file, masing-masing paling besar "
                    "%(max)s: foto (JPEG, PNG, WebP), rekaman suara (MP3, M4A, OGG, AMR, WAV) "
                    "atau PDF. Data lokasi (GPS) dan data lain di dalam foto dihapus; rekaman "
                    "dan PDF disimpan apa adanya. Hanya petugas yang dapat membukanya."
                ) % {
                    "n": conf.attachment_max_files(),
                    "max": filesizeformat(conf.attachment_max_bytes()),
                }
        districts, villages = _region_choices(conf.public_region())
        unknown = ("", _("Tidak tahu / di luar daftar"))
        self.fields["kecamatan"].choices = [unknown, *districts]  # type: ignore[attr-defined]
        self.fields["kelurahan"].choices = [unknown, *villages]  # type: ignore[attr-defined]
        self.fields["reporter_name"].widget.attrs.update(SENSITIVE)
        if not self.is_bound:
            self.initial["submission"] = uuid.uuid4().hex

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kec, kel = data.get("kecamatan"), data.get("kelurahan")
        if kec and kel and not kel.startswith(kec + "."):
            self.add_error("kelurahan", _("Kelurahan ini tidak berada di kecamatan yang dipilih."))
        return data

    def attachment_files(self) -> list[Any]:
        """The chosen attachments (empty when none or when the field is off)."""
        return list(self.cleaned_data.get("attachments") or [])

    def to_input(self) -> ReportInput:
        d = self.cleaned_data
        return ReportInput(
            kind=d["kind"],
            reporter_relation=d["reporter_relation"],
            anonymous=d["anonymous"],
            reporter_name=d["reporter_name"],
            reporter_phone=d["reporter_phone"],
            message_only=d["message_only"],
            victim_age=d["victim_age"],
            victim_sex=d["victim_sex"],
            violence_types=list(d["violence_types"]),
            description=d["description"],
            incident_date=d["incident_date"],
            area_code=d.get("kelurahan") or d.get("kecamatan") or None,
            location_detail=d["location_detail"],
        )

    def add_service_errors(self, exc: ValidationError) -> None:
        for name, messages in exc.message_dict.items():
            target = {"area_code": "kelurahan"}.get(name, name)
            self.add_error(target if target in self.fields else None, messages)


# The staff form speaks about the reporter, not to her.
STAFF_LABELS = {
    "kind": _("Jenis laporan"),
    "reporter_relation": _("Pelapor adalah"),
    "anonymous": _("Identitas pelapor"),
    "reporter_name": _("Nama pelapor"),
    "reporter_phone": _("Nomor telepon / WhatsApp pelapor"),
    "message_only": _("Pelapor minta dihubungi hanya lewat pesan, jangan ditelepon"),
    "description": _("Apa yang diceritakan pelapor"),
}
STAFF_CHOICES = {
    "kind": [
        (ReportKind.COMPLAINT, _("Pengaduan kekerasan")),
        (ReportKind.CURHAT, _("Curhat: pelapor bercerita, tanpa pengaduan resmi")),
    ],
    "anonymous": [
        ("1", _("Anonim (pelapor tidak menyebut nama)")),
        ("0", _("Dengan nama dan nomor pelapor")),
    ],
}


EMPTY_CONSENT = EMPTY_CHOICE_LABEL


class StaffReportForm(PublicReportForm):
    """A report taken by intake, a supervisor or an activist (``actor``). The channel is chosen
    by the desk (hotline by default); an activist's report is always channel ``activist``, so
    their form offers no other (a posted one is ignored, and ``report_submit`` enforces it)."""

    # How the report came first, then the reporter, the victim, what happened, where.
    field_order = [
        "channel",
        "medium",
        "source_reference",
        "received_at",
        "kind",
        "reporter_relation",
        "anonymous",
        "reporter_name",
        "reporter_phone",
        "message_only",
        "victim_name",
        "victim_age",
        "victim_sex",
        "violence_types",
        "description",
        "reported_checklist",
        "incident_date",
        "kecamatan",
        "kelurahan",
        "area_code",
        "location_detail",
    ]
    attachments = None  # type: ignore[assignment]  # public form only (for now)
    channel = forms.ChoiceField(
        label=_("Saluran"),
        choices=[(c, Channel(c).label) for c in STAFF_CHANNELS],
        initial=Channel.HOTLINE,
    )
    medium = forms.ChoiceField(
        label=_("Media (hotline)"),
        choices=[("", "—"), *HotlineMedium.choices],
        required=False,
    )
    source_reference = forms.CharField(
        label=_("Nomor rujukan pengirim"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 100}),
    )
    received_at = forms.DateTimeField(
        label=_("Diterima pada"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Kosongkan bila baru saja diterima."),
    )
    victim_name = forms.CharField(
        label=_("Nama korban"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": conf.SHORT_TEXT_MAX}),
    )
    area_code = forms.CharField(
        label=_("Kode wilayah lain"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 13}),
        help_text=_("Untuk wilayah di luar daftar, mis. 64.72.01."),
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in STAFF_LABELS.items():
            self.fields[name].label = label
        for name, choices in STAFF_CHOICES.items():
            self.fields[name].choices = choices  # type: ignore[attr-defined]
        if user_in(actor, ACTIVISTS):
            channel = self.fields["channel"]
            channel.choices = [(Channel.ACTIVIST, Channel.ACTIVIST.label)]  # type: ignore[attr-defined]
            channel.initial = Channel.ACTIVIST
            channel.disabled = True
            channel.help_text = _("Laporan aktivis selalu tercatat lewat saluran ini.")
            del self.fields["medium"]  # hotline only
            del self.fields["source_reference"]  # referrals from other bodies only
            # Whether the victim agreed to the report (CONTRACT §4 ``victim_consent``).
            self.fields["victim_consent"] = forms.TypedChoiceField(
                label=_("Apakah korban setuju kasusnya dilaporkan?"),
                choices=[
                    ("", EMPTY_CONSENT),
                    ("1", _("Ya, korban setuju")),
                    ("0", _("Tidak / belum ditanyakan")),
                ],
                coerce=lambda v: v == "1",
                empty_value=None,
                required=False,
                help_text=_(
                    "Kekerasan terhadap perempuan atau anak tetap dilaporkan ke UPTD PPA; "
                    "petugas akan menghubungi korban dengan hati-hati."
                ),
            )
            # The quick triage checklist as the activist knows it (DESIGN §8): the desk sees
            # it ticked, and the queue puts a suggested emergency first.
            checklist = triage_checklist_items()
            self.fields["reported_checklist"] = forms.MultipleChoiceField(
                label=_("Tanda bahaya yang Anda ketahui"),
                choices=checklist.items,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_(
                    "Centang yang benar terjadi atau Anda ketahui. Petugas UPTD PPA memeriksanya "
                    "lagi dan menentukan tingkat triase."
                ),
            )
            self.order_fields(self.field_order)

    def to_input(self) -> ReportInput:
        data = super().to_input()
        d = self.cleaned_data
        data.area_code = d.get("area_code") or data.area_code
        data.channel = d["channel"]
        data.medium = d.get("medium", "")
        data.source_reference = d.get("source_reference", "")
        data.received_at = d["received_at"]
        data.victim_name = d["victim_name"]
        data.victim_consent = d.get("victim_consent")
        data.reported_checklist = list(d.get("reported_checklist") or [])
        return data


class StatusForm(KeptForm):
    tracking_code = forms.CharField(
        label=_("Kode laporan"), max_length=20, widget=forms.TextInput(attrs=SENSITIVE)
    )
    pin = forms.CharField(
        label=_("PIN"),
        max_length=12,
        widget=forms.PasswordInput(attrs={**SENSITIVE, "inputmode": "numeric"}, render_value=True),
    )


class ReporterMessageForm(KeptForm):
    body = forms.CharField(
        label=_("Pesan Anda"),
        max_length=conf.MESSAGE_MAX,
        widget=forms.Textarea(attrs={**SENSITIVE, "rows": 3}),
    )


class TriageForm(forms.Form):
    """The quick checklist, the level and the reason. The checklist's suggestion (DESIGN §8)
    is the service's (``triage_suggest``); the form's ``data-*`` attributes only let
    ``static/js/triage.js`` show it while the boxes are ticked."""

    checklist = forms.MultipleChoiceField(
        label=_("Daftar periksa cepat"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    level = forms.ChoiceField(label=_("Tingkat triase"), choices=TriageLevel.choices)
    reason = forms.CharField(
        label=_("Alasan"),
        help_text=_(
            "Wajib bila tingkat yang dipilih di bawah saran daftar periksa, atau bila "
            "menurunkan tingkat (hanya supervisor)."
        ),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, reported: list[str] | None = None, **kwargs: Any) -> None:
        # The report page holds other forms with a "reason": ids of their own.
        kwargs.setdefault("auto_id", "triage_%s")
        super().__init__(*args, **kwargs)
        # The questions and their mapping are the active version of the triage instrument.
        checklist = triage_checklist_items()
        self.fields["checklist"].choices = checklist.items  # type: ignore[attr-defined]
        self.checklist_version = checklist.version
        self.instrument = checklist  # the active triage checklist, read once
        texts = dict(checklist.items)
        # The items an activist ticked in the field (shown apart, and a floor for the script).
        self.reported = [(key, texts[key]) for key in reported or [] if key in texts]
        self.floor = triage_suggestion([key for key, _text in self.reported], checklist)[0]
        self.hint = _checklist_hint(checklist)
        # The mapping, for the script (space-separated item keys per level).
        self.emergency_items = " ".join(
            k for k, level in checklist.levels.items() if level == TriageLevel.EMERGENCY
        )
        self.high_items = " ".join(
            k for k, level in checklist.levels.items() if level == TriageLevel.HIGH
        )

    def suggestion(self) -> str:
        """The level the ticked items and the field's answers suggest together (the service's
        rule, ``triage_suggestion_with_reported``); "" for none."""
        reported = [key for key, _text in self.reported]
        return triage_suggestion_with_reported(self.ticked(), reported, self.instrument)[0]

    def ticked(self) -> list[str]:
        """The items ticked: the submitted ones on a bound form, else the initial ones."""
        if not self.is_bound:
            return [str(c) for c in self.initial.get("checklist") or []]
        name = self.add_prefix("checklist")
        values = self.data.getlist(name) if hasattr(self.data, "getlist") else self.data.get(name)
        return [str(c) for c in values or []]


def _item_numbers(numbers: list[int]) -> str:
    """``[1, 2, 3, 4, 7]`` as "1–4, 7": the items' numbers as they are shown on the form."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def _checklist_hint(checklist: Any) -> str:
    """What the ticked items suggest, from the active instrument (never a fixed text)."""
    numbers: dict[str, list[int]] = {}
    for n, (key, _text) in enumerate(checklist.items, start=1):
        numbers.setdefault(checklist.levels.get(key, ""), []).append(n)
    parts = [
        {"items": _item_numbers(numbers[level]), "level": TriageLevel(level).label.lower()}
        for level in (TriageLevel.EMERGENCY, TriageLevel.HIGH, TriageLevel.MEDIUM)
        if numbers.get(level)
    ]
    if not parts:
        return ""
    first = _("Jawaban “ya” pada butir %(items)s menyarankan %(level)s") % parts[0]
    rest = [_("pada butir %(items)s menyarankan %(level)s") % p for p in parts[1:]]
    return "; ".join([first, *rest]) + "."


class StaffMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Balasan kepada pelapor"),
        max_length=conf.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OutcomeForm(forms.Form):
    # Not "action": the page's hidden "action" field picks the form, and a second field of that
    # name would win (the last value of a repeated name is the one read), making every close
    # and hand-over a 404.
    outcome = forms.ChoiceField(
        label=_("Tindakan"),
        choices=[("close", _("Tutup laporan")), ("hand_over", _("Limpahkan ke lembaga lain"))],
    )
    reason = forms.CharField(
        label=_("Alasan / lembaga penerima"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CurhatForm(forms.Form):
    reporter_agreed = forms.BooleanField(label=_("Pelapor setuju"), required=False)
    danger_reason = forms.CharField(
        label=_("Alasan bahaya mendesak (supervisor, tanpa persetujuan)"),
        required=False,
        max_length=500,
    )
