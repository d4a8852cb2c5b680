"""Notices and their e-mails are in the recipient's language (``User.language``): an English
user gets an English assignment e-mail, notice and overdue reminder, whatever the language of
the request that caused them; Indonesian (the default) is unchanged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import override

from naungan.cases.models import Notification
from naungan.cases.tasks import notify_overdue_tasks

from .factories import assign, make_case

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def mailbox(settings):
    settings.MAILERS = LOCMEM
    settings.TASKS = IMMEDIATE
    settings.SITE_URL = "https://naungan.example.go.id"
    return mail.outbox


def _reachable(persona, address, language):
    user = persona.user
    user.email = address
    user.language = language
    user.save()
    return user


@pytest.mark.parametrize("request_language", ["id", "en"])
def test_an_english_worker_gets_the_assignment_in_english(
    personas, mailbox, django_capture_on_commit_callbacks, request_language
):
    cw = _reachable(personas["caseworker_bpp"], "pendamping@example.org", "en")
    case = make_case(personas["intake_bpp"].user)
    with django_capture_on_commit_callbacks(execute=True), override(request_language):
        assign(personas["supervisor_bpp"].user, case, cw)
    notice = Notification.objects.get(kind="assigned", user=cw)
    assert notice.message == (
        f"You have been appointed lead caseworker for case {case.registration_number}."
    )
    [email] = mailbox
    assert email.subject == "[Naungan] New case assignment"
    assert "You have a new case assignment." in email.body
    assert "Open Naungan to view it: https://naungan.example.go.id/" in email.body
    assert "Anda" not in email.body


@pytest.mark.parametrize("request_language", ["id", "en"])
def test_an_indonesian_worker_still_gets_it_in_indonesian(
    personas, mailbox, django_capture_on_commit_callbacks, request_language
):
    cw = _reachable(personas["caseworker_bpp"], "pendamping@example.org", "id")
    case = make_case(personas["intake_bpp"].user)
    with django_capture_on_commit_callbacks(execute=True), override(request_language):
        assign(personas["supervisor_bpp"].user, case, cw)
    assert "pendamping utama" in Notification.objects.get(kind="assigned", user=cw).message
    [email] = mailbox
    assert email.subject == "[Naungan] Penugasan kasus baru"
    assert "Anda mendapat penugasan kasus baru." in email.body


def test_a_closure_request_asks_each_supervisor_in_their_language(
    personas, make_user, mailbox, django_capture_on_commit_callbacks
):
    from naungan.cases import services

    _reachable(personas["supervisor_bpp"], "sup@example.org", "en")
    other = make_user("supervisor", "bpp", username="sup_kedua")
    other.email = "sup2@example.org"
    other.save()
    case = make_case(personas["intake_bpp"].user)
    cw = personas["caseworker_bpp"].user
    assign(personas["supervisor_bpp"].user, case, cw)
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.closure_request(actor=cw, case=case, reason="client_declined")
    subjects = {m.to[0]: m.subject for m in mailbox}
    assert subjects["sup2@example.org"] == "[Naungan] Menunggu keputusan Anda"
    assert subjects["sup@example.org"] != subjects["sup2@example.org"]
    english = Notification.objects.get(kind="approval", user=personas["supervisor_bpp"].user)
    indonesian = Notification.objects.get(kind="approval", user=other)
    assert case.registration_number in english.message
    assert english.message != indonesian.message
    assert "menunggu persetujuan Anda" in indonesian.message


def test_an_overdue_reminder_is_in_each_recipients_language(personas, settings):
    settings.MAILERS = LOCMEM
    case = make_case(
        personas["intake_bpp"].user,
        violence_types=["sexual"],
        received_at=timezone.now() - timedelta(days=5),
    )
    cw = _reachable(personas["caseworker_bpp"], "pendamping@example.org", "en")
    sup = _reachable(personas["supervisor_bpp"], "sup@example.org", "id")
    assign(sup, case, cw)
    notify_overdue_tasks.call()
    by_address = {m.to[0]: m for m in mail.outbox}
    english, bahasa = by_address["pendamping@example.org"], by_address["sup@example.org"]
    number = case.registration_number
    assert english.subject == f"[Naungan] Overdue task on case {number}"
    assert english.body.startswith("Overdue task: Report to police (UU TPKS Art. 41)")
    assert bahasa.subject == f"[Naungan] Tugas terlambat pada kasus {number}"
    assert bahasa.body.startswith("Tugas terlambat: Lapor ke polisi")
