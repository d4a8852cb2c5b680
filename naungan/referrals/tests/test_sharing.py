"""The packet and the sharing record (DESIGN §9, §12): consented categories only, absent
otherwise; withdrawn consent stops further sharing, what was shared stays recorded."""

from __future__ import annotations

import pytest
from django.http import Http404

from naungan.core.models import AuditEvent
from naungan.referrals.exceptions import ConsentNotWithdrawable, ConsentWithdrawn
from naungan.referrals.models import SharingRecord
from naungan.referrals.selectors import referral_packet, referrals_visible_to
from naungan.referrals.services import (
    ConsentIn,
    consent_withdraw,
    referral_accept,
    referral_letter_pdf,
    referral_read,
)

from .conftest import ADDRESS, PHONE

pytestmark = pytest.mark.django_db


def test_packet_holds_only_the_consented_categories(refer, adult_case, personas):
    referral = refer(adult_case, ["identity", "narrative"])
    packet = referral_packet(referral=referral, user=personas["provider_bpp"].user)
    assert set(packet) == {"identity", "narrative"}
    assert packet["identity"] == {"name": "Rina", "age": 30, "sex": "F"}
    assert packet["narrative"] == "Kronologi uji"
    assert PHONE not in str(packet)
    assert ADDRESS not in str(packet)


def test_contact_is_the_victims_phone_and_address(refer, adult_case, personas):
    referral = refer(adult_case, ["contact"])
    packet = referral_packet(referral=referral, user=personas["provider_bpp"].user)
    assert set(packet) == {"contact"}
    assert packet["contact"]["phone"] == PHONE
    assert packet["contact"]["address"] == ADDRESS


def test_services_leave_out_the_shelter(refer, adult_case, personas):
    from naungan.orgs.services import org_create
    from naungan.services import services as care

    shelter = org_create(
        actor=None,
        slug="t-ra",
        name="Rumah Aman Rahasia",
        kind="provider",
        area_code="64.71",
        services=["shelter"],
        capacity=3,
        confidential_address="Jl. Tersembunyi 9",
    )
    care.episode_open(
        actor=personas["caseworker_bpp"].user,
        case=adult_case,
        data=care.EpisodeIn(service="shelter", organisation=shelter),
    )
    referral = refer(adult_case, ["services"])
    packet = referral_packet(referral=referral, user=personas["provider_bpp"].user)
    shelters = [s for s in packet["services"] if s["service"] == "shelter"]
    assert shelters
    assert shelters[0]["organisation"] is None
    assert "Rumah Aman Rahasia" not in str(packet)
    assert "Tersembunyi" not in str(packet)


def test_risk_and_documents_are_absent_until_an_app_provides_them(refer, adult_case, personas):
    referral = refer(adult_case, ["identity", "risk", "documents"])
    packet = referral_packet(referral=referral, user=personas["provider_bpp"].user)
    assert set(packet) == {"identity"}


def test_a_registered_section_fills_its_category(refer, adult_case, personas):
    from naungan.core import registry

    before = registry.referral_packet_section("risk")  # the risk app's, restored after
    registry.register_referral_packet_section("risk", lambda case, person: {"level": "high"})
    try:
        referral = refer(adult_case, ["risk"])
        packet = referral_packet(referral=referral, user=personas["provider_bpp"].user)
        assert packet == {"risk": {"level": "high"}}
    finally:
        registry._REFERRAL_PACKET_SECTIONS.pop("risk", None)
        if before is not None:
            registry.register_referral_packet_section("risk", before)


@pytest.mark.parametrize("who", ["provider_kalteng", "analyst_bpp", "activist_bpp", "admin_bpp"])
def test_others_see_no_referral(refer, adult_case, personas, who):
    referral = refer(adult_case)
    assert not referrals_visible_to(personas[who].user).exists()
    with pytest.raises(Http404):
        referral_packet(referral=referral, user=personas[who].user)


def test_case_roles_see_the_referrals_of_their_cases(refer, adult_case, personas):
    referral = refer(adult_case)
    for who in ("caseworker_bpp", "supervisor_bpp", "intake_bpp", "provider_bpp"):
        assert list(referrals_visible_to(personas[who].user)) == [referral], who
    for who in ("caseworker_kalteng", "supervisor_kalteng"):
        assert not referrals_visible_to(personas[who].user).exists(), who


def test_provider_read_is_audited_and_recorded_as_sharing(refer, adult_case, personas):
    provider = personas["provider_bpp"].user
    referral = refer(adult_case, ["identity", "narrative"])
    referral_read(actor=provider, referral=referral)
    record = SharingRecord.objects.get(referral=referral)
    assert record.user == provider
    assert record.recipient == referral.organisation
    assert record.categories == ["identity", "narrative"]
    assert record.channel == "view"
    event = AuditEvent.objects.get(object_id=str(referral.pk), action="view", actor=provider)
    assert event.categories == "identity,narrative"


def test_caseworker_read_is_audited_but_not_a_sharing(refer, adult_case, personas):
    referral = refer(adult_case)
    referral_read(actor=personas["caseworker_bpp"].user, referral=referral)
    assert not SharingRecord.objects.exists()
    assert AuditEvent.objects.filter(object_id=str(referral.pk), action="view").exists()


def test_withdrawn_consent_stops_sharing_and_keeps_what_was_shared(refer, adult_case, personas):
    provider = personas["provider_bpp"].user
    referral = refer(adult_case, ["identity", "narrative"])
    referral_accept(actor=provider, referral=referral)
    referral_read(actor=provider, referral=referral)
    consent_withdraw(
        actor=personas["caseworker_bpp"].user,
        consent=referral.consent,
        reason="Korban menarik persetujuan lewat telepon",
    )
    referral.refresh_from_db()
    assert referral.status == "accepted"  # the provider may still report back
    assert referral_read(actor=provider, referral=referral) == {}
    with pytest.raises(ConsentWithdrawn):
        referral_letter_pdf(actor=provider, referral=referral)
    records = SharingRecord.objects.filter(referral=referral)
    assert [r.categories for r in records] == [["identity", "narrative"]]


def test_withdrawn_consent_withdraws_a_referral_not_yet_answered(refer, adult_case, personas):
    referral = refer(adult_case)
    consent_withdraw(
        actor=personas["caseworker_bpp"].user, consent=referral.consent, reason="Berubah pikiran"
    )
    referral.refresh_from_db()
    assert referral.status == "withdrawn"
    assert referral.reminder_task.status == "cancelled"
    with pytest.raises(ConsentWithdrawn):
        consent_withdraw(
            actor=personas["caseworker_bpp"].user, consent=referral.consent, reason="lagi"
        )


def test_a_legal_duty_is_not_a_consent_to_withdraw(refer, make_bpp_case, police, personas):
    sup = personas["supervisor_bpp"].user
    referral = refer(
        make_bpp_case(violence_types=["sexual"]),
        actor=sup,
        organisation=police,
        service_type="law_enforcement",
        consent=ConsentIn(given_by="legal_duty", data=["identity", "narrative"]),
    )
    with pytest.raises(ConsentNotWithdrawable):
        consent_withdraw(actor=sup, consent=referral.consent, reason="x")


def test_caseworker_queue_holds_waiting_and_recently_answered_referrals(
    refer, adult_case, personas
):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from naungan.referrals.selectors import referrals_for_queue
    from naungan.referrals.services import referral_complete, referral_decline, referral_withdraw

    provider, cw = personas["provider_bpp"].user, personas["caseworker_bpp"].user
    waiting = refer(adult_case)
    with time_machine.travel(timezone.now() - timedelta(days=30)):
        old = referral_decline(actor=provider, referral=refer(adult_case), reason="Penuh")
    done = referral_accept(actor=provider, referral=refer(adult_case))
    referral_complete(actor=provider, referral=done, outcome="Selesai")
    referral_withdraw(actor=cw, referral=refer(adult_case), reason="Tidak jadi")
    queue = list(referrals_for_queue(user=cw))
    assert queue == [done, waiting]
    assert old not in queue
    assert not referrals_for_queue(user=personas["caseworker_kalteng"].user).exists()
    assert not referrals_for_queue(user=provider).exists()
