"""Browser journey: a public report becomes a case at the intake desk."""

from __future__ import annotations

import json
import urllib.request

import pytest

from naungan.core.testing.browser import login
from naungan.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def _public_report(base: str) -> str:
    body = {
        "kind": "complaint",
        "reporter_relation": "witness",
        "anonymous": True,
        "violence_types": ["physical"],
        "description": "Tetangga saya dipukul suaminya hampir setiap malam.",
        "area_code": "64.71.02",
    }
    request = urllib.request.Request(  # noqa: S310 - loopback test server
        f"{base}/api/v1/public/reports",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 201
        return json.loads(response.read())["tracking_code"]


def test_intake_officer_converts_a_public_report_into_a_case(app_server, page):
    code = _public_report(app_server.url)
    login(page, app_server.url, "intake_bpp", DEMO_PASSWORD)
    page.wait_for_url(f"{app_server.url}/")
    page.goto(f"{app_server.url}/laporan/")
    page.get_by_role("link", name=code).first.click()
    page.get_by_test_id("convert").click()
    page.wait_for_url(f"{app_server.url}/kasus/**")
    assert page.locator("h1").inner_text().startswith("Kasus 64.71/")
    assert "Fisik" in page.locator("main").inner_text()
    # the report itself is now marked as converted
    page.go_back()
    page.reload()
    assert page.get_by_test_id("report-status").inner_text() == "Menjadi kasus"
