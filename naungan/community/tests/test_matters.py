"""Micro matters at RT level: handled locally, or also reported; sexual violence only reported."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from naungan.community.models import MicroMatter
from naungan.community.services import MatterInput, micro_matter_record
from naungan.reports.models import Report

from .conftest import KELURAHAN

pytestmark = pytest.mark.django_db


def _matter(**kwargs: Any) -> MatterInput:
    return MatterInput(
        area_code=KELURAHAN,
        handled_on=timezone.localdate(),
        summary="Dua keluarga bertengkar soal batas pagar, didamaikan ketua RT.",
        rt="3",
        **kwargs,
    )


def test_a_micro_matter_without_violence_is_handled_locally(personas: Any) -> None:
    matter = micro_matter_record(actor=personas["activist_bpp"].user, data=_matter())
    assert matter.outcome == "handled_locally"
    assert matter.report is None
    assert not Report.objects.exists()


def test_violence_against_a_child_is_reported_as_well(personas: Any) -> None:
    matter = micro_matter_record(
        actor=personas["activist_bpp"].user,
        data=_matter(
            violence_against_woman_or_child=True, violence_types=["physical"], victim_age=8
        ),
    )
    assert matter.outcome == "handled_and_reported"
    assert matter.report is not None
    assert matter.report.channel == "activist"
    queue = personas["intake_bpp"].api("get", "/api/v1/reports").json()
    assert queue["count"] == 1


def test_sexual_violence_is_never_settled_locally(personas: Any) -> None:
    matter = micro_matter_record(
        actor=personas["activist_bpp"].user,
        data=_matter(sexual_violence=True, handled_locally=True, victim_age=14, victim_sex="F"),
    )
    assert matter.outcome == "reported"
    assert matter.report is not None
    assert "sexual" in matter.report.violence_types


def test_the_form_says_the_rule_and_routes_sexual_violence(personas: Any) -> None:
    client = personas["activist_bpp"].client
    page = client.get("/ppatbm/masalah-rt/baru/")
    assert "UU TPKS Pasal 23" in page.content.decode()
    response = client.post(
        "/ppatbm/masalah-rt/baru/",
        {
            "handled_on": timezone.localdate().isoformat(),
            "area_code": KELURAHAN,
            "summary": "Anak perempuan dilecehkan tetangga, keluarga ingin damai.",
            "handled_locally": "on",
            "sexual_violence": "on",
        },
    )
    assert response.status_code == 302
    matter = MicroMatter.objects.get()
    assert matter.outcome == "reported"
    assert Report.objects.get().created_by == personas["activist_bpp"].user
