from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from conftest import Persona, build_user

KELURAHAN = "64.71.01.1001"  # Manggar, Balikpapan Timur: the test PPATBM group's kelurahan


@pytest.fixture
def activist2(personas: dict[str, Persona]) -> Persona:
    """A second activist of the same kelurahan and group as ``activist_bpp``."""
    return Persona(build_user("activist", "bpp", username="activist2_bpp"))


@pytest.fixture
def activity_body() -> dict[str, Any]:
    return {
        "kind": "parenting",
        "held_on": (timezone.localdate() - dt.timedelta(days=2)).isoformat(),
        "area_code": KELURAHAN,
        "rt": "005",
        "topic": "Pengasuhan tanpa kekerasan",
        "attendance": {"women": 12, "men": 4, "girls": 3, "boys": 2},
    }


@pytest.fixture
def field_report_body() -> dict[str, Any]:
    return {
        "kind": "complaint",
        "reporter_relation": "witness",
        "anonymous": True,
        "victim": {"age": 9, "sex": "F"},
        "violence_types": ["physical"],
        "description": "Anak tetangga sering dipukul ayahnya, terdengar tiap malam.",
        "area_code": KELURAHAN,
        "channel": "activist",
        "victim_consent": False,
    }
