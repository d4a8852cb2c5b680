"""How a submission is stored: the report, its idempotency record and its audit event go in
together (one INSERT statement on PostgreSQL, the ORM in a transaction elsewhere or when a
model signal listens), routed by a rule the database evaluates, never half-stored."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.db.models.signals import post_save

from naungan.core.models import AuditEvent
from naungan.orgs.services import org_create
from naungan.reports import services
from naungan.reports.models import IdempotencyRecord, Report

pytestmark = pytest.mark.django_db


def _input(**overrides: Any) -> services.ReportInput:
    values: dict[str, Any] = {
        "kind": "complaint",
        "reporter_relation": "witness",
        "victim_name": "Ani",
        "violence_types": ["physical"],
        "description": "Tetangga memukul anaknya setiap malam.",
        "area_code": "64.71.01",
        **overrides,
    }
    return services.ReportInput(**values)


def test_report_record_and_event_are_stored_together(orgs: Any, rf: Any) -> None:
    request = rf.post("/api/v1/public/reports")
    request.client_ip = "10.9.8.7"
    result = services.report_submit(
        actor=None, data=_input(), request=request, idempotency_key="together"
    )
    assert not result.replayed
    assert result.report is not None
    report = Report.objects.get()
    assert result.report is not None
    assert (result.report.pk, result.report.organisation_id) == (
        report.pk,
        orgs["bpp"]["t-uptd-bpp"].pk,
    )
    assert report.victim_name == "Ani"  # decrypts: encrypted on the way in
    assert report.tracking_code == result.body["tracking_code"]
    assert report.created_at is not None
    assert report.updated_at is not None
    record = IdempotencyRecord.objects.get()
    assert (record.key, record.report_id, record.status_code) == ("public:together", report.pk, 201)
    event = AuditEvent.objects.get(action="create", object_type="reports.report")
    assert (event.object_type, event.object_id, event.area_code, event.actor_label) == (
        "reports.report",
        str(report.public_id),
        "64.71.01",
        "public",
    )
    assert event.ip is None  # a public reporter's address is never stored
    assert event.categories == services.CATEGORIES


def test_tracking_code_collision_stores_nothing_half(orgs: Any, monkeypatch: Any) -> None:
    first = services.report_submit(actor=None, data=_input(), idempotency_key="one")
    codes = iter([first.body["tracking_code"], "LP-2222-2222"])
    monkeypatch.setattr(services.submit, "tracking_code_new", lambda: next(codes))
    second = services.report_submit(actor=None, data=_input(), idempotency_key="two")
    assert not second.replayed
    assert not second.replayed
    assert second.body["tracking_code"] == "LP-2222-2222"
    assert Report.objects.count() == 2
    assert IdempotencyRecord.objects.count() == 2
    assert AuditEvent.objects.filter(action="create", object_type="reports.report").count() == 2


def test_a_listening_signal_is_honoured(orgs: Any) -> None:
    seen: list[Any] = []

    def listener(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
        seen.append((sender, created))

    post_save.connect(listener, sender=Report, weak=False)
    try:
        result = services.report_submit(actor=None, data=_input(), idempotency_key="sig")
    finally:
        post_save.disconnect(listener, sender=Report)
    assert seen == [(Report, True)]
    report = Report.objects.get()
    assert result.report is not None
    assert result.report.pk == report.pk
    assert report.organisation == orgs["bpp"]["t-uptd-bpp"]
    assert IdempotencyRecord.objects.get().report_id == report.pk
    assert AuditEvent.objects.filter(action="create", object_id=str(report.public_id)).exists()


def test_routing_is_never_stale(orgs: Any, settings: Any) -> None:
    """The compiled routing rule is cached per area, but it names no unit: a unit created or
    a setting changed at run time takes effect on the next report."""
    first = services.report_submit(actor=None, data=_input()).report
    assert first is not None
    assert first.organisation_id == orgs["bpp"]["t-uptd-bpp"].pk
    district = org_create(
        actor=None,
        slug="t-uptd-district",
        name="UPTD PPA Balikpapan Selatan (uji)",
        kind="uptd_ppa",
        area_code="64.71.01",
        services=[],
        provider_type="",
    )
    second = services.report_submit(actor=None, data=_input()).report
    assert second is not None
    assert second.organisation_id == district.pk
    # Without an area: the configured unit, read from settings on every report.
    settings.REPORT_DEFAULT_ORG = "t-uptd-kalteng"
    third = services.report_submit(actor=None, data=_input(area_code=None)).report
    assert third is not None
    assert third.organisation_id == orgs["kalteng"]["t-uptd-kalteng"].pk
    settings.REPORT_DEFAULT_ORG = "t-uptd-bpp"
    fourth = services.report_submit(actor=None, data=_input(area_code=None)).report
    assert fourth is not None
    assert fourth.organisation_id == orgs["bpp"]["t-uptd-bpp"].pk


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_store_one_report(orgs: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent writers (PostgreSQL)")
    results: list[Any] = []
    barrier = threading.Barrier(4)

    def submit() -> None:
        try:
            barrier.wait()
            results.append(services.report_submit(actor=None, data=_input(), idempotency_key="x"))
        except services.SubmissionInProgress as exc:
            results.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    answers = [r for r in results if isinstance(r, services.Submission)]
    assert len(results) == 4
    assert answers
    assert all(r.tracking_code and r.pin for r in answers)
    assert len({(r.body["tracking_code"], r.body["pin"]) for r in answers}) == 1
    assert sum(not r.replayed for r in answers) == 1
    assert Report.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1
    assert AuditEvent.objects.filter(action="create", object_type="reports.report").count() == 1


def test_nothing_listens_to_the_stored_models() -> None:
    """The single-statement insert is used only while no model signal listens to Report,
    IdempotencyRecord or AuditEvent; registering one (e.g. with django-auditlog) silently
    moves public reporting to the slower ORM path (docs/performance.md)."""
    assert not services._signals_listen()


def test_the_area_cache_forgets_a_reloaded_area(db: Any) -> None:
    """The per-process area cache of the public hot path is emptied when the area table
    changes: a reloaded area (same code, new id) is never routed by its old id."""
    from naungan.areas.loader import load_regions
    from naungan.areas.models import Area
    from naungan.reports.services import validation

    code = "64.71.01.1001"
    try:
        first = validation._area_by_code(code)
        assert first is not None
        assert validation._AREA_CACHE[code] == first
        Area.objects.filter(code=code).delete()
        assert code not in validation._AREA_CACHE  # post_delete
        validation._AREA_CACHE[code] = first  # as if another process path had kept it
        assert load_regions(Area) == 1
        assert code not in validation._AREA_CACHE  # areas_changed
        again = validation._area_by_code(code)
        assert again is not None
        assert again.pk != first.pk
    finally:
        # The reloaded row goes with this test's transaction: forget it too.
        validation.area_caches_clear()
