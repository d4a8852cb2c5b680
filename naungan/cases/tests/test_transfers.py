"""Transfer of a case to another UPTD PPA (DESIGN §5): request, the receiver's limited view,
acceptance (ownership and area move, the sender loses access), decline, one open request."""

from __future__ import annotations

from typing import Any

import pytest

from naungan.cases.exceptions import NotPermitted, ReasonRequired
from naungan.cases.models import Case, CaseTransfer, Notification, Task, TransferStatus
from naungan.cases.selectors import case_timeline, cases_visible_to
from naungan.cases.services.transfers import (
    TransferNotAllowed,
    TransferNotOpen,
    TransferPending,
    transfer_accept,
    transfer_cancel,
    transfer_decline,
    transfer_request,
)
from naungan.core.models import AuditAction, AuditEvent
from naungan.orgs.models import Organisation

pytestmark = pytest.mark.django_db


def _kalteng_unit() -> Organisation:
    return Organisation.objects.get(slug="t-uptd-kalteng")


def _request(personas: dict[str, Any], case: Case, reason: str = "Korban pindah ke Palangka Raya"):
    return transfer_request(
        actor=personas["supervisor_bpp"].user,
        case=case,
        to_organisation=_kalteng_unit(),
        reason=reason,
    )


def test_supervisor_requests_and_receiver_is_notified(personas, bpp_case):
    transfer = _request(personas, bpp_case)
    assert transfer.status == TransferStatus.REQUESTED
    assert transfer.to_area.code == "62"
    assert transfer.from_area.code == bpp_case.area.code
    notice = Notification.objects.get(user=personas["supervisor_kalteng"].user)
    assert bpp_case.registration_number in notice.message
    assert AuditEvent.objects.filter(
        object_id=str(transfer.public_id), action=AuditAction.CREATE
    ).exists()


def test_only_one_open_request_per_case(personas, bpp_case):
    _request(personas, bpp_case)
    with pytest.raises(TransferPending):
        _request(personas, bpp_case)
    assert CaseTransfer.objects.filter(case=bpp_case).count() == 1


def test_request_needs_a_reason_and_another_uptd(personas, bpp_case, orgs):
    with pytest.raises(ReasonRequired):
        _request(personas, bpp_case, reason="  ")
    with pytest.raises(TransferNotAllowed):
        transfer_request(
            actor=personas["supervisor_bpp"].user,
            case=bpp_case,
            to_organisation=orgs["kalteng"]["t-rsud-kalteng"],
            reason="x",
        )
    with pytest.raises(TransferNotAllowed):
        transfer_request(
            actor=personas["supervisor_bpp"].user,
            case=bpp_case,
            to_organisation=bpp_case.organisation,
            reason="x",
        )


def test_caseworker_cannot_request(personas, bpp_case):
    with pytest.raises(NotPermitted):
        transfer_request(
            actor=personas["caseworker_bpp"].user,
            case=bpp_case,
            to_organisation=_kalteng_unit(),
            reason="x",
        )


def test_receiver_does_not_see_the_case_before_accepting(personas, bpp_case):
    _request(personas, bpp_case)
    receiver = personas["supervisor_kalteng"].user
    assert not cases_visible_to(receiver).filter(pk=bpp_case.pk).exists()
    assert (
        personas["supervisor_kalteng"].client.get(f"/kasus/{bpp_case.public_id}/").status_code
        == 404
    )


def test_acceptance_moves_the_case_and_the_sender_loses_access(personas, bpp_case):
    transfer = _request(personas, bpp_case)
    transfer_accept(actor=personas["supervisor_kalteng"].user, transfer=transfer)
    case = Case.objects.get(pk=bpp_case.pk)
    assert case.organisation.slug == "t-uptd-kalteng"
    assert case.area.code == "62"
    # The denormalised scope columns follow the new area.
    assert (case.area_province_code, case.area_code) == ("62", "62")
    assert case.area_regency_code == ""
    assert case.lead is None
    for key in ("supervisor_bpp", "caseworker_bpp", "intake_bpp"):
        assert not cases_visible_to(personas[key].user).filter(pk=case.pk).exists(), key
    assert cases_visible_to(personas["supervisor_kalteng"].user).filter(pk=case.pk).exists()
    # Open tasks wait for the receiving unit's lead.
    assert not Task.objects.filter(case=case, owner=personas["caseworker_bpp"].user).exists()
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.ACCEPTED
    assert transfer.decided_by == personas["supervisor_kalteng"].user
    # The sender keeps the transfer record.
    page = personas["supervisor_bpp"].client.get(f"/kasus/pelimpahan/{transfer.public_id}/")
    assert page.status_code == 200
    assert "Buka kasus" not in page.content.decode()
    assert personas["supervisor_bpp"].client.get(f"/kasus/{case.public_id}/").status_code == 404


def test_sender_cannot_accept_and_decided_requests_stay_decided(personas, bpp_case):
    transfer = _request(personas, bpp_case)
    with pytest.raises(NotPermitted):
        transfer_accept(actor=personas["supervisor_bpp"].user, transfer=transfer)
    transfer_decline(
        actor=personas["supervisor_kalteng"].user, transfer=transfer, reason="Bukan wilayah kami"
    )
    with pytest.raises(TransferNotOpen):
        transfer_accept(actor=personas["supervisor_kalteng"].user, transfer=transfer)
    case = Case.objects.get(pk=bpp_case.pk)
    assert case.organisation.slug == "t-uptd-bpp"
    assert cases_visible_to(personas["caseworker_bpp"].user).filter(pk=case.pk).exists()


def test_decline_needs_a_reason(personas, bpp_case):
    transfer = _request(personas, bpp_case)
    with pytest.raises(ReasonRequired):
        transfer_decline(actor=personas["supervisor_kalteng"].user, transfer=transfer, reason="")
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.REQUESTED


def _transfer_steps(case: Case) -> list[tuple[str, str, str, int]]:
    return [
        (e["step"], e["obj"].from_organisation.slug, e["obj"].to_organisation.slug, e["actor"].pk)
        for e in case_timeline(case=case)
        if e["kind"] == "transfer"
    ]


def test_timeline_shows_the_request_and_the_acceptance(personas, bpp_case):
    sender, receiver = personas["supervisor_bpp"], personas["supervisor_kalteng"]
    transfer = _request(personas, bpp_case)
    assert _transfer_steps(bpp_case) == [
        ("requested", "t-uptd-bpp", "t-uptd-kalteng", sender.user.pk)
    ]
    transfer_accept(actor=receiver.user, transfer=transfer)
    case = Case.objects.get(pk=bpp_case.pk)
    # Newest first: the acceptance, then the request.
    assert _transfer_steps(case) == [
        ("accepted", "t-uptd-bpp", "t-uptd-kalteng", receiver.user.pk),
        ("requested", "t-uptd-bpp", "t-uptd-kalteng", sender.user.pk),
    ]
    page = receiver.client.get(f"/kasus/{case.public_id}/")
    assert page.status_code == 200
    text = page.content.decode()
    bpp, kalteng = transfer.from_organisation.name, transfer.to_organisation.name
    assert f"Pelimpahan diajukan dari {bpp} ke {kalteng}" in text
    assert "Korban pindah ke Palangka Raya" in text
    assert f"Pelimpahan dari {bpp} ke {kalteng} diterima" in text


def test_timeline_shows_declines_with_the_reason_and_cancellations(personas, bpp_case):
    declined = _request(personas, bpp_case)
    transfer_decline(
        actor=personas["supervisor_kalteng"].user, transfer=declined, reason="Bukan wilayah kami"
    )
    cancelled = _request(personas, bpp_case, reason="Coba lagi")
    transfer_cancel(actor=personas["supervisor_bpp"].user, transfer=cancelled)
    steps = [s[0] for s in _transfer_steps(bpp_case)]
    assert sorted(steps) == ["cancelled", "declined", "requested", "requested"]
    text = personas["caseworker_bpp"].client.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    bpp, kalteng = declined.from_organisation.name, declined.to_organisation.name
    assert f"Pelimpahan dari {bpp} ke {kalteng} ditolak — Bukan wilayah kami" in text
    assert f"Permintaan pelimpahan dari {bpp} ke {kalteng} dibatalkan" in text


def test_timeline_query_count_does_not_grow_with_transfers(
    personas, bpp_case, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = _request(personas, bpp_case)
    transfer_decline(actor=personas["supervisor_kalteng"].user, transfer=first, reason="Tidak")
    with CaptureQueriesContext(connection) as one:
        case_timeline(case=bpp_case)
    for _ in range(3):
        t = _request(personas, bpp_case)
        transfer_cancel(actor=personas["supervisor_bpp"].user, transfer=t)
    with django_assert_max_num_queries(len(one)):
        events = case_timeline(case=bpp_case)
    assert sum(e["kind"] == "transfer" for e in events) == 8
