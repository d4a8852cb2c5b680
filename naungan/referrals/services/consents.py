"""Consent to share (DESIGN §9, §12): who may give it for whom, what it covers, and its
withdrawal, which applies onward (what was shared stays recorded)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases.exceptions import NotPermitted
from naungan.cases.models import Case, CaseParty, PartyRole
from naungan.cases.services import CLOCK_SKEW
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from ..ages import person_age
from ..exceptions import ConsentNotWithdrawable, ConsentWithdrawn
from ..models import (
    AlternativeBasis,
    Consent,
    ConsentGiver,
    ConsentMethod,
    DataCategory,
    LegalDuty,
    Referral,
    ReferralServiceType,
    ReferralStatus,
)
from ._common import audit, require_case_writer, save

CHILD_AGE = 18  # UU Perlindungan Anak: under 18 is a child; UU PDP Pasal 25.


@dataclass
class ConsentIn:
    """The consent part of a referral (CONTRACT §8 ``consent``). ``data`` are the categories
    shared; ``victim`` the person id of the victim it is about (default: the case's first
    victim). A guardian is a guardian party of the case (``guardian``, a person id) or a name.
    A best-interest exception carries its reason, alternative basis, the child's representative
    and view; a legal duty its ``duty`` code (default the TPKS police report)."""

    given_by: str = ""
    data: Sequence[str] = field(default_factory=list)
    victim: UUID | str | None = None
    method: str = ConsentMethod.WRITTEN
    form_version: str = ""
    given_at: datetime | None = None
    guardian: UUID | str | None = None
    guardian_name: str = ""
    exception_reason: str = ""
    alternative_basis: str = ""
    representative: str = ""
    child_view: str = ""
    duty: str = ""


def _categories(data: Sequence[str]) -> list[str]:
    chosen = list(dict.fromkeys(str(c) for c in data))
    if not chosen:
        raise ValidationError({"consent.data": _("Pilih data yang disetujui untuk dibagikan.")})
    unknown = [c for c in chosen if c not in DataCategory.values]
    if unknown:
        raise ValidationError(
            {
                "consent.data": _("Kategori data tidak dikenal. Pilih dari: %(known)s.")
                % {"known": ", ".join(str(label) for label in DataCategory.labels)}
            }
        )
    return [c for c in DataCategory.values if c in chosen]


def _victim_party(case: Case, victim: UUID | str | None) -> CaseParty:
    parties = CaseParty.objects.filter(case=case, role=PartyRole.VICTIM).select_related("person")
    if victim:
        try:
            party = parties.filter(person__public_id=victim).first()
        except (ValidationError, ValueError):
            party = None
        if party is None:
            raise ValidationError({"consent.victim": _("Korban ini tidak tercatat pada kasus.")})
        return party
    party = parties.order_by("id").first()
    if party is None:
        raise ValidationError(
            {"consent.victim": _("Catat korban pada kasus sebelum membuat rujukan.")}
        )
    return party


def _guardian_party(case: Case, victim: CaseParty, guardian: UUID | str | None) -> CaseParty | None:
    guardians = CaseParty.objects.filter(case=case, role=PartyRole.GUARDIAN).select_related(
        "person"
    )
    if guardian:
        try:
            party = guardians.filter(person__public_id=guardian).first()
        except (ValidationError, ValueError):
            party = None
        if party is None:
            raise ValidationError({"consent.guardian": _("Wali ini tidak tercatat pada kasus.")})
        return party
    return guardians.filter(guardian_of=victim).order_by("id").first()


def _is_perpetrator(case: Case, party: CaseParty) -> bool:
    return CaseParty.objects.filter(
        case=case, role=PartyRole.PERPETRATOR, person_id=party.person_id
    ).exists()


def _supervisor_of(actor: User, case: Case) -> bool:
    return actor.role in SUPERVISORS and actor.in_scope(case.area)


def case_has_sexual_violence(case: Case) -> bool:
    """The case's violence types include sexual violence, or one of its incidents is typed
    rape or sexual assault or has a UU TPKS category (the TPKS police report applies)."""
    if "sexual" in (case.violence_types or []):
        return True
    return (
        case.incidents.filter(withdrawn_at__isnull=True)
        .filter(Q(gbv_type__in=["rape", "sexual_assault"]) | ~Q(tpks_type=""))
        .exists()
    )


def consent_build(
    *,
    actor: User,
    case: Case,
    recipient: Organisation,
    service_type: str,
    data: ConsentIn | None,
) -> Consent:
    """Check and save the consent of a new referral (internal: ``referral_create`` calls it
    in its transaction).

    No consent, no referral (422 naming ``consent``), unless a supervisor of the case's area
    records a legal duty (the TPKS police report, UU TPKS Pasal 41) for a law-enforcement
    referral on a case with sexual violence; a caseworker recording one gets 403. A child
    victim (under 18) is consented for by a parent or guardian (UU PDP Pasal 25) or, where
    asking would endanger the child, by a best-interest exception that a supervisor records and
    approves with a reason, an alternative basis, a representative and the child's view
    (DESIGN §12); the victim's own consent for a child is refused (422)."""
    if data is None or not data.given_by:
        raise ValidationError(
            {
                "consent": _(
                    "Rujukan memerlukan persetujuan korban (atau wali) untuk berbagi data, "
                    "dengan kategori data yang disetujui."
                )
            }
        )
    given_by = data.given_by
    if given_by not in ConsentGiver.values:
        raise ValidationError({"consent.given_by": _("Pemberi persetujuan tidak dikenal.")})
    categories = _categories(data.data)
    if data.method not in ConsentMethod.values:
        raise ValidationError({"consent.method": _("Cara persetujuan tidak dikenal.")})
    victim = _victim_party(case, data.victim)
    age = person_age(victim.person)
    child = age is not None and age < CHILD_AGE
    now = timezone.now()
    given_at = data.given_at or now
    if timezone.is_naive(given_at):  # a time without zone is read in the case area's zone
        given_at = given_at.replace(tzinfo=ZoneInfo(case.area.timezone))
    if given_at > now + CLOCK_SKEW:
        raise ValidationError({"consent.given_at": _("Waktu tidak boleh di masa depan.")})
    consent = Consent(
        case=case,
        subject=victim,
        recipient=recipient,
        categories=categories,
        given_by=given_by,
        method=data.method,
        form_version=(data.form_version or settings.REFERRAL_CONSENT_FORM_VERSION).strip(),
        given_at=given_at,
        recorded_by=actor,
    )
    if given_by == ConsentGiver.VICTIM and child:
        raise ValidationError(
            {
                "consent.given_by": _(
                    "Korban masih anak (di bawah 18 tahun): persetujuan diberikan oleh orang tua "
                    "atau wali, atau melalui pengecualian demi kepentingan terbaik anak yang "
                    "disetujui supervisor."
                )
            }
        )
    if given_by == ConsentGiver.GUARDIAN:
        party = _guardian_party(case, victim, data.guardian)
        name = data.guardian_name.strip()
        if party is None and not name:
            raise ValidationError(
                {"consent.guardian": _("Tulis nama orang tua atau wali yang memberi persetujuan.")}
            )
        if party is not None and _is_perpetrator(case, party):
            raise ValidationError(
                {
                    "consent.guardian": _(
                        "Wali ini juga terduga pelaku: persetujuannya tidak dapat dipakai. "
                        "Gunakan pengecualian demi kepentingan terbaik anak."
                    )
                }
            )
        consent.guardian = party
        consent.guardian_name = name
    elif given_by == ConsentGiver.BEST_INTEREST:
        if not child:
            raise ValidationError(
                {
                    "consent.given_by": _(
                        "Pengecualian demi kepentingan terbaik hanya untuk korban anak."
                    )
                }
            )
        if not _supervisor_of(actor, case):
            raise NotPermitted(
                _(
                    "Pengecualian demi kepentingan terbaik anak harus dicatat dan disetujui "
                    "supervisor wilayah kasus ini."
                )
            )
        errors = {}
        if not data.exception_reason.strip():
            errors["consent.exception_reason"] = _(
                "Tulis mengapa meminta persetujuan wali membahayakan anak."
            )
        if data.alternative_basis not in AlternativeBasis.values:
            errors["consent.alternative_basis"] = _(
                "Pilih dasar pengganti: kepentingan vital anak atau tugas pelayanan publik."
            )
        if not data.representative.strip():
            errors["consent.representative"] = _("Tulis siapa yang mewakili kepentingan anak.")
        if not data.child_view.strip():
            errors["consent.child_view"] = _(
                "Catat pendapat anak (atau mengapa anak belum dapat menyampaikannya)."
            )
        if errors:
            raise ValidationError(errors)
        consent.exception_reason = data.exception_reason.strip()
        consent.alternative_basis = data.alternative_basis
        consent.representative = data.representative.strip()
        consent.child_view = data.child_view.strip()
        consent.approved_by = actor
        consent.approved_at = now
    elif given_by == ConsentGiver.LEGAL_DUTY:
        if not _supervisor_of(actor, case):
            raise NotPermitted(
                _("Kewajiban hukum untuk berbagi tanpa persetujuan hanya dicatat oleh supervisor.")
            )
        duty = data.duty or LegalDuty.TPKS_POLICE_REPORT
        if duty not in LegalDuty.values:
            raise ValidationError({"consent.duty": _("Kewajiban hukum tidak dikenal.")})
        if service_type != ReferralServiceType.LAW_ENFORCEMENT:
            raise ValidationError(
                {
                    "consent.given_by": _(
                        "Kewajiban hukum hanya berlaku untuk rujukan ke penegak hukum; rujukan "
                        "lain memerlukan persetujuan korban atau wali."
                    )
                }
            )
        if duty == LegalDuty.TPKS_POLICE_REPORT and not case_has_sexual_violence(case):
            raise ValidationError(
                {
                    "consent.duty": _(
                        "Kewajiban melapor ke polisi menurut UU TPKS hanya berlaku untuk kasus "
                        "kekerasan seksual."
                    )
                }
            )
        consent.duty = duty
    save(consent)
    audit(
        actor,
        AuditAction.CREATE,
        consent,
        case,
        categories=",".join(categories),
        reason=f"consent {given_by}",
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor: User, consent: Consent, reason: str) -> Consent:
    """The victim (or guardian) withdraws a consent: no further sharing from now on (the
    packet and the letter answer nothing more), what was shared stays in the sharing record.
    A referral still ``sent`` under it is withdrawn too (the provider can no longer see the
    case); an accepted one keeps its status so that the provider can still report back.
    A legal duty is no consent and cannot be withdrawn (409). Callers: the case's writers."""
    case = consent.case
    require_case_writer(actor, case)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.given_by == ConsentGiver.LEGAL_DUTY:
        raise ConsentNotWithdrawable
    if not consent.active:
        raise ConsentWithdrawn
    if not reason.strip():
        raise ValidationError({"reason": _("Tulis alasan atau cara penarikan persetujuan.")})
    now = timezone.now()
    consent.withdrawn_at = now
    consent.withdrawn_by = actor
    consent.withdrawn_reason = reason.strip()
    save(consent)
    audit(actor, AuditAction.UPDATE, consent, case, reason="consent withdrawn")
    from .referrals import referral_withdrawn_by_consent

    for referral in Referral.objects.filter(consent=consent, status=ReferralStatus.SENT):
        referral_withdrawn_by_consent(actor=actor, referral=referral)
    return consent
