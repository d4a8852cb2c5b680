"""Accompaniment briefs: the activist sees only the brief and logs; nothing else of the case."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.cases.tests.factories import assign, make_case
from naungan.community.exceptions import BriefClosed, NotFound
from naungan.community.models import AccompanimentBrief
from naungan.community.services import LogInput, brief_close, brief_create, brief_log

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(personas: Any) -> Any:
    case = make_case(personas["intake_bpp"].user)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    return case


def test_caseworker_names_an_activist_who_sees_the_brief_only(
    personas: Any, case: Any, activist2: Any
) -> None:
    cw = personas["caseworker_bpp"]
    response = cw.client.post(
        f"/kasus/{case.public_id}/pendamping-aktivis/",
        {
            "activist": personas["activist_bpp"].user.pk,
            "brief": "Ibu R perlu ditemani ke Polres untuk laporan polisi.",
            "task": "Temani ke Polres Balikpapan hari Senin pukul 09.00.",
        },
    )
    assert response.status_code == 302, response.content
    brief = AccompanimentBrief.objects.get()
    activist = personas["activist_bpp"]
    home = activist.client.get("/ppatbm/").content.decode()
    assert "Temani ke Polres" in home
    page = activist.client.get(f"/ppatbm/pendampingan/{brief.public_id}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Ibu R perlu ditemani" in text
    assert case.registration_number not in text
    assert case.description not in text
    # Nothing else of the case: the case page and API answer 404.
    assert activist.client.get(f"/kasus/{case.public_id}/").status_code == 404
    assert activist.api("get", f"/api/v1/cases/{case.public_id}").status_code == 404
    # Another activist of the same kelurahan: 404, as a missing brief.
    assert activist2.client.get(f"/ppatbm/pendampingan/{brief.public_id}/").status_code == 404
    # The activist logs what they did; the case page shows it.
    log = activist.client.post(
        f"/ppatbm/pendampingan/{brief.public_id}/",
        {
            "done_on": timezone.localdate().isoformat(),
            "place": "Polres Balikpapan",
            "with_whom": "Ibu R dan kakaknya",
            "what_happened": "Laporan polisi dibuat, nomor LP dicatat pendamping.",
        },
    )
    assert log.status_code == 302
    case_page = cw.client.get(f"/kasus/{case.public_id}/").content.decode()
    assert "Laporan polisi dibuat" in case_page


def test_a_withdrawn_brief_disappears_and_a_done_one_takes_no_more_logs(
    personas: Any, case: Any
) -> None:
    cw = personas["caseworker_bpp"].user
    activist = personas["activist_bpp"]
    brief = brief_create(actor=cw, case=case, activist=activist.user, brief="Ringkas", task="Tugas")
    brief_close(actor=cw, brief=brief, status="done")
    with pytest.raises(BriefClosed):
        brief_log(
            actor=activist.user,
            brief=brief,
            data=LogInput(done_on=timezone.localdate(), place="Polres", what_happened="Selesai"),
        )
    other = brief_create(actor=cw, case=case, activist=activist.user, brief="B", task="T")
    brief_close(actor=cw, brief=other, status="withdrawn")
    assert activist.client.get(f"/ppatbm/pendampingan/{other.public_id}/").status_code == 404


def test_only_the_cases_writers_name_a_companion(personas: Any, case: Any) -> None:
    for who in ("caseworker_kalteng", "intake_bpp", "activist_bpp"):
        with pytest.raises(NotFound):
            brief_create(
                actor=personas[who].user,
                case=case,
                activist=personas["activist_bpp"].user,
                brief="x",
                task="y",
            )
    with pytest.raises(ValidationError) as exc:
        brief_create(
            actor=personas["caseworker_bpp"].user,
            case=case,
            activist=personas["activist_kalteng"].user,
            brief="x",
            task="y",
        )
    assert "activist" in exc.value.message_dict
