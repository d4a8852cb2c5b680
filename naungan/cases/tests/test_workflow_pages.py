"""Assignment, status, closure and task actions through the case page; 404 out of scope."""

from __future__ import annotations

from naungan.cases.models import Task
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
    cw.client.post(base + "tutup/", {"reason": "goals_met", "summary": "tujuan tercapai"})
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
