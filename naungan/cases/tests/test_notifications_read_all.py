""" "Mark all read" on the notices page: every unread notice of the user, nobody else's."""

from __future__ import annotations

import pytest

from naungan.cases.models import Notification

pytestmark = pytest.mark.django_db


def _notice(user, n: int) -> Notification:
    return Notification.objects.create(user=user, kind="assigned", message=f"Kasus {n}")


def test_mark_all_read_marks_every_unread_notice_of_the_user_only(personas):
    mine = personas["caseworker_bpp"].user
    other = personas["supervisor_bpp"].user
    unread = [_notice(mine, n) for n in range(3)]
    theirs = _notice(other, 9)
    response = personas["caseworker_bpp"].client.post("/pemberitahuan/baca-semua/", follow=True)
    assert response.redirect_chain == [("/pemberitahuan/", 302)]
    assert "3 pemberitahuan ditandai dibaca." in response.content.decode()
    for notice in unread:
        notice.refresh_from_db()
        assert notice.read_at is not None
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read_keeps_the_time_a_notice_was_first_read(personas):
    user = personas["caseworker_bpp"].user
    first = _notice(user, 1)
    personas["caseworker_bpp"].client.post(f"/pemberitahuan/{first.pk}/baca/")
    first.refresh_from_db()
    read_at = first.read_at
    assert read_at is not None
    later = _notice(user, 2)
    personas["caseworker_bpp"].client.post("/pemberitahuan/baca-semua/")
    first.refresh_from_db()
    later.refresh_from_db()
    assert first.read_at == read_at
    assert later.read_at is not None


def test_mark_all_read_is_post_only(personas):
    user = personas["caseworker_bpp"].user
    notice = _notice(user, 1)
    assert personas["caseworker_bpp"].client.get("/pemberitahuan/baca-semua/").status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None
