"""Service episodes (DESIGN §6): opened by the case's writers, ended with an outcome, and the
complaint and case management that opening, closing and reopening a case record."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.cases import services as case_services
from naungan.cases.exceptions import NotPermitted
from naungan.cases.models import Task
from naungan.core.models import AuditEvent
from naungan.services.exceptions import CaseClosedForServices, EpisodeEnded, UseDischarge
from naungan.services.models import ServiceEpisode
from naungan.services.services import EpisodeIn, episode_end, episode_open


def test_opening_a_case_records_complaint_and_case_management(bpp_case, personas):
    episodes = {e.service: e for e in bpp_case.service_episodes.all()}
    assert set(episodes) == {"complaint", "case_management"}
    complaint, management = episodes["complaint"], episodes["case_management"]
    assert complaint.automatic
    assert management.automatic
    assert complaint.started_at == bpp_case.received_at
    assert complaint.ended_at is not None
    assert complaint.staff == personas["intake_bpp"].user
    assert management.ended_at is None
    assert {complaint.organisation, management.organisation} == {bpp_case.organisation}


def test_closing_ends_case_management_and_reopening_starts_it_again(bpp_case, personas):
    cw, sup = personas["caseworker_bpp"].user, personas["supervisor_bpp"].user
    for task in bpp_case.tasks.filter(statutory=True):
        case_services.task_waive(actor=sup, task=task, reason="uji")
    closure = case_services.closure_request(actor=cw, case=bpp_case, reason="client_declined")
    case_services.closure_decide(actor=sup, closure=closure, approve=True)
    bpp_case.refresh_from_db()
    managed = bpp_case.service_episodes.filter(service="case_management")
    assert [e.ended_at for e in managed.all()] == [bpp_case.closed_at]
    case_services.case_reopen(actor=cw, case=bpp_case, reason="Kekerasan berulang")
    assert managed.all().count() == 2
    assert managed.filter(ended_at__isnull=True).count() == 1


def test_an_emergency_case_gets_an_outreach_task(make_bpp_case, settings):
    settings.OUTREACH_EMERGENCY_HOURS = 12
    received = timezone.now() - timedelta(hours=1)
    case = make_bpp_case(triage="emergency", received_at=received)
    task = Task.objects.get(case=case, kind="outreach")
    assert task.due_at == received + timedelta(hours=12)
    calm = make_bpp_case(triage="medium")
    assert not calm.tasks.filter(kind="outreach").exists()


@pytest.mark.parametrize("who", ["caseworker_bpp", "supervisor_bpp"])
def test_writers_open_a_service_and_it_is_audited(bpp_case, personas, who):
    user = personas[who].user
    opened = episode_open(
        actor=user,
        case=bpp_case,
        data=EpisodeIn(service="outreach", place="Rumah korban, Manggar", notes="Hati-hati"),
    )
    episode = ServiceEpisode.objects.get(pk=opened.episode.pk)
    assert episode.service == "outreach"
    assert episode.organisation == bpp_case.organisation
    assert episode.staff == user
    assert episode.place == "Rumah korban, Manggar"
    assert AuditEvent.objects.filter(
        action="create", object_id=str(episode.public_id), actor=user
    ).exists()


@pytest.mark.parametrize("who", ["intake_bpp", "caseworker_kalteng", "supervisor_kalteng"])
def test_others_may_not_open_a_service(bpp_case, personas, who):
    with pytest.raises(NotPermitted):
        episode_open(actor=personas[who].user, case=bpp_case, data=EpisodeIn(service="outreach"))


def test_a_service_may_not_start_in_the_future_nor_be_unknown(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    later = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        episode_open(actor=cw, case=bpp_case, data=EpisodeIn(service="outreach", started_at=later))
    assert "started_at" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        episode_open(actor=cw, case=bpp_case, data=EpisodeIn(service="teleport"))
    assert "service" in exc.value.message_dict


def test_a_named_organisation_must_give_that_service(bpp_case, personas, orgs):
    posbakum = orgs["bpp"]["t-posbakum-bpp"]
    with pytest.raises(ValidationError) as exc:
        episode_open(
            actor=personas["caseworker_bpp"].user,
            case=bpp_case,
            data=EpisodeIn(service="outreach", organisation=posbakum),
        )
    assert "organisation" in exc.value.message_dict


def test_ending_a_service_records_its_outcome_once(bpp_case, personas):
    cw = personas["caseworker_bpp"].user
    opened = episode_open(actor=cw, case=bpp_case, data=EpisodeIn(service="outreach"))
    episode = episode_end(actor=cw, episode=opened.episode, outcome="Korban aman di rumah ibu")
    assert episode.ended_at is not None
    assert ServiceEpisode.objects.get(pk=episode.pk).outcome == "Korban aman di rumah ibu"
    with pytest.raises(EpisodeEnded):
        episode_end(actor=cw, episode=episode)


def test_a_shelter_stay_ends_by_discharge_not_by_end(bpp_case, personas, shelter):
    cw = personas["caseworker_bpp"].user
    opened = episode_open(
        actor=cw, case=bpp_case, data=EpisodeIn(service="shelter", organisation=shelter)
    )
    with pytest.raises(UseDischarge):
        episode_end(actor=cw, episode=opened.episode)


def test_no_new_service_on_a_closed_case(bpp_case, personas):
    sup, cw = personas["supervisor_bpp"].user, personas["caseworker_bpp"].user
    closure = case_services.closure_request(actor=cw, case=bpp_case, reason="client_declined")
    case_services.closure_decide(actor=sup, closure=closure, approve=True)
    bpp_case.refresh_from_db()
    with pytest.raises(CaseClosedForServices):
        episode_open(actor=cw, case=bpp_case, data=EpisodeIn(service="outreach"))


def test_existing_cases_get_their_complaint_and_case_management(bpp_case):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "naungan.services.migrations.0002_record_services_of_existing_cases"
    )
    bpp_case.service_episodes.all().delete()
    migration.record(apps, None)
    episodes = {e.service: e for e in bpp_case.service_episodes.all()}
    assert set(episodes) == {"complaint", "case_management"}
    assert episodes["complaint"].started_at == bpp_case.received_at
    assert episodes["case_management"].ended_at is None
    migration.record(apps, None)  # twice: nothing new
    assert bpp_case.service_episodes.count() == 2


def test_counts_by_service_unit_and_month_for_statistics_readers(bpp_case, personas):
    from naungan.areas.models import Area
    from naungan.services.selectors import service_episode_counts

    episode_open(
        actor=personas["caseworker_bpp"].user, case=bpp_case, data=EpisodeIn(service="outreach")
    )
    year = timezone.now().year
    area = Area.objects.get(code="64.71")
    rows = service_episode_counts(user=personas["supervisor_bpp"].user, area=area, year=year)
    counted = {r.service: r.count for r in rows if r.organisation == bpp_case.organisation}
    assert counted["outreach"] == 1
    assert counted["case_management"] == 1
    assert service_episode_counts(user=personas["caseworker_bpp"].user, area=area, year=year) == []
    other = Area.objects.get(code="62")
    assert service_episode_counts(user=personas["supervisor_bpp"].user, area=other, year=year) == []
