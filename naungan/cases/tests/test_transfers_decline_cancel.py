"""A transfer request declined by the receiving unit or cancelled by the sender, through the
pages and the API: the request is closed, the case stays where it was."""

from __future__ import annotations

from typing import Any

import pytest

from naungan.cases.models import Case, CaseTransfer, TransferStatus
from naungan.cases.services.transfers import transfer_request
from naungan.orgs.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def transfer(personas: dict[str, Any], bpp_case: Case) -> CaseTransfer:
    return transfer_request(
        actor=personas["supervisor_bpp"].user,
        case=bpp_case,
        to_organisation=Organisation.objects.get(slug="t-uptd-kalteng"),
        reason="Korban pindah ke Palangka Raya",
    )


def _unchanged(case: Case) -> None:
    case.refresh_from_db()
    assert case.organisation.slug == "t-uptd-bpp"
    assert case.area.code == "64.71.01"


def test_receiving_supervisor_declines_on_the_page_with_a_reason(personas, transfer):
    url = f"/kasus/pelimpahan/{transfer.public_id}/"
    response = personas["supervisor_kalteng"].client.post(url + "tolak/", {"reason": "Penuh"})
    assert response.status_code == 302
    assert response["Location"] == url
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.DECLINED
    assert transfer.decline_reason == "Penuh"
    assert transfer.decided_by == personas["supervisor_kalteng"].user
    assert transfer.decided_at is not None
    _unchanged(transfer.case)


def test_a_decline_without_reason_leaves_the_request_open(personas, transfer):
    url = f"/kasus/pelimpahan/{transfer.public_id}/tolak/"
    personas["supervisor_kalteng"].client.post(url, {"reason": ""})
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.REQUESTED
    body = personas["supervisor_kalteng"].api(
        "post", f"/api/v1/cases/transfers/{transfer.public_id}/decline", {"reason": " "}
    )
    assert body.status_code == 422
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.REQUESTED


def test_receiving_supervisor_declines_through_the_api(personas, transfer):
    response = personas["supervisor_kalteng"].api(
        "post", f"/api/v1/cases/transfers/{transfer.public_id}/decline", {"reason": "Penuh"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert response.json()["decline_reason"] == "Penuh"
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.DECLINED
    _unchanged(transfer.case)


def test_sending_supervisor_cancels_on_the_page(personas, transfer):
    url = f"/kasus/pelimpahan/{transfer.public_id}/"
    response = personas["supervisor_bpp"].client.post(url + "batalkan/")
    assert response.status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.CANCELLED
    _unchanged(transfer.case)
    # The receiver can no longer accept it.
    personas["supervisor_kalteng"].client.post(url + "terima/")
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.CANCELLED
    _unchanged(transfer.case)


def test_sending_supervisor_cancels_through_the_api(personas, transfer):
    response = personas["supervisor_bpp"].api(
        "post", f"/api/v1/cases/transfers/{transfer.public_id}/cancel"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.CANCELLED
    again = personas["supervisor_bpp"].api(
        "post", f"/api/v1/cases/transfers/{transfer.public_id}/cancel"
    )
    assert again.status_code == 409
