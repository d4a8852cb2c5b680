"""The staff report pages are guarded by the one access decorator with the named role sets
(``REPORT_TAKERS``): a role outside the set gets the 404 page, a visitor the login page, the
same rule as the API's answer for ``POST /api/v1/reports``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from naungan.accounts.roles import REPORT_TAKERS

pytestmark = pytest.mark.django_db

OUTSIDE = ["caseworker_bpp", "provider_bpp", "analyst_bpp", "admin_bpp"]


@pytest.mark.parametrize("path", ["/laporan/", "/laporan/baru/"])
@pytest.mark.parametrize("who", OUTSIDE)
def test_a_role_outside_the_report_takers_gets_the_404_page(
    personas: Any, path: str, who: str
) -> None:
    assert personas[who].client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/laporan/", "/laporan/baru/"])
@pytest.mark.parametrize("who", ["intake_bpp", "supervisor_bpp", "activist_bpp"])
def test_report_takers_reach_the_pages(personas: Any, path: str, who: str) -> None:
    assert personas[who].user.role in REPORT_TAKERS
    assert personas[who].client.get(path).status_code == 200


def test_a_visitor_is_sent_to_the_login_page() -> None:
    response = Client().get("/laporan/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", OUTSIDE)
def test_the_api_answers_a_role_outside_the_set_with_the_standard_404(
    personas: Any, report_body: dict[str, Any], who: str
) -> None:
    response = Client().post(
        "/api/v1/reports",
        data=json.dumps({**report_body, "channel": "hotline"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {personas[who].token}",
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
