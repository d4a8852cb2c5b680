"""The activist's accompaniment as a case Task, and its log from the offline app: the sync's
``accompaniment_log`` items (stored once however often they are replayed, per-item errors
naming the field, refused for a brief the activist is not or no longer named on) and the
offline log form of the app shell (no brief content on it)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.utils import timezone

from naungan.cases.models import Task, TaskKind, TaskStatus
from naungan.cases.tests.factories import assign, make_case
from naungan.community.models import AccompanimentLog, BriefStatus, SyncItem
from naungan.community.services import LogInput, brief_close, brief_create, brief_log

pytestmark = pytest.mark.django_db
BRIEF = "Ibu R perlu ditemani ke Polres untuk laporan polisi."
TASK = "Temani ke Polres Balikpapan hari Senin pukul 09.00."


@pytest.fixture
def case(personas: Any) -> Any:
    case = make_case(personas["intake_bpp"].user)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    return case


@pytest.fixture
def brief(personas: Any, case: Any) -> Any:
    return brief_create(
        actor=personas["caseworker_bpp"].user,
        case=case,
        activist=personas["activist_bpp"].user,
        brief=BRIEF,
        task=TASK,
        due_on=timezone.localdate() + dt.timedelta(days=3),
    )


def _log_body(brief: Any, **over: Any) -> dict[str, Any]:
    return {
        "brief": str(brief.public_id),
        "done_on": timezone.localdate().isoformat(),
        "place": "Polres Balikpapan",
        "with_whom": "Ibu R",
        "what_happened": "Laporan polisi dibuat bersama korban.",
        **over,
    }


def _item(body: dict[str, Any], item_id: str | None = None) -> dict[str, Any]:
    return {"id": item_id or str(uuid.uuid4()), "type": "accompaniment_log", "body": body}


def _sync(persona: Any, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = persona.api("post", "/api/v1/sync", {"items": items})
    assert response.status_code == 200, response.content
    return response.json()["results"]  # type: ignore[no-any-return]


# --- the case Task ----------------------------------------------------------------------------


def test_naming_a_companion_gives_the_activist_a_case_task(
    personas: Any, case: Any, brief: Any
) -> None:
    activist = personas["activist_bpp"]
    task = Task.objects.get(case=case, kind=TaskKind.ACTIVIST_ACCOMPANIMENT)
    assert brief.case_task == task
    assert task.owner == activist.user
    assert task.status == TaskStatus.OPEN
    assert timezone.localtime(task.due_at).date() == brief.due_on
    # The case's readers see it among the case's tasks.
    tasks = personas["caseworker_bpp"].api("get", f"/api/v1/cases/{case.public_id}/tasks").json()
    assert "activist_accompaniment" in [t["kind"] for t in tasks["items"]]
    # The activist sees it on their pages, and still nothing of the case.
    for path in ("/ppatbm/", "/"):
        page = activist.client.get(path).content.decode()
        assert TASK[:40] in page, path
        assert case.registration_number not in page
    assert activist.client.get(f"/kasus/{case.public_id}/").status_code == 404
    assert activist.api("get", f"/api/v1/cases/{case.public_id}/tasks").status_code == 404


def test_a_brief_without_due_date_is_due_in_seven_days(personas: Any, case: Any) -> None:
    before = timezone.now()
    brief = brief_create(
        actor=personas["caseworker_bpp"].user,
        case=case,
        activist=personas["activist_bpp"].user,
        brief="B",
        task="T",
    )
    due = brief.case_task.due_at - before
    assert dt.timedelta(days=7) <= due < dt.timedelta(days=7, minutes=1)


def test_the_activist_finishing_closes_the_task(personas: Any, brief: Any) -> None:
    activist = personas["activist_bpp"].user
    brief_log(
        actor=activist,
        brief=brief,
        data=LogInput(
            done_on=timezone.localdate(), place="Polres", what_happened="Pertama", finished=False
        ),
    )
    brief.refresh_from_db()
    brief.case_task.refresh_from_db()
    assert brief.status == BriefStatus.OPEN
    assert brief.case_task.status == TaskStatus.OPEN
    brief_log(
        actor=activist,
        brief=brief,
        data=LogInput(
            done_on=timezone.localdate(), place="Polres", what_happened="Tuntas", finished=True
        ),
    )
    brief.refresh_from_db()
    task = Task.objects.get(pk=brief.case_task_id)
    assert brief.status == BriefStatus.DONE
    assert task.status == TaskStatus.DONE
    assert task.completed_by == activist
    # Done: the activist still reads the brief but its task left their list.
    home = personas["activist_bpp"].client.get("/ppatbm/").content.decode()
    assert TASK[:40] not in home


@pytest.mark.parametrize(("status", "task_status"), [("withdrawn", "cancelled"), ("done", "done")])
def test_the_caseworker_closing_or_withdrawing_closes_the_task(
    personas: Any, brief: Any, status: str, task_status: str
) -> None:
    cw = personas["caseworker_bpp"]
    response = cw.client.post(
        f"/kasus/{brief.case.public_id}/pendamping-aktivis/{brief.public_id}/", {"status": status}
    )
    assert response.status_code == 302
    task = Task.objects.get(pk=brief.case_task_id)
    assert task.status == task_status
    assert task.completed_by == cw.user


# --- the sync ---------------------------------------------------------------------------------


def test_a_log_syncs_once_however_often_it_is_replayed(personas: Any, brief: Any) -> None:
    activist = personas["activist_bpp"]
    item = _item(_log_body(brief, finished=True))
    first = _sync(activist, [item])
    assert first[0]["status"] == "stored", first
    log = AccompanimentLog.objects.get()
    assert str(log.public_id) == first[0]["server_id"]
    assert log.finished
    assert log.created_by == activist.user
    # The answer was lost: the phone sends it again, twice (the brief is done by now).
    for _ in range(2):
        again = _sync(activist, [item])
        assert again[0]["status"] == "duplicate"
        assert again[0]["server_id"] == first[0]["server_id"]
    assert AccompanimentLog.objects.count() == 1
    assert SyncItem.objects.filter(item_type="accompaniment_log").count() == 1
    assert Task.objects.get(pk=brief.case_task_id).status == TaskStatus.DONE


def test_bad_log_items_are_answered_per_item_and_the_good_one_stored(
    personas: Any, brief: Any
) -> None:
    future = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    items = [
        _item(_log_body(brief, place="")),
        _item(_log_body(brief, done_on=future)),
        _item(_log_body(brief)),
        _item(_log_body(brief, done_on="kemarin")),
        _item({**_log_body(brief), "brief": "bukan-uuid"}),
    ]
    results = _sync(personas["activist_bpp"], items)
    assert [r["status"] for r in results] == ["error", "error", "stored", "error", "error"]
    assert results[0]["detail"][0]["loc"] == ["body", "place"]
    assert results[1]["detail"][0]["loc"] == ["body", "done_on"]
    assert "masa depan" in results[1]["detail"][0]["msg"]
    assert results[3]["detail"][0]["loc"] == ["body", "done_on"]
    assert results[4]["detail"][0]["loc"] == ["body", "brief"]
    assert AccompanimentLog.objects.count() == 1
    assert SyncItem.objects.count() == 1


def test_a_log_for_a_brief_not_or_no_longer_named_on_is_refused(
    personas: Any, brief: Any, activist2: Any
) -> None:
    cw = personas["caseworker_bpp"].user
    # Another activist's item for this brief, and an item naming another user.
    other = _sync(activist2, [_item(_log_body(brief))])
    assert other[0]["status"] == "error"
    assert other[0]["detail"][0]["loc"] == ["body", "brief"]
    stolen = _sync(activist2, [{**_item(_log_body(brief)), "user": "activist_bpp"}])
    assert stolen[0]["detail"][0]["loc"] == ["user"]
    # The caseworker withdraws the activist; a log typed offline before arrives after.
    brief_close(actor=cw, brief=brief, status="withdrawn")
    late = _sync(personas["activist_bpp"], [_item(_log_body(brief))])
    assert late[0]["status"] == "error"
    assert late[0]["detail"][0]["loc"] == ["body", "brief"]
    assert "tidak (lagi) ditunjuk" in late[0]["detail"][0]["msg"]
    # A brief the caseworker marked done takes no log either: nothing half-stored.
    done = brief_create(actor=cw, case=brief.case, activist=brief.activist, brief="B", task="T")
    brief_close(actor=cw, brief=done, status="done")
    closed = _sync(personas["activist_bpp"], [_item(_log_body(done))])
    assert closed[0]["detail"][0]["loc"] == ["body", "brief"]
    assert AccompanimentLog.objects.count() == 0
    assert SyncItem.objects.count() == 0


def test_the_session_sync_of_the_page_takes_log_items(personas: Any, brief: Any) -> None:
    body = {
        "device": {"id": str(uuid.uuid4()), "name": "Android"},
        "items": [_item(_log_body(brief))],
    }
    client = personas["activist_bpp"].client
    for expected in ("stored", "duplicate"):
        response = client.post(
            "/ppatbm/luring/kirim/", json.dumps(body), content_type="application/json"
        )
        assert response.json()["results"][0]["status"] == expected
    assert AccompanimentLog.objects.count() == 1


# --- the offline log form ---------------------------------------------------------------------


def test_the_offline_log_form_names_briefs_without_their_content(personas: Any, brief: Any) -> None:
    page = personas["activist_bpp"].client.get("/ppatbm/pendampingan/catat/")
    text = page.content.decode()
    assert page.status_code == 200
    assert str(brief.public_id) in text
    assert "#" + brief.public_id.hex[:4].upper() in text
    assert BRIEF not in text
    assert TASK not in text
    assert 'data-offline-form="accompaniment_log"' in text
    from naungan.offline.shell import shell_urls

    assert "/ppatbm/pendampingan/catat/" in shell_urls()


def test_the_offline_log_form_posted_twice_stores_once(personas: Any, brief: Any) -> None:
    client = personas["activist_bpp"].client
    key = str(uuid.uuid4())
    form = {**_log_body(brief), "submission": key}
    for _ in range(2):
        response = client.post("/ppatbm/pendampingan/catat/", form)
        assert response.status_code == 302
        assert response["Location"] == f"/ppatbm/pendampingan/{brief.public_id}/"
    assert AccompanimentLog.objects.count() == 1
    # A bad form: the field's error, in Indonesian, and nothing stored.
    bad = client.post("/ppatbm/pendampingan/catat/", {**form, "submission": "", "place": ""})
    assert bad.status_code == 422
    assert "tidak boleh kosong" in bad.content.decode()
    assert AccompanimentLog.objects.count() == 1
    # Another activist cannot pick this brief (not among their choices).
    other = personas["activist_kalteng"].client.post("/ppatbm/pendampingan/catat/", form)
    assert other.status_code in (200, 422)
    assert AccompanimentLog.objects.count() == 1


def test_a_transferred_case_keeps_the_activists_task(personas: Any, brief: Any) -> None:
    from naungan.cases.services.transfers import transfer_accept, transfer_request
    from naungan.orgs.models import Organisation

    transfer = transfer_request(
        actor=personas["supervisor_bpp"].user,
        case=brief.case,
        to_organisation=Organisation.objects.get(slug="t-uptd-kalteng"),
        reason="Korban pindah ke Palangka Raya",
    )
    transfer_accept(actor=personas["supervisor_kalteng"].user, transfer=transfer)
    task = Task.objects.get(pk=brief.case_task_id)
    assert task.owner == personas["activist_bpp"].user
    assert task.status == TaskStatus.OPEN
    # The other open tasks wait for the receiving unit's lead, as before.
    others = Task.objects.filter(case=brief.case, status=TaskStatus.OPEN).exclude(pk=task.pk)
    assert all(t.owner_id is None for t in others)
