"""The referral services: sending with consent, the provider's answer, withdrawal, the
reminder task and the closure rule (DESIGN §9)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.cases.exceptions import ClosureBlocked, NotPermitted
from naungan.cases.models import Notification, TaskKind, TaskStatus
from naungan.cases.services import closure_request
from naungan.core.models import AuditEvent
from naungan.orgs.services import org_create
from naungan.referrals.exceptions import (
    CaseClosedForReferrals,
    ReferralNotFound,
    ReferralTransitionNotAllowed,
)
from naungan.referrals.models import Referral, ReferralStatus
from naungan.referrals.services import (
    ConsentIn,
    referral_accept,
    referral_complete,
    referral_create,
    referral_decline,
    referral_withdraw,
)

pytestmark = pytest.mark.django_db


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(exc.value.message_dict)


def test_caseworker_refers_with_consent_and_the_referral_is_sent(refer, adult_case, personas):
    referral = refer(adult_case, ["identity", "narrative"])
    assert referral.status == ReferralStatus.SENT
    assert referral.consent.categories == ["identity", "narrative"]
    assert referral.consent.given_by == "victim"
    assert referral.created_by == personas["caseworker_bpp"].user
    assert referral.reference.startswith(f"RJK/{timezone.localdate().year}/")
    assert [e.to_status for e in referral.events.all()] == ["sent"]
    assert AuditEvent.objects.filter(object_id=str(referral.pk), action="create").exists()


def test_reference_numbers_are_unique_and_follow_each_other(refer, adult_case):
    first, second = refer(adult_case), refer(adult_case)
    assert second.number == first.number + 1
    assert first.reference != second.reference


def test_no_consent_is_refused_naming_consent(refer, adult_case):
    with pytest.raises(ValidationError) as exc:
        refer(adult_case, consent=None)
    assert "consent" in _fields(exc)
    assert not Referral.objects.exists()


def test_unknown_category_is_refused(refer, adult_case):
    with pytest.raises(ValidationError) as exc:
        refer(adult_case, consent=ConsentIn(given_by="victim", data=["identity", "bank_account"]))
    assert "consent.data" in _fields(exc)


def test_unknown_service_type_is_refused_naming_it(refer, adult_case):
    with pytest.raises(ValidationError) as exc:
        refer(adult_case, service_type="astrology")
    assert _fields(exc) == {"service_type"}


def test_organisation_not_offering_the_service_is_refused(refer, adult_case):
    # Posbakum gives legal aid, not health care.
    with pytest.raises(ValidationError) as exc:
        refer(adult_case, service_type="health")
    assert _fields(exc) == {"organisation"}


def test_organisation_not_serving_the_case_area_is_refused(refer, adult_case, orgs):
    # The RSUD of Palangka Raya gives health care, but not in Balikpapan.
    with pytest.raises(ValidationError) as exc:
        refer(adult_case, service_type="health", organisation=orgs["kalteng"]["t-rsud-kalteng"])
    assert _fields(exc) == {"organisation"}


def test_posbakum_without_sktm_or_pkh_is_a_warning_not_a_refusal(refer, adult_case):
    referral = refer(adult_case, warning_reason="SKTM sedang diurus di kelurahan")
    assert referral.status == ReferralStatus.SENT
    assert referral.eligibility_unmet == ["sktm", "pkh"]
    assert len(referral.warnings) == 1
    assert "SKTM" in referral.warnings[0]
    assert referral.warning_reason == "SKTM sedang diurus di kelurahan"


def test_posbakum_with_a_pkh_card_has_no_warning(refer, adult_case):
    referral = refer(adult_case, documents_held=["pkh"])
    assert referral.warnings == []
    assert referral.eligibility_unmet == []


def test_intake_officer_cannot_refer(refer, adult_case, personas):
    with pytest.raises(NotPermitted):
        refer(adult_case, actor=personas["intake_bpp"].user)


# --- children --------------------------------------------------------------------------------


@pytest.fixture
def child_case(make_bpp_case):
    return make_bpp_case(victims=[{"name": "Ani", "age": 12, "sex": "F"}])


def test_a_child_cannot_consent_alone(refer, child_case):
    with pytest.raises(ValidationError) as exc:
        refer(child_case)
    assert "consent.given_by" in _fields(exc)


def test_a_guardian_consents_for_a_child(refer, child_case):
    referral = refer(
        child_case, consent=ConsentIn(given_by="guardian", data=["identity"], guardian_name="Ibu")
    )
    assert referral.consent.given_by == "guardian"
    assert referral.consent.guardian_name == "Ibu"


def test_guardian_consent_names_the_guardian(refer, child_case):
    with pytest.raises(ValidationError) as exc:
        refer(child_case, consent=ConsentIn(given_by="guardian", data=["identity"]))
    assert "consent.guardian" in _fields(exc)


BEST_INTEREST = {
    "given_by": "best_interest",
    "data": ["identity", "narrative"],
    "exception_reason": "Ayah kandung adalah terduga pelaku",
    "alternative_basis": "vital_interest",
    "representative": "Pekerja sosial UPTD PPA",
    "child_view": "Anak ingin didampingi pengacara",
}


def test_best_interest_exception_is_recorded_and_approved_by_a_supervisor(
    refer, child_case, personas
):
    sup = personas["supervisor_bpp"].user
    referral = refer(child_case, actor=sup, consent=ConsentIn(**BEST_INTEREST))
    consent = referral.consent
    assert consent.approved_by == sup
    assert consent.approved_at is not None
    assert consent.alternative_basis == "vital_interest"
    assert consent.child_view == "Anak ingin didampingi pengacara"


def test_best_interest_exception_by_a_caseworker_is_refused(refer, child_case):
    with pytest.raises(NotPermitted):
        refer(child_case, consent=ConsentIn(**BEST_INTEREST))


def test_best_interest_exception_needs_reason_basis_representative_and_view(
    refer, child_case, personas
):
    with pytest.raises(ValidationError) as exc:
        refer(
            child_case,
            actor=personas["supervisor_bpp"].user,
            consent=ConsentIn(given_by="best_interest", data=["identity"]),
        )
    assert _fields(exc) == {
        "consent.exception_reason",
        "consent.alternative_basis",
        "consent.representative",
        "consent.child_view",
    }


def test_best_interest_exception_is_for_children_only(refer, adult_case, personas):
    with pytest.raises(ValidationError) as exc:
        refer(adult_case, actor=personas["supervisor_bpp"].user, consent=ConsentIn(**BEST_INTEREST))
    assert "consent.given_by" in _fields(exc)


# --- legal duty ------------------------------------------------------------------------------

DUTY = ConsentIn(given_by="legal_duty", data=["identity", "narrative"], duty="tpks_police_report")


def test_supervisor_records_the_tpks_police_report_duty_without_consent(
    refer, make_bpp_case, police, personas
):
    case = make_bpp_case(violence_types=["sexual"])
    referral = refer(
        case,
        actor=personas["supervisor_bpp"].user,
        organisation=police,
        service_type="law_enforcement",
        consent=DUTY,
    )
    assert referral.consent.given_by == "legal_duty"
    assert referral.consent.duty == "tpks_police_report"


def test_caseworker_cannot_record_a_legal_duty(refer, make_bpp_case, police):
    case = make_bpp_case(violence_types=["sexual"])
    with pytest.raises(NotPermitted):
        refer(case, organisation=police, service_type="law_enforcement", consent=DUTY)


def test_legal_duty_only_to_law_enforcement(refer, make_bpp_case, personas):
    case = make_bpp_case(violence_types=["sexual"])
    with pytest.raises(ValidationError) as exc:
        refer(case, actor=personas["supervisor_bpp"].user, consent=DUTY)
    assert "consent.given_by" in _fields(exc)


def test_tpks_duty_only_on_a_sexual_violence_case(refer, adult_case, police, personas):
    with pytest.raises(ValidationError) as exc:
        refer(
            adult_case,
            actor=personas["supervisor_bpp"].user,
            organisation=police,
            service_type="law_enforcement",
            consent=DUTY,
        )
    assert "consent.duty" in _fields(exc)


# --- the provider's answer -------------------------------------------------------------------


def test_provider_accepts_then_completes_with_the_outcome(refer, adult_case, personas):
    provider = personas["provider_bpp"].user
    referral = refer(adult_case)
    referral = referral_accept(actor=provider, referral=referral)
    assert referral.status == "accepted"
    assert referral.accepted_at is not None
    referral = referral_complete(
        actor=provider, referral=referral, outcome="Gugatan didaftarkan", service_given="Konsultasi"
    )
    assert referral.status == "completed"
    assert referral.feedback == {"service_given": "Konsultasi", "outcome": "Gugatan didaftarkan"}
    assert [e.to_status for e in referral.events.all()] == ["sent", "accepted", "completed"]


def test_decline_needs_a_reason(refer, adult_case, personas):
    referral = refer(adult_case)
    with pytest.raises(ValidationError) as exc:
        referral_decline(actor=personas["provider_bpp"].user, referral=referral, reason=" ")
    assert _fields(exc) == {"reason"}
    referral = referral_decline(
        actor=personas["provider_bpp"].user, referral=referral, reason="Di luar kewenangan"
    )
    assert referral.status == "declined"
    assert referral.feedback == {"reason": "Di luar kewenangan"}


def test_complete_needs_an_outcome(refer, adult_case, personas):
    provider = personas["provider_bpp"].user
    referral = referral_accept(actor=provider, referral=refer(adult_case))
    with pytest.raises(ValidationError) as exc:
        referral_complete(actor=provider, referral=referral, outcome="")
    assert _fields(exc) == {"outcome"}


def test_declining_an_accepted_referral_is_a_conflict(refer, adult_case, personas):
    provider = personas["provider_bpp"].user
    referral = referral_accept(actor=provider, referral=refer(adult_case))
    with pytest.raises(ReferralTransitionNotAllowed) as exc:
        referral_decline(actor=provider, referral=referral, reason="Penuh")
    assert exc.value.status == 409


def test_completing_a_declined_referral_is_a_conflict(refer, adult_case, personas):
    provider = personas["provider_bpp"].user
    referral = referral_decline(actor=provider, referral=refer(adult_case), reason="Penuh")
    with pytest.raises(ReferralTransitionNotAllowed):
        referral_complete(actor=provider, referral=referral, outcome="Selesai")


def test_completing_a_sent_referral_is_a_conflict(refer, adult_case, personas):
    with pytest.raises(ReferralTransitionNotAllowed):
        referral_complete(
            actor=personas["provider_bpp"].user, referral=refer(adult_case), outcome="Selesai"
        )


@pytest.mark.parametrize("who", ["provider_kalteng", "caseworker_bpp", "supervisor_bpp"])
def test_only_the_addressed_provider_answers_anyone_else_gets_404(refer, adult_case, personas, who):
    referral = refer(adult_case)
    with pytest.raises(ReferralNotFound) as exc:
        referral_accept(actor=personas[who].user, referral=referral)
    assert exc.value.status == 404
    referral.refresh_from_db()
    assert referral.status == "sent"


def test_provider_of_another_organisation_in_the_same_city_gets_404(
    refer, adult_case, orgs, personas
):
    from naungan.accounts.services import staff_create

    other = org_create(
        actor=None,
        slug="t-lbh-bpp",
        name="LBH (uji)",
        kind="provider",
        provider_type="legal_aid",
        area_code="64.71",
        services=["legal_aid"],
    )
    user = staff_create(
        actor=None,
        username="lbh",
        password="Uji-Persona-2026!",
        role="provider",
        org_slug=other.slug,
        area_code="64.71",
        check_password=False,
    )
    with pytest.raises(ReferralNotFound):
        referral_decline(actor=user, referral=refer(adult_case), reason="x")


# --- withdrawal ------------------------------------------------------------------------------


def test_caseworker_withdraws_with_a_reason(refer, adult_case, personas):
    cw = personas["caseworker_bpp"].user
    referral = refer(adult_case)
    with pytest.raises(ValidationError):
        referral_withdraw(actor=cw, referral=referral, reason="")
    referral = referral_withdraw(actor=cw, referral=referral, reason="Korban pindah kota")
    assert referral.status == "withdrawn"
    assert referral.withdrawn_by == cw
    assert referral.reminder_task.status == TaskStatus.CANCELLED
    with pytest.raises(ReferralTransitionNotAllowed):
        referral_withdraw(actor=cw, referral=referral, reason="lagi")


def test_provider_cannot_withdraw(refer, adult_case, personas):
    with pytest.raises(ReferralNotFound):
        referral_withdraw(
            actor=personas["provider_bpp"].user, referral=refer(adult_case), reason="x"
        )


def test_intake_who_sees_the_case_is_refused_withdrawal(refer, adult_case, personas):
    with pytest.raises(NotPermitted):
        referral_withdraw(actor=personas["intake_bpp"].user, referral=refer(adult_case), reason="x")


# --- reminder and closure --------------------------------------------------------------------


def test_reminder_task_falls_due_after_the_configured_hours_and_closes_on_answer(
    refer, adult_case, personas, settings
):
    from naungan.cases.services.notifications import overdue_notices_create

    settings.REFERRAL_REMINDER_HOURS = 24
    referral = refer(adult_case)
    task = referral.reminder_task
    assert task.kind == TaskKind.REFERRAL_REMINDER
    assert task.owner == personas["caseworker_bpp"].user
    assert task.due_at == referral.sent_at + timedelta(hours=24)
    assert not task.overdue
    assert overdue_notices_create() == []
    with time_machine.travel(referral.sent_at + timedelta(hours=24, minutes=1), tick=False):
        task.refresh_from_db()
        assert task.overdue
        assert overdue_notices_create()
        assert Notification.objects.filter(user=personas["caseworker_bpp"].user).exists()
    referral_accept(actor=personas["provider_bpp"].user, referral=referral)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_reminder_hours_are_a_setting(refer, adult_case, settings):
    settings.REFERRAL_REMINDER_HOURS = 6
    referral = refer(adult_case)
    assert referral.reminder_task.due_at == referral.sent_at + timedelta(hours=6)


def test_decline_closes_the_reminder_too(refer, adult_case, personas):
    referral = referral_decline(
        actor=personas["provider_bpp"].user, referral=refer(adult_case), reason="Penuh"
    )
    referral.reminder_task.refresh_from_db()
    assert referral.reminder_task.status == TaskStatus.DONE


@pytest.mark.parametrize("answer", ["sent", "accepted"])
def test_sent_or_accepted_referral_blocks_closing_the_case(refer, adult_case, personas, answer):
    referral = refer(adult_case)
    if answer == "accepted":
        referral_accept(actor=personas["provider_bpp"].user, referral=referral)
    with pytest.raises(ClosureBlocked) as exc:
        closure_request(
            actor=personas["caseworker_bpp"].user, case=adult_case, reason="client_declined"
        )
    assert referral.reference in exc.value.message


def test_answered_referral_no_longer_blocks_closure(refer, adult_case, personas):
    referral_decline(actor=personas["provider_bpp"].user, referral=refer(adult_case), reason="x")
    closure = closure_request(
        actor=personas["caseworker_bpp"].user, case=adult_case, reason="client_declined"
    )
    assert closure.pk


def test_referral_to_a_closed_case_is_refused(refer, adult_case, personas):
    from naungan.cases.models import CaseStatus

    adult_case.status = CaseStatus.CLOSED
    adult_case.closed_at = timezone.now()
    adult_case.save()
    with pytest.raises(CaseClosedForReferrals) as exc:
        referral_create(
            actor=personas["supervisor_bpp"].user,
            case=adult_case,
            organisation=None,
            service_type="legal_aid",
            consent=None,
        )
    assert exc.value.status == 409


def test_a_number_taken_meanwhile_makes_the_referral_take_the_next(refer, adult_case, monkeypatch):
    from naungan.referrals.services import referrals as module

    first = refer(adult_case)
    taken = iter([first.number, first.number + 1])  # as if a concurrent send took the max
    monkeypatch.setattr(module, "_next_number", lambda year: next(taken))
    second = refer(adult_case)
    assert second.number == first.number + 1
