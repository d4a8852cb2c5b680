"""Assignment, status, closure and task actions through the case page; 404 out of scope."""

from __future__ import annotations

from naungan.cases.models import Case, Task
from naungan.cases.tests.factories import make_case


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
    cw.client.post(
        base + "tutup/", {"reason": "client_declined", "summary": "klien menolak layanan lanjutan"}
    )
    case.refresh_from_db()
    assert case.status == "assessment"
    sup.post(base + "tutup/putuskan/", {"approve": "yes"})
    case.refresh_from_db()
    assert case.status == "closed"


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


# --- Typed text is kept when an action on the case page is refused ---------------------------


def test_a_refused_closure_request_keeps_the_summary_and_says_why(personas, bpp_case):
    summary = "Korban sudah aman di rumah aman, pendampingan psikologis selesai"
    r = personas["caseworker_bpp"].client.post(
        f"/kasus/{bpp_case.public_id}/tutup/", {"reason": "client_declined", "summary": summary}
    )
    assert r.status_code == 422  # the statutory task is still open
    body = r.content.decode()
    assert summary in body
    assert '<details class="mt-3" open>' in body
    assert "Tugas wajib masih terbuka" in body
    bpp_case.refresh_from_db()
    assert bpp_case.status != "closed"


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


def test_a_too_long_decision_note_is_kept_with_the_error(personas):
    case = make_case(personas["intake_bpp"].user)
    base = f"/kasus/{case.public_id}/"
    sup, cw = personas["supervisor_bpp"].client, personas["caseworker_bpp"]
    sup.post(base + "tugaskan/", {"user": cw.user.pk, "lead": "on"})
    cw.client.post(base + "status/", {"to": "assessment"})
    cw.client.post(
        base + "tutup/", {"reason": "client_declined", "summary": "klien menolak layanan lanjutan"}
    )
    note = "Rencana pemulihan belum dievaluasi bersama keluarga. " * 40  # over 2000 characters
    r = sup.post(base + "tutup/putuskan/", {"approve": "no", "note": note})
    assert r.status_code == 422
    body = r.content.decode()
    assert note in body
    assert 'data-testid="decide-error"' in body
    assert 'data-testid="pending-closure"' in body
