"""The services pages: the section on the case page, the services page (forms that open each
service, mediation's refusal shown instead of its form), an episode's page, the occupancy page;
other areas get 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from naungan.core.models import AuditEvent
from naungan.services.models import OutreachVisit, ServiceEpisode
from naungan.services.services import EpisodeIn, StayIn, episode_open

from .conftest import SHELTER_ADDRESS


def _services(case):
    return f"/kasus/{case.public_id}/layanan/"


def _episode(case, episode):
    return f"/kasus/{case.public_id}/layanan/{episode.public_id}/"


def _admit(personas, case, shelter, who="caseworker_bpp", **stay):
    return episode_open(
        actor=personas[who].user,
        case=case,
        data=EpisodeIn(service="shelter", organisation=shelter, shelter=StayIn(**stay)),
    ).episode


def test_the_case_page_shows_the_services_section(bpp_case, personas):
    r = personas["caseworker_bpp"].client.get(f"/kasus/{bpp_case.public_id}/")
    body = r.content.decode()
    assert 'data-testid="case-services"' in body
    assert "Pengaduan" in body
    assert "Pengelolaan kasus" in body
    assert _services(bpp_case) in body


def test_the_services_page_offers_each_service_to_writers_only(bpp_case, personas, shelter):
    r = personas["caseworker_bpp"].client.get(_services(bpp_case))
    assert r.status_code == 200
    body = r.content.decode()
    for service in ("outreach", "shelter", "mediation", "accompaniment"):
        assert f'name="service" value="{service}"' in body
    assert "Rumah Aman Uji — 2 dari 2 tempat tidur kosong" in body
    reader = personas["intake_bpp"].client.get(_services(bpp_case))
    assert reader.status_code == 200
    assert 'name="service"' not in reader.content.decode()


@pytest.mark.parametrize("who", ["caseworker_kalteng", "supervisor_kalteng", "analyst_bpp"])
def test_other_areas_get_404_on_every_services_page(bpp_case, personas, shelter, who):
    episode = _admit(personas, bpp_case, shelter)
    client = personas[who].client
    assert client.get(_services(bpp_case)).status_code == 404
    assert client.get(_episode(bpp_case, episode)).status_code == 404
    r = client.post(f"{_services(bpp_case)}buka/", {"service": "outreach"})
    assert r.status_code == 404


def test_outreach_opens_from_its_form_with_the_first_visit(bpp_case, personas):
    planned = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    r = personas["caseworker_bpp"].client.post(
        f"{_services(bpp_case)}buka/",
        {"service": "outreach", "planned_at": planned, "team": "Rina, Bripka Dewi"},
    )
    episode = ServiceEpisode.objects.get(case=bpp_case, service="outreach")
    assert r.status_code == 302
    assert r["Location"] == _episode(bpp_case, episode)
    assert OutreachVisit.objects.get(episode=episode).team == "Rina, Bripka Dewi"


def test_a_missing_team_keeps_the_typed_text_and_says_why(bpp_case, personas):
    r = personas["caseworker_bpp"].client.post(
        f"{_services(bpp_case)}buka/",
        {"service": "outreach", "planned_at": "", "place": "Rumah bibi di Manggar"},
    )
    assert r.status_code == 422
    body = r.content.decode()
    assert "Rumah bibi di Manggar" in body
    assert "wajib" in body.lower()


def test_mediation_refusal_is_shown_instead_of_the_form(make_bpp_case, personas):
    case = make_bpp_case(violence_types=["sexual"])
    r = personas["caseworker_bpp"].client.get(_services(case))
    body = r.content.decode()
    assert 'data-testid="mediation-refused"' in body
    assert "UU TPKS Pasal 23" in body
    assert 'name="service" value="mediation"' not in body


def test_a_posted_mediation_on_a_tpks_case_is_refused_and_audited(make_bpp_case, personas):
    case = make_bpp_case(violence_types=["sexual"])
    r = personas["caseworker_bpp"].client.post(
        f"{_services(case)}buka/", {"service": "mediation", "matter": "maintenance"}
    )
    assert r.status_code == 422
    assert "UU TPKS Pasal 23" in r.content.decode()
    assert not ServiceEpisode.objects.filter(case=case, service="mediation").exists()
    assert AuditEvent.objects.filter(outcome="refused", object_id=str(case.public_id)).exists()


def test_a_full_shelter_refuses_on_the_page_and_a_supervisor_overrides(
    make_bpp_case, personas, shelter
):
    _admit(personas, make_bpp_case(), shelter, beds=2)
    case = make_bpp_case()
    form = {"service": "shelter", "organisation": shelter.slug, "beds": 1, "children": 0}
    r = personas["caseworker_bpp"].client.post(f"{_services(case)}buka/", form)
    assert r.status_code == 422
    body = r.content.decode()
    assert "Tidak ada tempat tidur kosong" in body
    assert 'name="capacity_override_reason"' not in body  # not offered to a caseworker
    sup = personas["supervisor_bpp"].client
    page = sup.get(_services(case)).content.decode()
    assert 'data-testid="shelters-full"' in page
    assert 'name="capacity_override_reason"' in page
    r = sup.post(
        f"{_services(case)}buka/", form | {"capacity_override_reason": "Nyawa korban terancam"}
    )
    assert r.status_code == 302
    episode = ServiceEpisode.objects.get(case=case, service="shelter")
    page = sup.get(_episode(case, episode)).content.decode()
    assert 'data-testid="over-capacity"' in page
    assert "melebihi kapasitas" in page


def test_the_address_is_shown_to_writers_only(bpp_case, personas, shelter):
    episode = _admit(personas, bpp_case, shelter)
    writer = personas["caseworker_bpp"].client.get(_episode(bpp_case, episode)).content.decode()
    assert SHELTER_ADDRESS in writer
    reader = personas["intake_bpp"].client.get(_episode(bpp_case, episode)).content.decode()
    assert SHELTER_ADDRESS not in reader
    case_page = personas["caseworker_bpp"].client.get(f"/kasus/{bpp_case.public_id}/")
    assert SHELTER_ADDRESS not in case_page.content.decode()


def test_extension_asked_and_approved_on_the_episode_page(bpp_case, personas, shelter):
    episode = _admit(personas, bpp_case, shelter)
    until = (episode.stay.planned_end_at + timedelta(days=5)).date().isoformat()
    url = _episode(bpp_case, episode)
    r = personas["caseworker_bpp"].client.post(
        f"{url}perpanjangan/", {"until": until, "reason": "Pelaku belum ditahan"}
    )
    assert r.status_code == 302
    extension = episode.stay.extensions.get()
    r = personas["supervisor_bpp"].client.post(
        f"{url}perpanjangan/{extension.public_id}/putuskan/", {"approve": "yes"}
    )
    assert r.status_code == 302
    extension.refresh_from_db()
    assert extension.status == "approved"
    assert bpp_case.tasks.filter(kind="shelter_review", status="open").count() == 1


def test_an_extension_without_reason_shows_the_error_next_to_it(bpp_case, personas, shelter):
    episode = _admit(personas, bpp_case, shelter)
    r = personas["caseworker_bpp"].client.post(
        f"{_episode(bpp_case, episode)}perpanjangan/", {"until": "2030-01-01", "reason": ""}
    )
    assert r.status_code == 422
    assert 'data-testid="extension-form"' in r.content.decode()


def test_departure_without_safety_check_is_refused_with_the_reason(bpp_case, personas):
    cw = personas["caseworker_bpp"]
    plan = {"planned_at": timezone.now() + timedelta(hours=1), "team": "Rina"}
    from naungan.services.services import VisitIn

    episode = episode_open(
        actor=cw.user, case=bpp_case, data=EpisodeIn(service="outreach", visit=VisitIn(**plan))
    ).episode
    visit = episode.visits.get()
    base = f"{_episode(bpp_case, episode)}kunjungan/{visit.public_id}/"
    r = cw.client.post(f"{base}berangkat/", follow=True)
    assert "Periksa keamanan dulu" in r.content.decode()
    cw.client.post(f"{base}keamanan/", {"perpetrator_present": "no", "safe_for_victim": "yes"})
    cw.client.post(f"{base}berangkat/")
    visit.refresh_from_db()
    assert visit.status == "departed"


def test_the_occupancy_page_counts_beds(make_bpp_case, personas, shelter):
    _admit(personas, make_bpp_case(), shelter, beds=1)
    r = personas["supervisor_bpp"].client.get("/rumah-aman/")
    body = r.content.decode()
    assert r.status_code == 200
    assert "Rumah Aman Uji" in body
    assert SHELTER_ADDRESS not in body
    row = body.split(f'data-testid="shelter-{shelter.slug}"')[1]
    assert 'data-testid="occupied">1</dd>' in row
    assert 'data-testid="free">1</dd>' in row
    assert personas["intake_bpp"].client.get("/rumah-aman/").status_code == 404
    home = personas["caseworker_bpp"].client.get("/").content.decode()
    assert 'data-testid="home-shelters"' in home


def test_closure_blocked_by_an_active_stay_says_so_on_the_case_page(bpp_case, personas, shelter):
    _admit(personas, bpp_case, shelter)
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/tutup/", {"reason": "client_declined"}, follow=True
    )
    assert "penampungan" in r.content.decode()
