"""Staff pages: list, detail, create, incident form, actions, home queue; personas."""

from __future__ import annotations

from naungan.cases.models import Case, Incident, Task

from .factories import make_case


def test_list_shows_scope_count_and_filters_in_url(personas):
    make_case(personas["intake_bpp"].user, violence_types=["sexual"])
    make_case(personas["intake_bpp"].user, violence_types=["physical"])
    make_case(personas["intake_kalteng"].user, area="62.71")
    client = personas["supervisor_bpp"].client
    r = client.get("/kasus/")
    assert r.status_code == 200
    assert "2 kasus" in r.content.decode()
    r = client.get("/kasus/?violence_type=sexual")
    assert "1 kasus" in r.content.decode()


def test_list_htmx_answers_the_results_fragment_only(personas, bpp_case):
    r = personas["supervisor_bpp"].client.get("/kasus/", headers={"HX-Request": "true"})
    body = r.content.decode()
    assert bpp_case.registration_number in body
    assert "<html" not in body


def test_list_empty_state_for_caseworker(personas):
    r = personas["caseworker_bpp"].client.get("/kasus/")
    assert "Belum ada kasus yang ditugaskan" in r.content.decode()


def test_list_query_count_is_flat(personas, django_assert_max_num_queries):
    for _ in range(10):
        make_case(personas["intake_bpp"].user)
    with django_assert_max_num_queries(12):
        r = personas["supervisor_bpp"].client.get("/kasus/")
    assert r.status_code == 200


def test_detail_shows_parties_tasks_and_timeline(personas, bpp_case):
    body = personas["caseworker_bpp"].client.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    assert "Siti" in body
    assert "Lapor ke polisi" in body
    assert "Kasus dibuat" in body
    assert "WITA" in body


def test_create_page_searches_then_creates(personas):
    make_case(personas["intake_bpp"].user, victims=[{"name": "Ayu", "nik": "6471010101010002"}])
    client = personas["intake_bpp"].client
    form = {
        "victim_name": "Ayu",
        "victim_nik": "6471010101010002",
        "area_code": "64.71.01",
        "channel": "walk_in",
        "violence_types": ["sexual"],
    }
    r = client.post("/kasus/baru/", form | {"action": "search"})
    assert r.status_code == 200
    assert "Tautkan orang ini" in r.content.decode()
    assert Case.objects.count() == 1
    r = client.post("/kasus/baru/", form | {"action": "create"})
    assert r.status_code == 302
    case = Case.objects.latest("id")
    assert r["Location"] == f"/kasus/{case.public_id}/"
    assert Task.objects.filter(case=case, kind="police_report").exists()


def test_create_page_keeps_input_and_names_field_on_error(personas):
    r = personas["intake_bpp"].client.post(
        "/kasus/baru/",
        {"victim_name": "Ayu", "area_code": "99.99", "channel": "walk_in", "action": "create"},
    )
    body = r.content.decode()
    assert r.status_code == 200
    assert "Kode wilayah tidak dikenal" in body
    assert 'value="Ayu"' in body
    assert Case.objects.count() == 0


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


def test_assign_transition_close_and_approve_through_pages(personas, make_user):
    case = make_case(personas["intake_bpp"].user)
    base = f"/kasus/{case.public_id}/"
    sup = personas["supervisor_bpp"].client
    cw = personas["caseworker_bpp"]
    r = sup.post(base + "tugaskan/", {"user": cw.user.pk, "lead": "on"})
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.lead == cw.user
    cw.client.post(base + "status/", {"to": "assessment"})
    r = cw.client.post(base + "status/", {"to": "closed"}, follow=True)
    assert "memerlukan permintaan" in r.content.decode()
    cw.client.post(base + "tutup/", {"reason": "goals_met", "summary": "tujuan tercapai"})
    case.refresh_from_db()
    assert case.status == "assessment"
    sup.post(base + "tutup/putuskan/", {"approve": "yes"})
    case.refresh_from_db()
    assert case.status == "closed"


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
    assert body.index(old.registration_number) < body.index(new.registration_number)
    assert "Terlambat" in body
    other = personas["caseworker_kalteng"].client.get("/").content.decode()
    assert old.registration_number not in other


def test_pages_are_complete_in_english(personas, bpp_case):
    client = personas["caseworker_bpp"].client
    client.cookies["naungan_lang"] = "en"
    home = client.get("/").content.decode()
    assert "Needs me now" in home
    detail = client.get(f"/kasus/{bpp_case.public_id}/").content.decode()
    assert "Tasks and deadlines" in detail
    assert "Report to police (UU TPKS Art. 41)" in detail


def test_task_waive_reopen_and_decide_pages_404_out_of_scope(personas, bpp_case):
    task = Task.objects.get(case=bpp_case)
    base = f"/kasus/{bpp_case.public_id}/"
    other = personas["supervisor_kalteng"].client
    for suffix in [
        f"tugas/{task.public_id}/selesai/",
        f"tugas/{task.public_id}/kesampingkan/",
        "buka-kembali/",
        "tutup/putuskan/",
    ]:
        assert other.post(base + suffix, {"reason": "x", "approve": "yes"}).status_code == 404
    task.refresh_from_db()
    assert task.status == "open"


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


def test_case_list_shows_violence_type_labels_not_codes():
    from django.utils import translation

    from naungan.cases.templatetags.case_tags import violence_labels

    with translation.override("id"):
        assert violence_labels(["physical", "sexual"]) == "Fisik, Seksual"
        assert violence_labels([]) == ""
    with translation.override("en"):
        assert violence_labels(["physical", "unknown"]) == "Physical, unknown"


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


# --- Typed text is kept when an action on the case page is refused -----------------------------


def test_a_refused_closure_request_keeps_the_summary_and_says_why(personas, bpp_case):
    summary = "Korban sudah aman di rumah aman, pendampingan psikologis selesai"
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/tutup/", {"reason": "goals_met", "summary": summary}
    )
    assert r.status_code == 422  # the statutory task is still open
    body = r.content.decode()
    assert summary in body
    assert '<details class="mt-3" open>' in body
    assert "Tugas wajib masih terbuka" in body
    bpp_case.refresh_from_db()
    assert bpp_case.status != "closed"


def test_an_invalid_note_keeps_the_typed_text_next_to_the_error(personas, bpp_case):
    text = "Kunjungan rumah: ibu korban bersedia hadir di sidang"
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/catatan/", {"kind": "tidak-ada", "body": text}
    )
    assert r.status_code == 422
    body = r.content.decode()
    assert text in body
    assert "is-invalid" in body


def test_a_too_long_reopen_reason_is_kept_with_the_error(personas, bpp_case):
    from django.utils import timezone

    Case.objects.filter(pk=bpp_case.pk).update(status="closed", closed_at=timezone.now())
    reason = "Pelapor datang lagi dengan kejadian baru. " * 60  # over 2000 characters
    r = personas["supervisor_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/buka-kembali/", {"reason": reason}
    )
    assert r.status_code == 422
    body = r.content.decode()
    assert reason in body
    assert 'data-testid="reopen-error"' in body
    bpp_case.refresh_from_db()
    assert bpp_case.status == "closed"


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


def test_a_too_long_decision_note_is_kept_with_the_error(personas):
    case = make_case(personas["intake_bpp"].user)
    base = f"/kasus/{case.public_id}/"
    sup, cw = personas["supervisor_bpp"].client, personas["caseworker_bpp"]
    sup.post(base + "tugaskan/", {"user": cw.user.pk, "lead": "on"})
    cw.client.post(base + "status/", {"to": "assessment"})
    cw.client.post(base + "tutup/", {"reason": "goals_met", "summary": "tujuan tercapai"})
    note = "Rencana pemulihan belum dievaluasi bersama keluarga. " * 40  # over 2000 characters
    r = sup.post(base + "tutup/putuskan/", {"approve": "no", "note": note})
    assert r.status_code == 422
    body = r.content.decode()
    assert note in body
    assert 'data-testid="decide-error"' in body
    assert 'data-testid="pending-closure"' in body
