"""Forms of the staff case pages. Validation of vocabulary lives here; rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.accounts.models import Role, User
from naungan.core.widgets import DateInput, DateTimeInput

from .classification import QUESTION_KEYS
from .models import (
    Abduction,
    CaseStatus,
    Channel,
    ClosureReason,
    HarmfulPractice,
    NoteKind,
    Place,
    Relationship,
    Sex,
    TpksType,
    Triage,
    ViolenceType,
)

BLANK: list[tuple[str, Any]] = [("", "—")]

# The six GBVIMS questions, asked in this order (DESIGN §7b).
QUESTION_TEXT = {
    "penetration": _(
        "Apakah terjadi penetrasi, sekecil apa pun, ke vagina, anus atau mulut dengan bagian "
        "tubuh, atau ke vagina atau anus dengan benda?"
    ),
    "sexual_contact": _(
        "Apakah terjadi kontak seksual yang tidak diinginkan (termasuk percobaan perkosaan dan "
        "sunat perempuan)?"
    ),
    "physical_assault": _("Apakah terjadi kekerasan fisik yang bukan seksual?"),
    "forced_marriage": _("Apakah ini perkawinan paksa (termasuk setiap perkawinan di bawah 18)?"),
    "denial_of_resources": _(
        "Apakah penyintas ditolak haknya atas sumber daya, kesempatan atau layanan (warisan, "
        "penghasilan, sekolah, kesehatan, kontrasepsi) — bukan kemiskinan umum?"
    ),
    "psychological_abuse": _(
        "Apakah terjadi kekerasan psikis: ancaman, intimidasi, penghinaan, pengucilan, "
        "penguntitan, ucapan, isyarat atau pesan seksual tanpa kontak?"
    ),
}
YES_NO = [("yes", _("Ya")), ("no", _("Tidak"))]


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=BLANK + CaseStatus.choices, required=False
    )
    area = forms.CharField(label=_("Kode wilayah"), max_length=13, required=False)
    violence_type = forms.ChoiceField(
        label=_("Jenis kekerasan"), choices=BLANK + ViolenceType.choices, required=False
    )
    q = forms.CharField(label=_("Cari"), max_length=100, required=False)
    overdue = forms.BooleanField(label=_("Ada tugas terlambat"), required=False)


class PersonFieldsMixin(forms.Form):
    victim_name = forms.CharField(label=_("Nama korban"), max_length=200, required=False)
    victim_age = forms.IntegerField(
        label=_("Usia korban"), min_value=0, max_value=130, required=False
    )
    victim_sex = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=BLANK + Sex.choices, required=False
    )
    victim_nik = forms.CharField(label=_("NIK"), max_length=40, required=False)
    victim_phone = forms.CharField(label=_("Telepon"), max_length=40, required=False)
    victim_birth_date = forms.DateField(
        label=_("Tanggal lahir"),
        required=False,
        widget=DateInput(),
    )


class CaseCreateForm(PersonFieldsMixin):
    area_code = forms.CharField(label=_("Kode wilayah kejadian"), max_length=13)
    channel = forms.ChoiceField(label=_("Saluran"), choices=Channel.choices, initial="walk_in")
    received_at = forms.DateTimeField(
        label=_("Diterima pada"),
        required=False,
        help_text=_("Kosongkan untuk sekarang. Semua tenggat hukum dihitung dari waktu ini."),
        widget=DateTimeInput(),
    )
    violence_types = forms.MultipleChoiceField(
        label=_("Jenis kekerasan"),
        choices=ViolenceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    triage = forms.ChoiceField(label=_("Triase"), choices=BLANK + Triage.choices, required=False)
    description = forms.CharField(
        label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    perpetrator_relationship = forms.ChoiceField(
        label=_("Hubungan terduga pelaku"), choices=BLANK + Relationship.choices, required=False
    )
    perpetrator_age = forms.IntegerField(
        label=_("Usia terduga pelaku"), min_value=0, max_value=130, required=False
    )
    restricted = forms.BooleanField(
        label=_("Kasus terbatas (pihak adalah petugas, kerabat petugas atau tokoh publik)"),
        required=False,
    )
    link_person = forms.UUIDField(required=False, widget=forms.HiddenInput)


class IncidentForm(forms.Form):
    survivor = forms.ChoiceField(label=_("Penyintas"))
    occurred_on = forms.DateField(label=_("Tanggal kejadian"), required=False, widget=DateInput())
    occurred_on_approximate = forms.BooleanField(label=_("Tanggal perkiraan"), required=False)
    survivor_age = forms.IntegerField(
        label=_("Usia penyintas saat kejadian"), min_value=0, max_value=130, required=False
    )
    place = forms.ChoiceField(
        label=_("Tempat kejadian"), choices=BLANK + Place.choices, required=False
    )
    violence_types = forms.MultipleChoiceField(
        label=_("Jenis kekerasan (SIMFONI)"),
        choices=ViolenceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    perpetrator_relationship = forms.ChoiceField(
        label=_("Hubungan terduga pelaku"), choices=BLANK + Relationship.choices, required=False
    )
    perpetrator_age = forms.IntegerField(
        label=_("Usia terduga pelaku"), min_value=0, max_value=130, required=False
    )
    money_goods_exchanged = forms.BooleanField(
        label=_("Ada pertukaran uang, barang atau jasa"), required=False
    )
    abduction = forms.ChoiceField(label=_("Penculikan"), choices=Abduction.choices, initial="none")
    harmful_traditional_practice = forms.ChoiceField(
        label=_("Praktik tradisional berbahaya"), choices=HarmfulPractice.choices, initial="no"
    )
    tpks_type = forms.ChoiceField(
        label=_("Kategori UU TPKS"), choices=BLANK + TpksType.choices, required=False
    )
    reporting_consent = forms.BooleanField(
        label=_("Penyintas setuju dicatat dalam statistik"), required=False
    )
    reported_elsewhere = forms.BooleanField(
        label=_("Sudah dilaporkan ke lembaga pencatat lain"), required=False
    )
    narrative = forms.CharField(
        label=_("Kronologi"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args: Any, survivors: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survivor"].choices = survivors  # type: ignore[attr-defined]
        for key in QUESTION_KEYS:
            self.fields[f"q_{key}"] = forms.ChoiceField(
                label=QUESTION_TEXT[key], choices=YES_NO, widget=forms.RadioSelect, required=False
            )

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{key}"] for key in QUESTION_KEYS]

    def answers(self) -> dict[str, bool | None]:
        out: dict[str, bool | None] = {}
        for key in QUESTION_KEYS:
            value = self.cleaned_data.get(f"q_{key}")
            out[key] = {"yes": True, "no": False}.get(value or "")
        return out


class AssignForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Petugas"), queryset=User.objects.none())
    lead = forms.BooleanField(label=_("Jadikan pendamping utama"), required=False, initial=True)

    def __init__(self, *args: Any, case: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area = case.area
        covering = {area.code, area.district_code, area.regency_code, area.province_code} - {""}
        self.fields["user"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            is_active=True,
            role__in=[Role.CASEWORKER, Role.SUPERVISOR],
            area__code__in=covering,
        ).order_by("username")


class TransitionForm(forms.Form):
    to = forms.ChoiceField(choices=CaseStatus.choices)
    reason = forms.CharField(label=_("Catatan"), required=False, max_length=2000)


class ClosureForm(forms.Form):
    reason = forms.ChoiceField(label=_("Alasan penutupan"), choices=ClosureReason.choices)
    summary = forms.CharField(
        label=_("Ringkasan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class DecideForm(forms.Form):
    approve = forms.ChoiceField(choices=[("yes", _("Setujui")), ("no", _("Tolak"))])
    note = forms.CharField(label=_("Catatan keputusan"), required=False, max_length=2000)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=2000)


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis catatan"), choices=NoteKind.choices)
    body = forms.CharField(label=_("Isi"), widget=forms.Textarea(attrs={"rows": 3}))


class CaseMessageForm(forms.Form):
    """An answer to the reporter; the length rule is the thread's (``report_message_text``)."""

    body = forms.CharField(
        label=_("Balasan kepada pelapor"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pelapor melihat balasan dari “Petugas”, tanpa nama Anda."),
    )
    back = forms.ChoiceField(
        choices=[("case", "case"), ("report", "report")],
        required=False,
        initial="case",
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The case page also has the note form's ``body``: ids must stay unique.
        kwargs.setdefault("auto_id", "reply_%s")
        super().__init__(*args, **kwargs)
