"""The audit log page: filters by the words it shows (an action chosen by its Indonesian word,
free text over the actor's name and the record's label), kept in the URL, with counts and
pages; each row names its record as a person knows it (a case by its registration number, a
report by its tracking code, a user by name), linked only where the reader may open it, with
the lookups batched per page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from naungan.cases import services as case_services
from naungan.cases.tests.factories import make_case
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction, AuditEvent
from naungan.reports import services as report_services

AUDIT = "/audit/"


def rows(response: Any) -> list[str]:
    """The visible text of each row of the table."""
    html = response.content.decode()
    found = re.findall(r'<tr data-testid="audit-row">(.*?)</tr>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r)).strip() for r in found]


def submit_report(code_area: str = "64.71.01") -> Any:
    result = report_services.report_submit(
        actor=None,
        data=report_services.ReportInput(
            kind="complaint",
            reporter_relation="witness",
            victim_name="Ani",
            violence_types=["physical"],
            description="Tetangga memukul anaknya setiap malam.",
            area_code=code_area,
        ),
    )
    return result.report


@pytest.fixture
def case(personas):
    return make_case(personas["intake_bpp"].user)


def test_the_action_filter_is_a_select_of_the_words_shown(personas):
    html = personas["supervisor_bpp"].client.get(AUDIT).content.decode()
    assert '<select class="form-select" name="action"' in html
    assert '<option value="view">Lihat</option>' in html
    assert '<option value="login_failed">Gagal masuk</option>' in html


def test_a_case_row_names_the_registration_number_and_links_the_case(personas, case):
    supervisor = personas["supervisor_bpp"]
    case_services.case_read_audit(actor=supervisor.user, case=case)
    response = supervisor.client.get(AUDIT, {"action": "view"})
    (row,) = rows(response)
    assert f"Kasus {case.registration_number}" in row
    assert "lihat" in row
    assert "cases.case" not in response.content.decode()
    assert f'<a href="/kasus/{case.public_id}/">Kasus {case.registration_number}</a>' in (
        response.content.decode()
    )


def test_a_record_of_a_case_names_its_kind_and_the_case(personas, case):
    supervisor = personas["supervisor_bpp"]
    case_services.note_add(actor=supervisor.user, case=case, kind="contact", body="Telepon ibu.")
    body = supervisor.client.get(AUDIT, {"q": case.registration_number}).content.decode()
    assert f"Catatan · Kasus {case.registration_number}" in body


def test_an_admin_reads_the_registration_number_without_a_link_or_the_tracking_code(personas, case):
    report = submit_report()
    response = personas["admin_bpp"].client.get(AUDIT, {"action": "create"})
    body = response.content.decode()
    assert f"Kasus {case.registration_number}" in body
    assert f'href="/kasus/{case.public_id}/"' not in body
    assert report.tracking_code not in body  # half of the reporter's key
    assert f"Laporan {str(report.public_id)[:8]}" in body


def test_a_supervisor_reads_a_report_by_its_tracking_code_with_a_link(personas):
    report = submit_report()
    body = personas["supervisor_bpp"].client.get(AUDIT).content.decode()
    assert f'<a href="/laporan/{report.public_id}/">Laporan {report.tracking_code}</a>' in body
    assert "Publik" in body  # the public reporter, in words
    assert ">public<" not in body


def test_a_supervisor_of_another_area_sees_neither_the_event_nor_the_number(personas, case):
    case_services.case_read_audit(actor=personas["supervisor_bpp"].user, case=case)
    body = personas["supervisor_kalteng"].client.get(AUDIT).content.decode()
    assert case.registration_number not in body


def test_a_user_is_named_by_name_and_linked_to_the_admin_for_an_admin(personas):
    caseworker = personas["caseworker_bpp"].user
    caseworker.first_name, caseworker.last_name = "Rina", "Wulandari"
    caseworker.save()
    audit_record(actor=caseworker, action=AuditAction.LOGIN, obj=caseworker)
    admin_body = personas["admin_bpp"].client.get(AUDIT, {"action": "login"}).content.decode()
    assert (
        f'<a href="/admin/accounts/user/{caseworker.pk}/change/">'
        f"Rina Wulandari ({caseworker.username})</a>" in admin_body
    )
    supervisor_body = (
        personas["supervisor_bpp"].client.get(AUDIT, {"action": "login"}).content.decode()
    )
    assert f"Rina Wulandari ({caseworker.username})" in supervisor_body
    assert "/admin/accounts/user/" not in supervisor_body


def test_free_text_finds_the_actor_by_full_name_and_the_action_by_its_word(personas, case):
    supervisor = personas["supervisor_bpp"]
    supervisor.user.first_name, supervisor.user.last_name = "Dewi", "Lestari"
    supervisor.user.save()
    case_services.case_read_audit(actor=supervisor.user, case=case)
    found = rows(supervisor.client.get(AUDIT, {"q": "Dewi Lestari"}))
    assert found
    assert all("Dewi Lestari" in r for r in found)
    views = rows(supervisor.client.get(AUDIT, {"q": "lihat"}))
    assert views
    assert all(" lihat " in f" {r} " for r in views)


def test_free_text_finds_a_case_and_its_records_by_registration_number(personas, case):
    supervisor = personas["supervisor_bpp"]
    other = make_case(personas["intake_bpp"].user)
    case_services.case_read_audit(actor=supervisor.user, case=case)
    case_services.note_add(actor=supervisor.user, case=case, kind="contact", body="Telepon.")
    case_services.case_read_audit(actor=supervisor.user, case=other)
    found = rows(supervisor.client.get(AUDIT, {"q": case.registration_number}))
    assert len(found) >= 3  # created, read, note
    assert all(case.registration_number in r for r in found)
    assert not any(other.registration_number in r for r in found)


def test_a_search_costs_a_bounded_number_of_queries(personas, django_assert_max_num_queries):
    _mixed_events(personas, 3)
    with django_assert_max_num_queries(32):
        personas["supervisor_bpp"].client.get(AUDIT, {"q": "64.71"})


def test_free_text_finds_a_report_by_tracking_code_for_who_may_open_it(personas):
    report = submit_report()
    code = report.tracking_code
    assert rows(personas["supervisor_bpp"].client.get(AUDIT, {"q": code}))
    assert not rows(personas["admin_bpp"].client.get(AUDIT, {"q": code}))


def test_filters_stay_in_the_url_with_counts_and_pages(personas):
    for i in range(55):
        audit_record(
            actor=None,
            action=AuditAction.VIEW,
            object_type="x.y",
            object_id=str(i),
            area_code="64.71",
        )
    audit_record(actor=None, action=AuditAction.CREATE, object_type="x.y", area_code="64.71")
    response = personas["supervisor_bpp"].client.get(AUDIT, {"action": "view"})
    body = response.content.decode()
    assert "55 catatan · menampilkan 1–50" in body
    assert "?action=view&amp;page=2" in body
    assert '<option value="view" selected>' in body
    second = personas["supervisor_bpp"].client.get(AUDIT, {"action": "view", "page": 2})
    assert len(rows(second)) == 5


def test_dates_filter_and_a_wrong_date_is_shown_not_ignored_silently(personas):
    audit_record(actor=None, action=AuditAction.VIEW, object_type="x.y", area_code="64.71")
    client = personas["supervisor_bpp"].client
    assert not rows(client.get(AUDIT, {"date_from": "2999-01-01"}))
    assert rows(client.get(AUDIT, {"date_to": "2999-01-01"}))
    body = client.get(AUDIT, {"date_from": "kemarin"}).content.decode()
    assert 'id="err-date_from"' in body


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(personas):
    body = personas["supervisor_bpp"].client.get(AUDIT, {"q": "tidak-ada-apa-apa"}).content
    assert "Tidak ada catatan yang cocok dengan saringan ini." in body.decode()


def test_system_events_and_unknown_types_read_in_words_never_as_codes(personas):
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        object_type="x.y",
        area_code="64.71",
        actor_label="system",
        object_id="5390f802-0000-0000-0000-000000000000",
    )
    row = rows(personas["supervisor_bpp"].client.get(AUDIT))[0]  # the newest
    assert " Sistem " in f" {row} "
    assert "system" not in row
    assert "x.y" not in row
    assert "berhasil" in row


def _mixed_events(personas: dict[str, Any], n: int) -> None:
    supervisor = personas["supervisor_bpp"].user
    for _ in range(n):
        case = make_case(personas["intake_bpp"].user)
        case_services.case_read_audit(actor=supervisor, case=case)
        case_services.note_add(actor=supervisor, case=case, kind="contact", body="Telepon.")
        submit_report()
        audit_record(actor=supervisor, action=AuditAction.LOGIN, obj=supervisor)


@pytest.mark.parametrize("reader", ["admin_bpp", "supervisor_bpp"])
def test_the_query_count_does_not_grow_with_the_rows(personas, reader):
    """One lookup per kind of record for the whole page (two for cases: the numbers and which
    of them the reader may open), never one per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _mixed_events(personas, 2)
    client = personas[reader].client
    with CaptureQueriesContext(connection) as few:
        client.get(AUDIT)
    _mixed_events(personas, 8)
    assert AuditEvent.objects.count() > 50
    with CaptureQueriesContext(connection) as many:
        client.get(AUDIT)
    assert len(many.captured_queries) <= len(few.captured_queries)
    # session, user, second factor, (area), count, page, then per kind: users (+ the admin's
    # permissions), reports, notes (+ visible cases), cases (+ visible cases), organisations,
    # the navigation's badge, the session's save
    assert len(many.captured_queries) <= 18
