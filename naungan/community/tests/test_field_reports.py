"""Activists' field reports: stored once through the report path with victim_consent; an
activist sees only the status of their own; a chair sees the group's counts, no content."""

from __future__ import annotations

from typing import Any

import pytest

from naungan.community.models import GroupRole
from naungan.community.services import MemberIn, membership_add
from naungan.orgs.models import Organisation
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db


def _file(persona: Any, body: dict[str, Any]) -> dict[str, Any]:
    response = persona.api("post", "/api/v1/reports", body)
    assert response.status_code == 201, response.content
    return response.json()  # type: ignore[no-any-return]


def test_activist_report_lands_once_in_the_intake_queue_with_consent(
    personas: Any, field_report_body: Any
) -> None:
    created = _file(personas["activist_bpp"], {**field_report_body, "victim_consent": True})
    report = Report.objects.get(public_id=created["id"])
    assert report.channel == "activist"
    assert report.victim_consent is True
    assert report.organisation is not None
    assert report.organisation.slug == "t-uptd-bpp"
    queue = personas["intake_bpp"].api("get", "/api/v1/reports").json()
    assert [item["id"] for item in queue["items"]] == [created["id"]]
    detail = personas["intake_bpp"].api("get", f"/api/v1/reports/{created['id']}").json()
    assert detail["victim_consent"] is True
    page = personas["intake_bpp"].client.get(f"/laporan/{created['id']}/").content.decode()
    assert "korban setuju dilaporkan" in page


def test_victim_consent_is_kept_for_the_activist_channel_only(
    personas: Any, field_report_body: Any
) -> None:
    created = _file(
        personas["intake_bpp"], {**field_report_body, "channel": "hotline", "victim_consent": True}
    )
    assert Report.objects.get(public_id=created["id"]).victim_consent is None


def test_second_activist_of_the_same_kelurahan_gets_404_on_the_first_ones_report(
    personas: Any, activist2: Any, field_report_body: Any
) -> None:
    created = _file(personas["activist_bpp"], field_report_body)
    assert activist2.user.area == personas["activist_bpp"].user.area
    theirs = activist2.api("get", f"/api/v1/reports/{created['id']}")
    missing = activist2.api("get", "/api/v1/reports/00000000-0000-4000-8000-000000000000")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()
    assert activist2.api("get", "/api/v1/reports").json()["count"] == 0
    page = activist2.client.get(f"/laporan/{created['id']}/")
    assert page.status_code == 404
    own = personas["activist_bpp"].api("get", f"/api/v1/reports/{created['id']}")
    assert own.status_code == 200


def test_activist_page_shows_own_report_status_and_not_the_case(
    personas: Any, activist2: Any, field_report_body: Any
) -> None:
    mine = _file(personas["activist_bpp"], field_report_body)
    other = _file(activist2, field_report_body)
    page = personas["activist_bpp"].client.get("/ppatbm/")
    assert page.status_code == 200
    text = page.content.decode()
    assert mine["tracking_code"] in text
    assert other["tracking_code"] not in text
    assert "Diterima" in text
    assert field_report_body["description"] not in text
    assert "/kasus/" not in text


def _chair_and_member(personas: Any, activist2: Any) -> Organisation:
    group = Organisation.objects.get(slug="t-ppatbm-bpp")
    sup = personas["supervisor_bpp"].user
    membership_add(
        actor=sup, group=group, member=MemberIn(user=personas["activist_bpp"].user, role="chair")
    )
    membership_add(
        actor=sup, group=group, member=MemberIn(user=activist2.user, role=GroupRole.MEMBER)
    )
    return group


def test_chair_sees_the_groups_counts_not_the_content(
    personas: Any, activist2: Any, field_report_body: Any
) -> None:
    _chair_and_member(personas, activist2)
    theirs = _file(activist2, field_report_body)
    _file(
        activist2, {**field_report_body, "description": "Seorang ibu diancam suaminya tiap hari."}
    )
    page = personas["activist_bpp"].client.get("/ppatbm/kelompok-saya/")
    text = page.content.decode()
    assert page.status_code == 200
    assert 'data-testid="count-received">2<' in text
    assert theirs["tracking_code"] not in text
    assert "diancam" not in text
    # The member (not the chair) sees no counts, and the chair still gets 404 on the report.
    assert "count-received" not in activist2.client.get("/ppatbm/kelompok-saya/").content.decode()
    chair_api = personas["activist_bpp"].api("get", f"/api/v1/reports/{theirs['id']}")
    assert chair_api.status_code == 404


def test_victim_consent_must_be_a_boolean(personas: Any, field_report_body: Any) -> None:
    response = personas["activist_bpp"].api(
        "post", "/api/v1/reports", {**field_report_body, "victim_consent": "mungkin"}
    )
    assert response.status_code == 422
    assert "victim_consent" in str(response.json())
    assert not Report.objects.exists()


def test_the_activists_report_form_asks_for_consent(personas: Any) -> None:
    client = personas["activist_bpp"].client
    page = client.get("/laporan/baru/")
    assert "Apakah korban setuju kasusnya dilaporkan?" in page.content.decode()
    assert (
        "victim_consent" not in personas["intake_bpp"].client.get("/laporan/baru/").content.decode()
    )
    response = client.post(
        "/laporan/baru/",
        {
            "kind": "complaint",
            "reporter_relation": "witness",
            "anonymous": "1",
            "violence_types": ["physical"],
            "description": "Anak di RT 5 sering dipukul ayahnya malam hari.",
            "kecamatan": "64.71.01",
            "kelurahan": "64.71.01.1001",
            "victim_consent": "1",
            "submission": "uji-persetujuan-1",
        },
    )
    assert response.status_code == 200, response.content
    report = Report.objects.get()
    assert report.channel == "activist"
    assert report.victim_consent is True
