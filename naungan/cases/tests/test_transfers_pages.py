"""Transfer pages: request from the case page, the receiver's list and limited view, decisions."""

from __future__ import annotations

from typing import Any

import pytest

from naungan.cases.models import Case, CaseTransfer, TransferStatus
from naungan.cases.services.transfers import (
    transfer_request,
)
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


def test_request_from_the_case_page(personas, bpp_case):
    client = personas["supervisor_bpp"].client
    page = client.get(f"/kasus/{bpp_case.public_id}/")
    assert 'data-testid="transfer-form"' in page.content.decode()
    org = _kalteng_unit()
    response = client.post(
        f"/kasus/{bpp_case.public_id}/limpahkan/",
        {"to_organisation": org.pk, "reason": "Korban pindah"},
    )
    assert response.status_code == 302
    assert CaseTransfer.objects.filter(case=bpp_case, to_organisation=org).exists()


def test_other_area_cannot_request_on_a_case_it_does_not_see(personas, bpp_case):
    response = personas["supervisor_kalteng"].client.post(
        f"/kasus/{bpp_case.public_id}/limpahkan/",
        {"to_organisation": _kalteng_unit().pk, "reason": "x"},
    )
    assert response.status_code == 404
    assert not CaseTransfer.objects.exists()


def test_incoming_list_home_and_summary_show_the_request_not_the_content(personas, bpp_case):
    transfer = _request(personas, bpp_case)
    client = personas["supervisor_kalteng"].client
    listing = client.get("/kasus/pelimpahan/").content.decode()
    assert bpp_case.registration_number in listing
    home = client.get("/").content.decode()
    assert 'data-testid="home-transfers"' in home
    detail = client.get(f"/kasus/pelimpahan/{transfer.public_id}/")
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "Korban pindah ke Palangka Raya" in text
    assert "Seksual" in text  # the label, not the code
    assert "Kronologi uji" not in text  # the case description
    assert "Siti" not in text  # the victim's name
    assert 'data-testid="transfer-accept"' in text


def test_transfer_pages_are_404_for_others(personas, bpp_case):
    transfer = _request(personas, bpp_case)
    for key in ("caseworker_kalteng", "intake_kalteng", "admin_bpp", "caseworker_bpp"):
        client = personas[key].client
        assert client.get(f"/kasus/pelimpahan/{transfer.public_id}/").status_code == 404, key
        assert client.get("/kasus/pelimpahan/").status_code == 404, key
        assert client.post(f"/kasus/pelimpahan/{transfer.public_id}/terima/").status_code == 404, (
            key
        )
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.REQUESTED


def test_accept_and_decline_through_the_pages(personas, bpp_case, make_user):
    transfer = _request(personas, bpp_case)
    client = personas["supervisor_kalteng"].client
    response = client.post(f"/kasus/pelimpahan/{transfer.public_id}/terima/")
    assert response.status_code == 302
    assert response["Location"] == f"/kasus/{bpp_case.public_id}/"
    assert client.get(response["Location"]).status_code == 200
    # Back again, and declined this time.
    back = transfer_request(
        actor=personas["supervisor_kalteng"].user,
        case=Case.objects.get(pk=bpp_case.pk),
        to_organisation=Organisation.objects.get(slug="t-uptd-bpp"),
        reason="Kembali",
    )
    response = personas["supervisor_bpp"].client.post(
        f"/kasus/pelimpahan/{back.public_id}/tolak/", {"reason": "Tetap di Kalteng"}
    )
    assert response.status_code == 302
    back.refresh_from_db()
    assert back.status == TransferStatus.DECLINED
    assert back.decline_reason == "Tetap di Kalteng"
