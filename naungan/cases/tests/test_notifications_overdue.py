"""Overdue-task notices through the background queue: owner and area supervisors, idempotent,
e-mail without personal data, the management command, the notice pages and API."""

from __future__ import annotations

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from naungan.accounts.services import staff_create
from naungan.cases.models import Notification, Task
from naungan.cases.tasks import notify_overdue_tasks

from .factories import assign, make_case

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


@pytest.fixture
def overdue_case(personas):
    """A Balikpapan sexual-violence case received five days ago: its 72-hour police-report
    task is overdue. Led by the Balikpapan caseworker."""
    case = make_case(
        personas["intake_bpp"].user,
        violence_types=["sexual"],
        received_at=timezone.now() - timedelta(days=5),
        victims=[{"name": "Siti Rahmawati", "age": 15}],
    )
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    # The assignment's own notice is not what these tests count.
    Notification.objects.filter(kind="assigned").delete()
    return case


@pytest.fixture
def province_supervisor(orgs):
    """A supervisor of Provinsi Kalimantan Timur (64): her scope covers Balikpapan."""
    return staff_create(
        actor=None,
        username="supervisor_kaltim",
        password="Uji-Persona-2026!",
        role="supervisor",
        org_slug="t-uptd-bpp",
        area_code="64",
        check_password=False,
    )


def _recipients(case):
    return set(Notification.objects.filter(case=case).values_list("user__username", flat=True))


def test_task_notifies_owner_and_supervisors_whose_scope_covers_the_case(
    personas, overdue_case, province_supervisor, settings
):
    settings.MAILERS = LOCMEM
    result = notify_overdue_tasks.call()
    assert result["created"] == 3
    assert _recipients(overdue_case) == {"caseworker_bpp", "supervisor_bpp", "supervisor_kaltim"}
    notice = Notification.objects.get(case=overdue_case, user__username="caseworker_bpp")
    assert notice.kind == "task_overdue"
    assert notice.task == Task.objects.get(case=overdue_case, kind="police_report")
    assert overdue_case.registration_number in notice.message


def test_supervisor_of_another_area_gets_nothing(personas, overdue_case, settings):
    settings.MAILERS = LOCMEM
    notify_overdue_tasks.call()
    assert not Notification.objects.filter(user=personas["supervisor_kalteng"].user).exists()
    assert not Notification.objects.filter(user=personas["intake_bpp"].user).exists()


def test_task_without_owner_goes_to_the_lead(personas, overdue_case, settings):
    settings.MAILERS = LOCMEM
    Task.objects.filter(case=overdue_case).update(owner=None)
    notify_overdue_tasks.call()
    assert "caseworker_bpp" in _recipients(overdue_case)


def test_tasks_not_yet_due_done_or_on_closed_cases_notify_nobody(personas, settings):
    settings.MAILERS = LOCMEM
    make_case(personas["intake_bpp"].user, violence_types=["sexual"])  # due in 72 h
    done = make_case(
        personas["intake_bpp"].user,
        violence_types=["sexual"],
        received_at=timezone.now() - timedelta(days=5),
    )
    Task.objects.filter(case=done).update(status="done", completed_at=timezone.now())
    assert notify_overdue_tasks.call()["created"] == 0
    assert Notification.objects.count() == 0


def test_running_twice_creates_nothing_new(personas, overdue_case, settings):
    settings.MAILERS = LOCMEM
    personas["caseworker_bpp"].user.email = "pendamping@example.org"
    personas["caseworker_bpp"].user.save()
    first = notify_overdue_tasks.call()
    second = notify_overdue_tasks.call()
    assert first == {"created": 2, "emailed": 1}
    assert second == {"created": 0, "emailed": 0}
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 1


def test_email_names_case_task_and_local_due_time_but_no_victim(personas, overdue_case, settings):
    settings.MAILERS = LOCMEM
    cw = personas["caseworker_bpp"].user
    cw.email = "pendamping@example.org"
    cw.save()
    notify_overdue_tasks.call()
    assert len(mail.outbox) == 1  # supervisor_bpp has no address: in-app only
    message = mail.outbox[0]
    assert message.to == ["pendamping@example.org"]
    text = message.subject + message.body
    assert overdue_case.registration_number in text
    assert "Lapor ke polisi" in text
    task = Task.objects.get(case=overdue_case, kind="police_report")
    local_due = timezone.localtime(task.due_at, timezone=ZoneInfo(overdue_case.area.timezone))
    # The one datetime format of the language: "5 Mei 2026 14:30".
    assert re.search(rf"\b{local_due.day} \w{{3}} {local_due.year} {local_due:%H:%M} WITA", text)
    assert "Siti" not in text
    assert "Rahmawati" not in text
    notice = Notification.objects.get(user=cw)
    assert notice.emailed_at is not None
    assert Notification.objects.get(user=personas["supervisor_bpp"].user).emailed_at is None


def test_command_enqueues_a_database_task(db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("notify_overdue")
    row = DBTaskResult.objects.get()
    assert row.task_path == "naungan.cases.tasks.notify_overdue_tasks"
    assert row.status == "READY"


def test_command_now_runs_inline(personas, overdue_case, settings, capsys):
    from django_tasks_db.models import DBTaskResult

    settings.MAILERS = LOCMEM
    call_command("notify_overdue", "--now")
    assert "created=2" in capsys.readouterr().out
    assert DBTaskResult.objects.count() == 0
    assert Notification.objects.count() == 2


def test_notice_page_badge_and_mark_read(personas, overdue_case, settings):
    settings.MAILERS = LOCMEM
    notify_overdue_tasks.call()
    client = personas["caseworker_bpp"].client
    body = client.get("/pemberitahuan/").content.decode()
    assert overdue_case.registration_number in body
    assert "1 belum dibaca" in body
    assert 'data-testid="nav-notifications"' in body
    notice = Notification.objects.get(user=personas["caseworker_bpp"].user)
    r = client.post(f"/pemberitahuan/{notice.pk}/baca/")
    assert r.status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "0 belum dibaca" in client.get("/pemberitahuan/").content.decode()


def test_someone_elses_notice_is_404(personas, overdue_case, settings):
    settings.MAILERS = LOCMEM
    notify_overdue_tasks.call()
    notice = Notification.objects.get(user=personas["caseworker_bpp"].user)
    r = personas["caseworker_kalteng"].client.post(f"/pemberitahuan/{notice.pk}/baca/")
    assert r.status_code == 404
    r = personas["caseworker_kalteng"].api("post", f"/api/v1/notifications/{notice.pk}/read")
    assert r.status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_api_lists_my_notices_and_marks_read(personas, overdue_case, settings):
    settings.MAILERS = LOCMEM
    notify_overdue_tasks.call()
    sup = personas["supervisor_bpp"]
    body = sup.api("get", "/api/v1/notifications").json()
    assert body["count"] == 1
    assert body["unread"] == 1
    assert body["items"][0]["case"] == str(overdue_case.public_id)
    r = sup.api("post", f"/api/v1/notifications/{body['items'][0]['id']}/read")
    assert r.status_code == 200
    assert r.json()["read_at"]
    assert personas["supervisor_kalteng"].api("get", "/api/v1/notifications").json()["count"] == 0


def test_nav_badge_counts_unread_and_keeps_the_case_list_query_budget(
    personas, overdue_case, settings, django_assert_max_num_queries
):
    settings.MAILERS = LOCMEM
    notify_overdue_tasks.call()
    for _ in range(10):
        make_case(personas["intake_bpp"].user)
    client = personas["supervisor_bpp"].client
    with django_assert_max_num_queries(12):  # the case list's pin (test_pages)
        r = client.get("/kasus/")
    assert 'data-testid="nav-notifications"' in r.content.decode()
    assert ">1<span" in r.content.decode()  # the unread badge
