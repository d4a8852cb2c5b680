from __future__ import annotations

from typing import Any

import pytest

from naungan.cases.tests.factories import assign, make_case
from naungan.orgs.models import Organisation
from naungan.orgs.services import org_create

SHELTER_ADDRESS = "Jl. Rahasia No. 7, RT 003"


@pytest.fixture
def shelter(orgs: Any) -> Organisation:
    """A shelter of Balikpapan with two beds and a confidential address."""
    org = org_create(
        actor=None,
        slug="t-rumah-aman-bpp",
        name="Rumah Aman Uji",
        kind="provider",
        area_code="64.71",
        services=["shelter"],
        capacity=2,
    )
    org.confidential_address = SHELTER_ADDRESS
    org.save()
    return org


def _case(personas: dict[str, Any], **kwargs: Any) -> Any:
    case = make_case(personas["intake_bpp"].user, **kwargs)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    return case


@pytest.fixture
def bpp_case(personas: dict[str, Any]) -> Any:
    """A physical-violence case of Balikpapan, led by the Balikpapan caseworker."""
    return _case(personas)


@pytest.fixture
def make_bpp_case(personas: dict[str, Any]) -> Any:
    return lambda **kwargs: _case(personas, **kwargs)
