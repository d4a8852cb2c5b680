"""The access decorator refuses every role outside a page's or endpoint's role set with the
404 of a missing record, in HTML and in the API alike; anonymous visitors of a page go to the
login page."""

from __future__ import annotations

from typing import Any

import pytest

from naungan.accounts.models import Role
from naungan.accounts.roles import CASE_CREATORS, CASE_ROLES, SUPERVISORS

PAGES = [
    ("/kasus/", CASE_ROLES),
    ("/kasus/baru/", CASE_CREATORS),
    ("/kasus/saringan/", CASE_ROLES),
    ("/kasus/pelimpahan/", SUPERVISORS),
    ("/kasus/beban-kerja/", SUPERVISORS),
    ("/kasus/tugaskan-massal/", SUPERVISORS),
    ("/kasus/ekspor/", SUPERVISORS),
]
ENDPOINTS = [
    ("/api/v1/cases", CASE_ROLES),
    ("/api/v1/cases/matches?nik=6471010101010002", CASE_ROLES),
    ("/api/v1/cases/saved-filters", CASE_ROLES),
    ("/api/v1/cases/transfers", SUPERVISORS),
    ("/api/v1/cases/caseload", SUPERVISORS),
]


@pytest.mark.parametrize("role", Role.values)
def test_case_pages_answer_404_to_every_role_outside_their_set(personas, role):
    who = personas[f"{role}_bpp"]
    for path, roles in PAGES:
        status = who.client.get(path).status_code
        if role in roles:
            assert status == 200, (path, role)
        else:
            assert status == 404, (path, role)


@pytest.mark.parametrize("role", Role.values)
def test_case_endpoints_answer_the_404_of_a_missing_record_to_every_role_outside_their_set(
    personas, role
):
    who = personas[f"{role}_bpp"]
    for path, roles in ENDPOINTS:
        r = who.api("get", path)
        if role in roles:
            assert r.status_code == 200, (path, role)
        else:
            assert (r.status_code, r.json()) == (404, {"detail": "Not Found"}), (path, role)


def test_anonymous_visitors_of_case_pages_go_to_the_login_page(client, db):
    for path, _roles in PAGES:
        r: Any = client.get(path)
        assert r.status_code == 302
        assert "/accounts/login/" in r["Location"]
