"""The complaint and case-management episodes of the cases opened before services were
recorded (new cases get them from ``episodes_on_case_event``): the complaint from receipt to
the opening, case management from the opening to the closure (if closed)."""

from django.db import migrations

CHUNK = 2000


def record(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    ServiceEpisode = apps.get_model("services", "ServiceEpisode")
    cases = (
        Case.objects.filter(service_episodes__isnull=True)
        .order_by("pk")
        .values_list("pk", "organisation_id", "created_by_id", "received_at", "created_at", "closed_at")
    )
    batch = []
    for pk, org, creator, received, created, closed in cases.iterator(chunk_size=CHUNK):
        opened = max(created, received)
        common = {"case_id": pk, "organisation_id": org, "recorded_by_id": creator, "automatic": True}
        batch.append(
            ServiceEpisode(
                service="complaint", staff_id=creator, started_at=received, ended_at=opened, **common
            )
        )
        batch.append(
            ServiceEpisode(
                service="case_management",
                started_at=opened,
                ended_at=max(closed, opened) if closed else None,
                **common,
            )
        )
        if len(batch) >= CHUNK:
            ServiceEpisode.objects.bulk_create(batch)
            batch = []
    ServiceEpisode.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_services_on_a_case"),
        ("cases", "0012_task_kinds_for_services"),
    ]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
