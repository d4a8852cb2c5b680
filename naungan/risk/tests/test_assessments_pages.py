"""The risk pages: the assessment form (yes / no / don't know), the result with band and
reasons, the judgement form, the banner on the case page, conferences, safety plans."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from naungan.cases.models import Task
from naungan.core.models import AuditEvent
from naungan.risk.models import Conference, RiskAssessment, SafetyPlan

from .conftest import dash


def _assess_url(case, instrument="dash"):
    return reverse("risk:assess", args=[case.public_id]) + f"?instrumen={instrument}"


def _form(answers, **extra):
    return {"instrumen": "dash", **answers, **extra}


def test_form_lists_24_questions_with_three_answers(bpp_case, personas):
    r = personas["caseworker_bpp"].client.get(_assess_url(bpp_case))
    assert r.status_code == 200
    html = r.content.decode()
    assert html.count('type="radio"') == 24 * 3
    assert "Tidak tahu" in html
    assert 'name="q24"' in html


def test_da_form_has_20_items(bpp_case, personas):
    r = personas["caseworker_bpp"].client.get(_assess_url(bpp_case, "da"))
    assert r.content.decode().count('type="radio"') == 20 * 3


def test_unknown_instrument_page_is_404(bpp_case, personas):
    assert personas["caseworker_bpp"].client.get(_assess_url(bpp_case, "x")).status_code == 404


def test_high_result_page_banner_and_supervisor_task(bpp_case, personas):
    c = personas["caseworker_bpp"].client
    r = c.post(reverse("risk:assess", args=[bpp_case.public_id]), _form(dash(14)))
    assert r.status_code == 302, r.content.decode()[:2000]
    a = RiskAssessment.objects.get()
    r = c.get(r["Location"])
    html = r.content.decode()
    assert "14 dari 24" in html
    assert "Tinggi" in html
    assert "Rujuk ke rapat koordinasi lintas sektor" in html
    assert "Skor mencapai ambang risiko tinggi" in html
    assert 'data-testid="supervisor-task"' in html
    case_page = c.get(reverse("cases:detail", args=[bpp_case.public_id])).content.decode()
    assert 'data-testid="risk-banner"' in case_page
    assert str(a.public_id) in case_page


def test_standard_result_has_no_banner(bpp_case, personas):
    c = personas["caseworker_bpp"].client
    c.post(reverse("risk:assess", args=[bpp_case.public_id]), _form(dash(9)))
    case_page = c.get(reverse("cases:detail", args=[bpp_case.public_id])).content.decode()
    assert 'data-testid="risk-banner"' not in case_page
    assert 'data-testid="case-risk"' in case_page


def test_bad_judgement_shows_the_form_again_with_answers_kept(bpp_case, personas):
    c = personas["caseworker_bpp"].client
    r = c.post(
        reverse("risk:assess", args=[bpp_case.public_id]),
        _form(dash(15), professional_judgement="medium", judgement_reason="Menurut saya"),
    )
    assert r.status_code == 422
    html = r.content.decode()
    assert "hanya dapat menaikkan" in html
    assert 'value="yes" class="form-check-input" id="id_q15_0" checked' in html or (
        html.count("checked") >= 24
    )
    assert not RiskAssessment.objects.exists()
    assert AuditEvent.objects.get(action="denied").reason == "judgement_below_score"


def test_future_assessed_at_on_the_form_is_refused(bpp_case, personas):
    later = (timezone.localtime(timezone.now()) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    r = personas["caseworker_bpp"].client.post(
        reverse("risk:assess", args=[bpp_case.public_id]), _form({}, assessed_at=later)
    )
    assert r.status_code == 422
    assert "masa depan" in r.content.decode()


def test_judgement_page_makes_a_new_assessment(bpp_case, personas):
    c = personas["caseworker_bpp"].client
    c.post(reverse("risk:assess", args=[bpp_case.public_id]), _form(dash(3)))
    a = RiskAssessment.objects.get()
    url = reverse("risk:judge", args=[bpp_case.public_id, a.public_id])
    r = c.post(url, {"professional_judgement": "high", "judgement_reason": ""})
    assert r.status_code == 422
    assert "alasan" in r.content.decode()
    r = c.post(url, {"professional_judgement": "high", "judgement_reason": "Ancaman baru"})
    assert r.status_code == 302
    assert RiskAssessment.objects.count() == 2
    new = RiskAssessment.objects.exclude(pk=a.pk).get()
    assert (new.level, new.revises) == ("high", a)


def test_risk_page_shows_a_chart_and_table(bpp_case, personas):
    c = personas["caseworker_bpp"].client
    for yes in (4, 11, 15):
        c.post(reverse("risk:assess", args=[bpp_case.public_id]), _form(dash(yes)))
    r = personas["intake_bpp"].client.get(reverse("risk:case_risk", args=[bpp_case.public_id]))
    html = r.content.decode()
    assert r.status_code == 200
    assert "<svg" in html
    assert "<title" in html
    assert "15/24 Tinggi" in html
    assert "4/24 Standar" in html
    wide = html.split('data-testid="risk-chart"')[1].split("</svg>")[0]
    assert wide.count("<rect") == 1  # one high marker
    # The phone's drawing: the same points, the level on its own line, larger texts.
    narrow = html.split('data-testid="risk-chart-narrow"')[1].split("</svg>")[0]
    assert narrow.count("<rect") == 1
    assert 'font-size="15" font-weight="bold" fill="#000">15/24</text>' in narrow
    assert ">Tinggi</text>" in narrow
    assert 'font-size="10"' not in html.split("<svg")[1]
    assert 'data-testid="risk-history"' in html
    assert "http://" not in html.split("<svg")[1].split("</svg>")[0].replace(
        "http://www.w3.org", ""
    )
    assert 'data-testid="risk-actions"' not in html  # the creator reads only


def test_conference_page_flow(bpp_case, personas, orgs):
    c = personas["caseworker_bpp"].client
    posbakum = orgs["bpp"]["t-posbakum-bpp"]
    today = timezone.localdate()
    r = c.post(
        reverse("risk:conference_new", args=[bpp_case.public_id]),
        {
            "held_on": today.isoformat(),
            "agencies": [posbakum.pk],
            "outcome": "Pendampingan hukum dan rumah aman",
            "action_description": "Ajukan perintah perlindungan",
            "action_owner": personas["caseworker_bpp"].user.pk,
            "action_due_on": (today + timedelta(days=7)).isoformat(),
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    conf = Conference.objects.get()
    assert list(conf.agencies.all()) == [posbakum]
    task = Task.objects.get(kind="conference_action")
    assert task.owner == personas["caseworker_bpp"].user
    html = c.get(r["Location"]).content.decode()
    assert "Ajukan perintah perlindungan" in html
    assert "Posbakum (uji)" in html
    r = c.post(
        reverse("risk:conference_action", args=[bpp_case.public_id, conf.public_id]),
        {"description": "Rujuk psikolog", "owner": personas["supervisor_bpp"].user.pk,
         "due_on": (today + timedelta(days=3)).isoformat()},
    )  # fmt: skip
    assert r.status_code == 302
    assert Task.objects.filter(kind="conference_action").count() == 2


def test_future_conference_is_refused(bpp_case, personas):
    r = personas["caseworker_bpp"].client.post(
        reverse("risk:conference_new", args=[bpp_case.public_id]),
        {"held_on": (timezone.localdate() + timedelta(days=3)).isoformat()},
    )
    assert r.status_code == 422
    assert "masa depan" in r.content.decode()
    assert not Conference.objects.exists()


def test_safety_plan_versions_review_task_and_print(bpp_case, personas):
    c = personas["caseworker_bpp"].client
    url = reverse("risk:safety_plans", args=[bpp_case.public_id])
    review = (timezone.localdate() + timedelta(days=14)).isoformat()
    r = c.post(url, {"review_on": review, "code_word": "Mangga", "safe_places": "Rumah kakak"})
    assert r.status_code == 302
    r = c.post(url, {"review_on": review, "code_word": "Pisang", "safe_places": "Rumah kakak"})
    assert r.status_code == 302
    plans = list(SafetyPlan.objects.order_by("number"))
    assert [p.number for p in plans] == [1, 2]
    assert plans[0].code_word == "Mangga"
    tasks = Task.objects.filter(kind="safety_plan_review")
    assert sorted(t.status for t in tasks) == ["cancelled", "open"]
    page = c.get(url).content.decode()
    assert 'value="Pisang"' in page  # the form starts from the newest version
    printed = c.get(
        reverse("risk:safety_plan_print", args=[bpp_case.public_id, plans[1].public_id])
    )
    assert printed.status_code == 200
    html = printed.content.decode()
    assert "Pisang" in html
    assert "Rumah kakak" in html
    assert printed["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(action="print", object_id=str(plans[1].public_id)).exists()


def test_safety_plan_needs_some_content(bpp_case, personas):
    r = personas["caseworker_bpp"].client.post(
        reverse("risk:safety_plans", args=[bpp_case.public_id]),
        {"review_on": (timezone.localdate() + timedelta(days=3)).isoformat()},
    )
    assert r.status_code == 422
    assert not SafetyPlan.objects.exists()


@pytest.mark.parametrize("who", ["caseworker_kalteng", "analyst_bpp", "activist_bpp"])
def test_pages_are_404_for_everyone_else(bpp_case, personas, who):
    c = personas[who].client
    for name in ("risk:case_risk", "risk:assess", "risk:conferences", "risk:safety_plans"):
        assert c.get(reverse(name, args=[bpp_case.public_id])).status_code == 404


def test_chart_coordinates_are_never_localised(bpp_case, personas, settings):
    """Indonesian writes 92,7 for 92.7: an SVG coordinate must keep the point."""
    import re

    c = personas["caseworker_bpp"].client
    for yes in (5, 14):
        c.post(reverse("risk:assess", args=[bpp_case.public_id]), _form(dash(yes)))
    html = c.get(reverse("risk:case_risk", args=[bpp_case.public_id])).content.decode()
    svg = html.split("<svg")[1].split("</svg>")[0]
    assert not re.search(r'(?:x|y|x1|x2|y1|y2|cx|cy)="[^"]*,', svg)
    assert "5/24 Standar" in svg
    assert "14/24 Tinggi" in svg
