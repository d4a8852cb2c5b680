from __future__ import annotations

from typing import Any

import pytest

from naungan.cases.tests.factories import assign, make_case


@pytest.fixture
def bpp_case(personas: dict[str, Any]) -> Any:
    """An adult victim's case of Balikpapan, led by the Balikpapan caseworker."""
    case = make_case(
        personas["intake_bpp"].user,
        victims=[{"name": "Rina", "age": 32, "sex": "F"}],
        perpetrators=[{"relationship": "intimate_partner", "age": 40, "sex": "M"}],
    )
    return assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)


def dash(yes: int, dont_know: int = 0) -> dict[str, str]:
    """DASH answers: the first ``yes`` questions yes, the next ``dont_know`` don't know, the
    rest no."""
    out = {}
    for i in range(1, 25):
        if i <= yes:
            out[f"q{i}"] = "yes"
        elif i <= yes + dont_know:
            out[f"q{i}"] = "dont_know"
        else:
            out[f"q{i}"] = "no"
    return out
