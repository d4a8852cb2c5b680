"""The incident form page: the six GBVIMS questions in order."""

from __future__ import annotations

from naungan.cases.models import Incident


def test_incident_form_asks_six_questions_in_order_and_records(personas, bpp_case):
    client = personas["caseworker_bpp"].client
    url = f"/kasus/{bpp_case.public_id}/insiden/baru/"
    body = client.get(url).content.decode()
    assert body.count('data-testid="question"') == 6
    assert body.index("penetrasi") < body.index("kontak seksual") < body.index("kekerasan fisik")
    survivor = bpp_case.parties.get(role="victim").person.public_id
    r = client.post(
        url,
        {
            "survivor": str(survivor),
            "survivor_age": "14",
            "q_penetration": "no",
            "q_sexual_contact": "yes",
            "q_physical_assault": "yes",
            "abduction": "none",
            "harmful_traditional_practice": "no",
            "reporting_consent": "on",
        },
    )
    assert r.status_code == 302
    incident = Incident.objects.get(case=bpp_case)
    assert incident.gbv_type == "sexual_assault"
    assert incident.context_flags == ["CSA"]
