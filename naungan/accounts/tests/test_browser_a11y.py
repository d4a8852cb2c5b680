"""Accessibility of the staff pages, checked by axe-core in chromium."""

from __future__ import annotations

import pytest

from naungan.core.testing.browser import axe_violations, login
from naungan.demo.seed import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_login_page_has_no_serious_accessibility_violations(app_server, axe_page):
    axe_page.goto(f"{app_server.url}/accounts/login/")
    assert axe_violations(axe_page) == []


def test_work_queue_has_no_serious_accessibility_violations(app_server, axe_page):
    login(axe_page, app_server.url, "intake_kalteng", DEMO_PASSWORD)
    axe_page.wait_for_url(f"{app_server.url}/")
    assert axe_violations(axe_page) == []
