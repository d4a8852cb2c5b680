"""The incident pages: the six GBVIMS questions in order and each required, correcting an
incident and withdrawing it with a reason."""

from __future__ import annotations

import re

import pytest

from naungan.cases import services
from naungan.cases.classification import QUESTION_KEYS
from naungan.cases.models import Incident

from .factories import answers


def _form(case, **answers_given):
    survivor = case.parties.get(role="victim").person.public_id
    data = {
        "survivor": str(survivor),
        "survivor_age": "14",
        "abduction": "none",
        "harmful_traditional_practice": "no",
        "reporting_consent": "on",
        "narrative": "Kejadian di rumah paman.",
    }
    return data | {f"q_{k}": v for k, v in answers_given.items()}


ALL_NO = dict.fromkeys(QUESTION_KEYS, "no")


def test_incident_form_asks_six_questions_in_order_and_records(personas, bpp_case):
    client = personas["caseworker_bpp"].client
    url = f"/kasus/{bpp_case.public_id}/insiden/baru/"
    body = client.get(url).content.decode()
    assert body.count('data-testid="question"') == 6
    assert body.index("penetrasi") < body.index("kontak seksual") < body.index("kekerasan fisik")
    assert " checked" not in body  # no answer is chosen for the user
    r = client.post(url, _form(bpp_case, **ALL_NO | {"sexual_contact": "yes"}))
    assert r.status_code == 302
    incident = Incident.objects.get(case=bpp_case)
    assert incident.gbv_type == "sexual_assault"
    assert incident.context_flags == ["CSA"]


def test_no_answer_at_all_is_refused_with_the_six_questions_marked(personas, bpp_case):
    # Issue 11: this saved "Bukan KBG" with a green message on a sexual-violence case.
    client = personas["caseworker_bpp"].client
    r = client.post(f"/kasus/{bpp_case.public_id}/insiden/baru/", _form(bpp_case))
    assert r.status_code == 422
    assert not Incident.objects.filter(case=bpp_case).exists()
    body = r.content.decode()
    assert body.count('data-testid="question-error"') == 6
    assert 'data-testid="form-errors"' in body
    for number in range(1, 7):
        assert f"Pertanyaan {number}</a>" in body  # summarised at the top, with links
    assert body.count('aria-invalid="true"') == 12  # two radios per question
    # What was typed is kept.
    assert 'value="14"' in body
    assert "Kejadian di rumah paman." in body
    assert "Insiden dicatat" not in body


@pytest.mark.parametrize("missing", QUESTION_KEYS)
def test_one_missing_answer_is_refused_naming_that_question(personas, bpp_case, missing):
    given = ALL_NO | {"physical_assault": "yes"}
    del given[missing]
    r = personas["supervisor_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/insiden/baru/", _form(bpp_case, **given)
    )
    assert r.status_code == 422
    body = r.content.decode()
    assert body.count('data-testid="question-error"') == 1
    assert f'id="id_q_{missing}-error"' in body
    # The other answers stay chosen.
    assert body.count(" checked") == 5 + 1  # five answers and the consent box
    assert not Incident.objects.filter(case=bpp_case).exists()


def _incident(personas, case, *yes, **kw):
    return services.incident_record(
        actor=personas["caseworker_bpp"].user, case=case, answers=answers(*yes), **kw
    )


def test_correction_page_shows_the_answers_and_recomputes(personas, bpp_case):
    incident = _incident(personas, bpp_case, "physical_assault", survivor_age=30)
    client = personas["caseworker_bpp"].client
    url = f"/kasus/{bpp_case.public_id}/insiden/{incident.public_id}/ubah/"
    body = client.get(url).content.decode()
    assert "Koreksi insiden" in body
    assert re.search(r'value="yes" checked[^>]*>\s*<label[^>]*for="id_q_physical_assault_0"', body)
    assert 'value="30"' in body
    data = _form(bpp_case, **ALL_NO | {"penetration": "yes"}) | {"correction_reason": "Hasil visum"}
    r = client.post(url, data)
    assert r.status_code == 302
    incident.refresh_from_db()
    assert incident.gbv_type == "rape"
    assert incident.context_flags == ["CSA"]
    assert [e["gbv_type"] for e in incident.answer_trace] == ["physical_assault", "rape"]
    page = client.get(r["Location"]).content.decode()
    assert "Insiden dikoreksi: Perkosaan." in page


def test_correction_without_answers_is_refused_and_changes_nothing(personas, bpp_case):
    incident = _incident(personas, bpp_case, "physical_assault")
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/insiden/{incident.public_id}/ubah/", _form(bpp_case)
    )
    assert r.status_code == 422
    assert r.content.decode().count('data-testid="question-error"') == 6
    incident.refresh_from_db()
    assert incident.gbv_type == "physical_assault"


def test_withdraw_page_asks_for_a_reason_then_strikes_the_incident(personas, bpp_case):
    incident = _incident(personas, bpp_case, "forced_marriage")
    client = personas["caseworker_bpp"].client
    url = f"/kasus/{bpp_case.public_id}/insiden/{incident.public_id}/tarik/"
    page = client.get(url).content.decode()
    assert "tidak dicetak dalam ringkasan kasus" in page
    r = client.post(url, {"reason": ""})
    assert r.status_code == 422
    assert "Tulis alasan penarikan insiden." in r.content.decode()
    incident.refresh_from_db()
    assert not incident.withdrawn
    r = client.post(url, {"reason": "Tercatat pada kasus kakaknya"})
    assert r.status_code == 302
    incident.refresh_from_db()
    assert incident.withdrawn
    detail = client.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    assert 'data-testid="incident-withdrawn"' in detail
    assert "ditarik" in detail
    assert "Tercatat pada kasus kakaknya" in detail
    assert 'data-testid="incident"' not in detail
    assert "Insiden ditarik: Perkawinan paksa — Tercatat pada kasus kakaknya" in detail  # timeline
    # No more correcting or withdrawing it.
    again = client.post(url, {"reason": "lagi"})
    assert again.status_code == 302
    edit = client.get(f"/kasus/{bpp_case.public_id}/insiden/{incident.public_id}/ubah/")
    assert edit.status_code == 302


def test_readers_who_do_not_write_do_not_see_a_withdrawn_incident(personas, bpp_case):
    incident = _incident(personas, bpp_case, "forced_marriage")
    services.incident_withdraw(
        actor=personas["caseworker_bpp"].user, incident=incident, reason="Salah kasus"
    )
    page = personas["intake_bpp"].client.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    assert 'data-testid="incident-withdrawn"' not in page
    assert "Belum ada insiden" in page


@pytest.mark.parametrize("who", ["caseworker_kalteng", "supervisor_kalteng", "intake_bpp"])
def test_correct_and_withdraw_pages_are_404_outside_the_writers(personas, bpp_case, who):
    incident = _incident(personas, bpp_case, "physical_assault")
    base = f"/kasus/{bpp_case.public_id}/insiden/{incident.public_id}"
    client = personas[who].client
    assert client.get(f"{base}/ubah/").status_code == 404
    assert client.post(f"{base}/tarik/", {"reason": "salah"}).status_code == 404
    incident.refresh_from_db()
    assert not incident.withdrawn
