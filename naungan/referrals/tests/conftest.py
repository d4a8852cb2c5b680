from __future__ import annotations

from typing import Any

import pytest

from naungan.cases.tests.factories import assign, make_case
from naungan.orgs.models import Organisation
from naungan.orgs.services import org_create
from naungan.referrals.services import ConsentIn, referral_create

PHONE = "081234567890"
ADDRESS = "Jl. Melati No. 3"


@pytest.fixture
def posbakum(orgs: Any) -> Organisation:
    """The test Posbakum of Balikpapan (legal aid; the provider persona's organisation),
    asking for an SKTM or a PKH card."""
    org = orgs["bpp"]["t-posbakum-bpp"]
    org.eligibility_documents = ["sktm", "pkh"]
    org.save()
    return org


@pytest.fixture
def police(orgs: Any) -> Organisation:
    return org_create(
        actor=None,
        slug="t-polres-bpp",
        name="Unit PPA Polresta (uji)",
        kind="provider",
        provider_type="police",
        area_code="64.71",
        services=["law_enforcement"],
    )


def _case(personas: dict[str, Any], **kwargs: Any) -> Any:
    kwargs.setdefault(
        "victims", [{"name": "Rina", "age": 30, "sex": "F", "phone": PHONE, "address": ADDRESS}]
    )
    case = make_case(personas["intake_bpp"].user, **kwargs)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    return case


@pytest.fixture
def adult_case(personas: dict[str, Any]) -> Any:
    """A Balikpapan case of an adult victim with a phone and an address, led by the
    Balikpapan caseworker."""
    return _case(personas)


@pytest.fixture
def make_bpp_case(personas: dict[str, Any]) -> Any:
    return lambda **kwargs: _case(personas, **kwargs)


@pytest.fixture
def refer(personas: dict[str, Any], posbakum: Organisation) -> Any:
    """Refer a case to Posbakum for legal aid as the caseworker, consent to ``data``."""

    def make(case: Any, data: list[str] | None = None, **kwargs: Any) -> Any:
        return referral_create(
            actor=kwargs.pop("actor", personas["caseworker_bpp"].user),
            case=case,
            organisation=kwargs.pop("organisation", posbakum),
            service_type=kwargs.pop("service_type", "legal_aid"),
            consent=kwargs.pop(
                "consent", ConsentIn(given_by="victim", data=data or ["identity", "narrative"])
            ),
            **kwargs,
        )

    return make
