"""Forms of the referral pages: making a referral with its consent (two steps without
JavaScript: the service, then the provider), withdrawing it or its consent, and the provider's
answers. The rules themselves live in the services; these forms only read the input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import CaseParty
from naungan.orgs.models import EligibilityDocument, Organisation

from ..models import (
    AlternativeBasis,
    ConsentGiver,
    ConsentMethod,
    DataCategory,
    ReferralServiceType,
    ReferralStatus,
)
from ..services import ConsentIn

BLANK: list[tuple[str, Any]] = [("", "—")]

# What each data category lets the partner see, in plain words (the consent block).
CATEGORY_HELP = {
    DataCategory.IDENTITY: _("Mitra tahu siapa korban: nama, umur dan jenis kelamin."),
    DataCategory.CONTACT: _("Mitra dapat menelepon atau mendatangi korban: telepon dan alamat."),
    DataCategory.NARRATIVE: _(
        "Mitra membaca apa yang terjadi, sehingga korban tidak perlu bercerita ulang."
    ),
    DataCategory.RISK: _("Mitra tahu seberapa besar bahaya yang dihadapi korban."),
    DataCategory.SERVICES: _("Mitra tahu layanan apa saja yang sudah diberikan UPTD PPA."),
    DataCategory.DOCUMENTS: _("Mitra dapat melihat dokumen pendukung, misalnya hasil visum."),
}
CATEGORY_LABELS = {
    DataCategory.IDENTITY: _("Identitas (nama, umur, jenis kelamin)"),
    DataCategory.CONTACT: _("Kontak (telepon, alamat)"),
    DataCategory.NARRATIVE: _("Kronologi kejadian"),
    DataCategory.RISK: _("Penilaian risiko"),
    DataCategory.SERVICES: _("Layanan yang sudah diberikan"),
    DataCategory.DOCUMENTS: _("Dokumen"),
}
# Who gives the consent, as the caseworker chooses it.
GIVER_HELP = {
    ConsentGiver.VICTIM: _("Korban dewasa menyetujui sendiri."),
    ConsentGiver.GUARDIAN: _("Untuk korban anak: orang tua atau wali yang bukan terduga pelaku."),
    ConsentGiver.BEST_INTEREST: _(
        "Untuk korban anak, bila meminta persetujuan wali membahayakan anak: dicatat dan "
        "disetujui supervisor."
    ),
    ConsentGiver.LEGAL_DUTY: _(
        "Tanpa persetujuan, karena kewajiban hukum (pelaporan ke polisi menurut UU TPKS): "
        "hanya supervisor."
    ),
}
SUPERVISOR_GIVERS = frozenset({ConsentGiver.BEST_INTEREST, ConsentGiver.LEGAL_DUTY})
# The service's field names (``consent.data`` ...) as this form names them.
SERVICE_FIELDS = {
    "consent": "given_by",
    "consent.data": "categories",
    "consent.victim": "victim",
    "consent.given_by": "given_by",
    "consent.method": "method",
    "consent.given_at": "given_by",
    "consent.guardian": "guardian_name",
    "consent.exception_reason": "exception_reason",
    "consent.alternative_basis": "alternative_basis",
    "consent.representative": "representative",
    "consent.child_view": "child_view",
    "consent.duty": "given_by",
}


def service_errors(exc: ValidationError) -> ValidationError:
    """A service's refusal with its field names turned into this form's (``consent.data`` →
    ``data``), so that each message stands next to its field."""
    if not hasattr(exc, "error_dict"):
        return exc
    return ValidationError(
        {SERVICE_FIELDS.get(k, k): v for k, v in exc.message_dict.items()}  # type: ignore[misc]
    )


def party_label(party: CaseParty) -> str:
    return str(party.person.name) or str(_("(tanpa nama)"))


class ServiceChoiceForm(forms.Form):
    """Step one: the service the case is referred for (a GET form)."""

    service_type = forms.ChoiceField(
        label=_("Layanan yang dibutuhkan"), choices=BLANK + list(ReferralServiceType.choices)
    )


class ReferralForm(forms.Form):
    """Step two: the provider, the consent and the note. ``providers`` are those that offer
    the service in the case's area (``orgs.selectors.providers_for``), nearest first."""

    service_type = forms.ChoiceField(
        label=_("Layanan yang dibutuhkan"), choices=BLANK + list(ReferralServiceType.choices)
    )
    organisation = forms.ChoiceField(
        label=_("Mitra tujuan"), widget=forms.RadioSelect, required=False
    )
    victim = forms.ChoiceField(label=_("Korban"), required=False)
    given_by = forms.ChoiceField(
        label=_("Siapa yang memberi persetujuan"), widget=forms.RadioSelect, required=False
    )
    method = forms.ChoiceField(
        label=_("Cara persetujuan"), choices=ConsentMethod.choices, initial=ConsentMethod.WRITTEN
    )
    categories = forms.MultipleChoiceField(
        label=_("Data yang boleh dibagikan kepada mitra"),
        choices=[(c, CATEGORY_LABELS[DataCategory(c)]) for c in DataCategory.values],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    guardian = forms.ChoiceField(label=_("Wali yang tercatat pada kasus"), required=False)
    guardian_name = forms.CharField(
        label=_("Nama orang tua atau wali"), required=False, max_length=200
    )
    exception_reason = forms.CharField(
        label=_("Mengapa meminta persetujuan wali membahayakan anak"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    alternative_basis = forms.ChoiceField(
        label=_("Dasar pengganti"),
        choices=BLANK + list(AlternativeBasis.choices),
        required=False,
    )
    representative = forms.CharField(
        label=_("Yang mewakili kepentingan anak"), required=False, max_length=200
    )
    child_view = forms.CharField(
        label=_("Pendapat anak"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    documents_held = forms.MultipleChoiceField(
        label=_("Dokumen yang dimiliki korban"),
        choices=EligibilityDocument.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    warning_reason = forms.CharField(
        label=_("Alasan tetap merujuk walau syarat belum terpenuhi"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note = forms.CharField(
        label=_("Catatan untuk mitra"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tertulis di surat rujukan. Jangan tulis alamat rumah aman."),
    )

    def __init__(
        self,
        *args: Any,
        providers: Sequence[Organisation] = (),
        victims: Sequence[CaseParty] = (),
        guardians: Sequence[CaseParty] = (),
        supervisor: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.providers = list(providers)
        self.supervisor = supervisor
        f = cast(dict[str, forms.ChoiceField], self.fields)
        f["organisation"].choices = [(o.slug, o.name) for o in self.providers]
        f["victim"].choices = [(str(p.person.public_id), party_label(p)) for p in victims]
        if len(victims) <= 1:
            f["victim"].widget = forms.HiddenInput()
        f["guardian"].choices = BLANK + [
            (str(p.person.public_id), party_label(p)) for p in guardians
        ]
        givers = [
            (value, label)
            for value, label in ConsentGiver.choices
            if supervisor or value not in SUPERVISOR_GIVERS
        ]
        f["given_by"].choices = givers

    def provider(self) -> Organisation | None:
        slug = self.cleaned_data.get("organisation") or ""
        return next((o for o in self.providers if o.slug == slug), None)

    def unmet(self) -> list[str]:
        """The chosen provider's documents (any one suffices) when the victim holds none."""
        org = self.provider()
        if org is None:
            return []
        asked = [c for c in (org.eligibility_documents or []) if c in EligibilityDocument.values]
        held = set(self.cleaned_data.get("documents_held") or [])
        return [] if not asked or held & set(asked) else asked

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("organisation"):
            self.add_error("organisation", _("Pilih mitra tujuan rujukan."))
        if not data.get("given_by"):
            self.add_error(
                "given_by",
                _("Rujukan memerlukan persetujuan: pilih siapa yang memberi persetujuan."),
            )
        if not data.get("categories"):
            self.add_error("categories", _("Pilih data yang disetujui untuk dibagikan."))
        if not self.errors and self.unmet() and not (data.get("warning_reason") or "").strip():
            self.add_error(
                "warning_reason",
                _(
                    "Syarat layanan mitra belum terpenuhi. Tulis alasan tetap merujuk, atau "
                    "centang dokumen yang dimiliki korban."
                ),
            )
        return data

    def consent(self) -> ConsentIn:
        d = self.cleaned_data
        given_by = d.get("given_by") or ""
        return ConsentIn(
            given_by=given_by,
            data=list(d.get("categories") or []),
            victim=d.get("victim") or None,
            method=d.get("method") or ConsentMethod.WRITTEN,
            guardian=d.get("guardian") or None,
            guardian_name=d.get("guardian_name") or "",
            exception_reason=d.get("exception_reason") or "",
            alternative_basis=d.get("alternative_basis") or "",
            representative=d.get("representative") or "",
            child_view=d.get("child_view") or "",
        )


class ReasonForm(forms.Form):
    """Withdrawing a referral or its consent, declining a referral: a reason is required."""

    reason = forms.CharField(
        label=_("Alasan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tulis alasannya.")},
    )


class CompleteForm(forms.Form):
    """The provider reports back: the service given and its outcome."""

    service_given = forms.CharField(
        label=_("Layanan yang diberikan"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    outcome = forms.CharField(
        label=_("Hasil layanan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tulis hasil layanan yang diberikan.")},
    )


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Semua status")), *list(ReferralStatus.choices)],
        required=False,
    )
