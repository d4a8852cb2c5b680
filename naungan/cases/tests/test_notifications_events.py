"""Notices of an event: a new assignment reaches the assigned worker, a decision asked for (a
plan submitted, a closure requested, a transfer to accept) reaches the supervisors who may
decide, in the app and by e-mail after commit. The e-mail says only that work waits, with a
link: no case number, no name, no content."""

from __future__ import annotations

import pytest
from django.core import mail

from naungan.accounts.services import staff_create
from naungan.cases import services
from naungan.cases.models import Notification
from naungan.cases.services.transfers import transfer_request
from naungan.orgs.models import Organisation

from .factories import assign, make_case, submit_plan

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def mailbox(settings):
    settings.MAILERS = LOCMEM
    settings.TASKS = IMMEDIATE
    settings.SITE_URL = "https://naungan.example.go.id"
    return mail.outbox


def _with_address(persona, address):
    persona.user.email = address
    persona.user.save()
    return persona.user


def _notices(kind, **filters):
    return Notification.objects.filter(kind=kind, **filters)


def test_an_assignment_notifies_the_assigned_worker_and_mails_only_a_link(
    personas, mailbox, django_capture_on_commit_callbacks
):
    cw = _with_address(personas["caseworker_bpp"], "pendamping@example.org")
    case = make_case(personas["intake_bpp"].user, victims=[{"name": "Mawar Melati", "age": 9}])
    with django_capture_on_commit_callbacks(execute=True):
        assign(personas["supervisor_bpp"].user, case, cw)
    notice = _notices("assigned").get()
    assert notice.user == cw
    assert notice.case == case
    assert case.registration_number in notice.message
    assert "pendamping utama" in notice.message
    assert len(mailbox) == 1
    email = mailbox[0]
    assert email.to == ["pendamping@example.org"]
    assert email.subject == "[Naungan] Penugasan kasus baru"
    assert "Anda mendapat penugasan kasus baru." in email.body
    assert "https://naungan.example.go.id/" in email.body
    text = email.subject + email.body
    assert case.registration_number not in text
    assert "Mawar" not in text
    assert "Kronologi" not in text
    notice.refresh_from_db()
    assert notice.emailed_at is not None


def test_a_co_worker_is_notified_too_and_nobody_else(personas, mailbox):
    case = make_case(personas["intake_bpp"].user)
    sup = personas["supervisor_bpp"].user
    assign(sup, case, personas["caseworker_bpp"].user, lead=False)
    notice = _notices("assigned").get()
    assert notice.user == personas["caseworker_bpp"].user
    assert "pendamping pendukung" in notice.message
    assign(sup, case, sup)  # the supervisor takes the lead herself: nothing to tell her
    assert _notices("assigned").count() == 1


def test_nothing_is_mailed_when_the_assignment_is_rolled_back(
    personas, mailbox, django_capture_on_commit_callbacks
):
    from django.db import transaction

    _with_address(personas["caseworker_bpp"], "pendamping@example.org")
    case = make_case(personas["intake_bpp"].user)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mailbox == []
    assert not _notices("assigned").exists()


def test_a_bulk_assignment_is_one_email(personas, mailbox, django_capture_on_commit_callbacks):
    cw = _with_address(personas["caseworker_bpp"], "pendamping@example.org")
    cases = [make_case(personas["intake_bpp"].user) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        services.cases_bulk_assign(
            actor=personas["supervisor_bpp"].user,
            case_ids=[c.public_id for c in cases],
            assignee=cw,
        )
    assert _notices("assigned", user=cw).count() == 3
    assert len(mailbox) == 1
    assert "Anda mendapat 3 penugasan kasus baru." in mailbox[0].body


def test_mail_is_sent_once_and_only_to_users_with_an_address(personas, mailbox, settings):
    from naungan.cases.tasks import email_notices

    case = make_case(personas["intake_bpp"].user)
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    ids = list(Notification.objects.values_list("pk", flat=True))
    assert email_notices.call(ids) == 0  # no address: in the app only
    _with_address(personas["caseworker_bpp"], "pendamping@example.org")
    assert email_notices.call(ids) == 1
    assert email_notices.call(ids) == 0
    assert len(mailbox) == 1


def test_no_task_is_queued_for_notices_nobody_can_receive_by_mail(
    personas, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    case = make_case(personas["intake_bpp"].user)
    with django_capture_on_commit_callbacks(execute=True):
        assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    assert _notices("assigned").count() == 1
    assert DBTaskResult.objects.count() == 0


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


def test_a_submitted_plan_asks_the_areas_supervisors(
    personas, bpp_case, province_supervisor, mailbox, django_capture_on_commit_callbacks
):
    sup = _with_address(personas["supervisor_bpp"], "supervisor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        plan = submit_plan(personas["caseworker_bpp"].user, bpp_case)
    notices = _notices("approval", case=bpp_case)
    assert set(notices.values_list("user__username", flat=True)) == {
        "supervisor_bpp",
        "supervisor_kaltim",
    }
    notice = notices.get(user=sup)
    assert f"Rencana intervensi v{plan.version}" in notice.message
    assert notice.link == f"/kasus/{bpp_case.public_id}/rencana/"
    assert len(mailbox) == 1
    assert mailbox[0].subject == "[Naungan] Menunggu keputusan Anda"
    assert bpp_case.registration_number not in mailbox[0].body


def test_a_supervisors_own_plan_does_not_ask_her(personas, make_user):
    sup = personas["supervisor_bpp"].user
    other = make_user("supervisor", "bpp", username="sup_kedua")
    case = make_case(personas["intake_bpp"].user)
    assign(sup, case, sup)
    submit_plan(sup, case)
    assert list(_notices("approval").values_list("user", flat=True)) == [other.pk]


def test_a_closure_request_asks_the_supervisors_but_not_the_requester(personas, make_user):
    sup = personas["supervisor_bpp"].user
    cw = personas["caseworker_bpp"].user
    case = make_case(personas["intake_bpp"].user)
    assign(sup, case, cw)
    services.closure_request(actor=cw, case=case, reason="client_declined")
    notice = _notices("approval").get()
    assert notice.user == sup
    assert "Permintaan penutupan kasus" in notice.message
    assert notice.link == ""  # the case page, where the decision is taken
    other = make_user("supervisor", "bpp", username="sup_kedua")
    second = make_case(personas["intake_bpp"].user)
    services.closure_request(actor=sup, case=second, reason="client_declined")
    assert list(_notices("approval", case=second).values_list("user", flat=True)) == [other.pk]


def test_a_restricted_case_asks_only_the_named_supervisors(personas, make_user):
    sup = personas["supervisor_bpp"].user
    make_user("supervisor", "bpp", username="sup_kedua")  # in scope, but not named
    cw = personas["caseworker_bpp"].user
    case = make_case(personas["intake_bpp"].user, restricted=True)
    case.restricted_to.add(sup)
    assign(sup, case, cw)
    services.closure_request(actor=cw, case=case, reason="client_declined")
    assert list(_notices("approval").values_list("user", flat=True)) == [sup.pk]


def test_a_transfer_request_asks_the_receiving_supervisors_on_its_request_page(
    personas, bpp_case, mailbox, django_capture_on_commit_callbacks
):
    receiver = _with_address(personas["supervisor_kalteng"], "kalteng@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        transfer = transfer_request(
            actor=personas["supervisor_bpp"].user,
            case=bpp_case,
            to_organisation=Organisation.objects.get(slug="t-uptd-kalteng"),
            reason="Korban pindah ke Palangka Raya.",
        )
    notice = _notices("approval").get()
    assert notice.user == receiver
    assert notice.link == f"/kasus/pelimpahan/{transfer.public_id}/"
    assert len(mailbox) == 1
    page = personas["supervisor_kalteng"].client.get("/pemberitahuan/").content.decode()
    assert f'href="{notice.link}"' in page
