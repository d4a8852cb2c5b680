from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from naungan.orgs.models import Organisation
from naungan.training import services
from naungan.training.models import Training


def new_training(personas: dict[str, Any], **overrides: Any) -> services.TrainingIn:
    """The input of a Balikpapan dinas training with the caseworker and the activist."""
    data: dict[str, Any] = {
        "title": "Pendampingan KDRT",
        "organiser": Organisation.objects.get(slug="t-dinas-bpp"),
        "starts_on": date(2026, 3, 2),
        "ends_on": date(2026, 3, 3),
        "place": "Aula DP3AKB",
        "resource_persons": "Densus 88",
        "pass_mark": 70,
        "competencies": [
            services.CompetencyIn("kdrt_risk_assessment", 24),
            services.CompetencyIn("lpsk_legal_protection", None),
        ],
        "participants": [personas["caseworker_bpp"].user, personas["activist_bpp"].user],
    }
    data.update(overrides)
    return services.TrainingIn(**data)


@pytest.fixture
def training(personas: dict[str, Any]) -> Training:
    return services.training_create(
        actor=personas["supervisor_bpp"].user, data=new_training(personas)
    )


def results(training: Training, **scores: tuple[bool, int | None, int | None]) -> list[Any]:
    """``caseworker_bpp=(True, 50, 90)``: attended, pre, post per username."""
    by_name = {p.user.username: p for p in training.participants.select_related("user")}
    return [
        services.ResultIn(participant=by_name[who], attended=a, pre_score=pre, post_score=post)
        for who, (a, pre, post) in scores.items()
    ]
