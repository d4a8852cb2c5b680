"""Tasks on the pages: the home queue (overdue first) and waiving a statutory task."""

from __future__ import annotations

from naungan.cases.models import Case, Task
from naungan.cases.tests.factories import make_case


def test_home_shows_needs_me_now_queue_overdue_first(personas):
    from datetime import UTC, datetime, timedelta

    from .factories import assign

    old = make_case(
        personas["intake_bpp"].user,
        violence_types=["sexual"],
        received_at=datetime.now(UTC) - timedelta(hours=100),
    )
    new = make_case(personas["intake_bpp"].user, violence_types=["sexual"])
    for c in (new, old):
        assign(personas["supervisor_bpp"].user, c, personas["caseworker_bpp"].user)
    body = personas["caseworker_bpp"].client.get("/").content.decode()
    assert 'data-testid="needs-me-now"' in body
    tasks = body[body.index('data-testid="needs-me-now"') :]  # after the new cases' section
    assert tasks.index(old.registration_number) < tasks.index(new.registration_number)
    assert "Terlambat" in tasks
    other = personas["caseworker_kalteng"].client.get("/").content.decode()
    assert old.registration_number not in other


def test_caseworker_cannot_waive_statutory_task_on_the_page(personas, bpp_case):
    task = Task.objects.get(case=bpp_case)
    url = f"/kasus/{bpp_case.public_id}/tugas/{task.public_id}/kesampingkan/"
    r = personas["caseworker_bpp"].client.post(url, {"reason": "x"}, follow=True)
    assert "hanya dapat dikesampingkan supervisor" in r.content.decode()
    task.refresh_from_db()
    assert task.status == "open"
    personas["supervisor_bpp"].client.post(url, {"reason": "LP sudah ada"})
    task.refresh_from_db()
    assert task.status == "waived"


def test_caseworker_queue_is_own_open_tasks_on_assigned_open_cases_by_deadline(
    personas, django_assert_max_num_queries
):
    from django.utils import timezone

    from naungan.cases.models import CaseStatus, TaskStatus
    from naungan.cases.selectors import tasks_needing

    from .factories import assign

    cw = personas["caseworker_bpp"].user
    sup = personas["supervisor_bpp"].user
    cases = [make_case(personas["intake_bpp"].user, violence_types=["sexual"]) for _ in range(3)]
    for c in cases:
        assign(sup, c, cw)
    Case.objects.filter(pk=cases[1].pk).update(status=CaseStatus.CLOSED, closed_at=timezone.now())
    Case.objects.filter(pk=cases[2].pk).update(lead=sup)  # no longer theirs
    Task.objects.filter(case=cases[2]).update(owner=cw)
    mine = Task.objects.filter(case=cases[0], owner=cw, status=TaskStatus.OPEN)
    assert mine.exists()
    with django_assert_max_num_queries(1):
        queue = list(tasks_needing(user=cw))
        assert [t.case.area.code for t in queue]
    assert [t.pk for t in queue] == list(mine.order_by("due_at", "id").values_list("pk", flat=True))
    assert len(list(tasks_needing(user=cw, limit=1))) == 1


# --- Typed text is kept when an action on the case page is refused ---------------------------


def test_an_invalid_note_keeps_the_typed_text_next_to_the_error(personas, bpp_case):
    text = "Kunjungan rumah: ibu korban bersedia hadir di sidang"
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/catatan/", {"kind": "tidak-ada", "body": text}
    )
    assert r.status_code == 422
    body = r.content.decode()
    assert text in body
    assert "is-invalid" in body


def test_a_too_long_waive_reason_is_kept_under_its_task(personas, bpp_case):
    task = Task.objects.get(case=bpp_case)
    reason = "Laporan polisi sudah dibuat oleh keluarga korban. " * 50  # over 2000 characters
    r = personas["supervisor_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/tugas/{task.public_id}/kesampingkan/", {"reason": reason}
    )
    assert r.status_code == 422
    body = r.content.decode()
    assert reason in body
    assert f'id="waive-error-{task.public_id}"' in body
    task.refresh_from_db()
    assert task.status == "open"
