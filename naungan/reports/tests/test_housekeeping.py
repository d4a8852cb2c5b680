import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from naungan.reports.models import IdempotencyRecord
from naungan.reports.services.housekeeping import idempotency_purge

pytestmark = pytest.mark.django_db


def record(key: str, age_hours: float) -> IdempotencyRecord:
    return IdempotencyRecord.objects.create(
        key=key,
        body_hash="0" * 64,
        status_code=201,
        response='{"pin": "123456"}',
        created_at=timezone.now() - dt.timedelta(hours=age_hours),
    )


def test_records_older_than_the_replay_window_are_deleted_and_fresh_ones_kept():
    old = record("old", 25)
    fresh = record("fresh", 23)
    assert idempotency_purge() == 1
    assert not IdempotencyRecord.objects.filter(pk=old.pk).exists()
    assert IdempotencyRecord.objects.filter(pk=fresh.pk).exists()
    assert idempotency_purge() == 0


def test_command_runs_the_purge_inline():
    record("old", 48)
    out = StringIO()
    call_command("purge_idempotency", "--now", stdout=out)
    assert "deleted 1" in out.getvalue()
    assert not IdempotencyRecord.objects.exists()


def test_command_enqueues_the_task_on_the_database_queue(settings):
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.count()
    call_command("purge_idempotency", stdout=StringIO())
    assert DBTaskResult.objects.count() == before + 1
    assert (
        DBTaskResult.objects.order_by("-enqueued_at")
        .first()
        .task_path.endswith("purge_idempotency_records")
    )
