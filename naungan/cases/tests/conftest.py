from __future__ import annotations

from typing import Any

import pytest

from .factories import assign, make_case


@pytest.fixture
def bpp_case(personas: dict[str, Any]) -> Any:
    """A Balikpapan case made by intake and led by the Balikpapan caseworker."""
    case = make_case(personas["intake_bpp"].user, violence_types=["sexual"])
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    return case
