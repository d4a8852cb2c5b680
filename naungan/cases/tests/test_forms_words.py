"""The assign, plan, transfer and bulk-assign forms (issue 11): an Indonesian empty choice, set
once for every select, and people by name in the lists of staff."""

from __future__ import annotations

import re

import pytest

from naungan.accounts.models import User

from .factories import assign, make_case

pytestmark = pytest.mark.django_db
EMPTY = re.compile(r'<option value=""(?: selected)?>— Pilih —</option>')


@pytest.fixture
def page_of(personas):
    User.objects.filter(pk=personas["caseworker_bpp"].user.pk).update(
        first_name="Dewi", last_name="Sartika"
    )
    case = make_case(personas["intake_bpp"].user)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    client = personas["supervisor_bpp"].client
    return {
        "assign and transfer": client.get(f"/kasus/{case.public_id}/"),
        "plan": client.get(f"/kasus/{case.public_id}/rencana/"),
        "bulk assign": client.get("/kasus/tugaskan-massal/"),
    }


@pytest.mark.parametrize("form", ["assign and transfer", "plan", "bulk assign"])
def test_the_form_offers_an_indonesian_empty_choice_and_names(page_of, form):
    response = page_of[form]
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select an option" not in html
    assert EMPTY.search(html)
    assert ">Dewi Sartika</option>" in html
    assert ">caseworker_bpp</option>" not in html


def test_the_case_page_has_both_the_assign_and_the_transfer_select(page_of):
    html = page_of["assign and transfer"].content.decode()
    assert 'data-testid="assign-form"' in html
    assert len(EMPTY.findall(html)) >= 2
