"""Encrypted values are bound to their table, column and row (AES-GCM associated data): a
ciphertext moved by someone who writes the database fails to decrypt, it never reads as the
wrong plaintext. Version 1 values (bound to the key id only) still read."""

from __future__ import annotations

import base64
import os

import pytest
from auditlog.registry import auditlog
from django.apps import apps
from django.core.exceptions import FieldError
from django.db import connection

from naungan.cases.models import Person, Task
from naungan.cases.tests.factories import make_case
from naungan.core import crypto, rekey
from naungan.core.fields import EncryptedTextField
from naungan.core.models import AuditEvent
from naungan.orgs.models import Organisation
from naungan.reports.models import ReportMessage


def raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cur:
        cur.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cur.fetchone()[0]


def write_raw(table: str, column: str, pk: int, value: str) -> None:
    with connection.cursor() as cur:
        cur.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, pk])  # noqa: S608


def v1_token(plaintext: str) -> str:
    """A value as the previous version wrote it: associated data the key id only."""
    key_id, cipher = crypto.keyring().current
    nonce = os.urandom(12)
    sealed = cipher.encrypt(nonce, plaintext.encode(), key_id.encode())
    return f"v1:{key_id}:{base64.b64encode(nonce + sealed).decode()}"


@pytest.fixture
def two_people(personas):
    make_case(
        personas["intake_bpp"].user,
        victims=[{"name": "Siti Aminah", "age": 15}, {"name": "Rina Wati", "age": 12}],
    )
    return list(Person.objects.order_by("id"))[-2:]


def test_swapping_two_rows_ciphertexts_makes_both_fail_to_decrypt(two_people):
    siti, rina = two_people
    a = raw("cases_person", "name", siti.pk)
    b = raw("cases_person", "name", rina.pk)
    write_raw("cases_person", "name", siti.pk, b)
    write_raw("cases_person", "name", rina.pk, a)
    for person in two_people:
        fresh = Person.objects.get(pk=person.pk)
        with pytest.raises(crypto.DecryptionError) as exc:
            fresh.name  # noqa: B018
        assert "cases_person.name" in str(exc.value)
        assert "Siti" not in str(exc.value)
        assert "Rina" not in str(exc.value)


def test_a_ciphertext_moved_to_another_column_of_the_same_row_fails(two_people):
    siti = Person.objects.get(pk=two_people[0].pk)
    siti.address = "Jl. Rahasia 7"
    siti.save()
    write_raw("cases_person", "name", siti.pk, raw("cases_person", "address", siti.pk))
    with pytest.raises(crypto.DecryptionError):
        Person.objects.get(pk=siti.pk).name  # noqa: B018


def test_a_ciphertext_moved_to_another_table_fails(two_people, orgs):
    org = orgs["bpp"]["t-posbakum-bpp"]
    write_raw(
        "orgs_organisation",
        "confidential_address",
        org.pk,
        raw("cases_person", "name", two_people[0].pk),
    )
    with pytest.raises(crypto.DecryptionError):
        Organisation.objects.get(pk=org.pk).confidential_address  # noqa: B018


def test_values_are_stored_in_the_bound_format_and_read_back(two_people):
    stored = raw("cases_person", "name", two_people[0].pk)
    assert stored.startswith("v2:")
    assert "Siti" not in stored
    assert Person.objects.get(pk=two_people[0].pk).name == "Siti Aminah"


def test_a_version_1_value_still_reads(orgs):
    org = orgs["bpp"]["t-posbakum-bpp"]
    write_raw("orgs_organisation", "confidential_address", org.pk, v1_token("Jl. Lama 1"))
    assert Organisation.objects.get(pk=org.pk).confidential_address == "Jl. Lama 1"


def test_the_data_migration_moves_version_1_values_to_the_bound_format(orgs):
    org = orgs["bpp"]["t-posbakum-bpp"]
    write_raw("orgs_organisation", "confidential_address", org.pk, v1_token("Jl. Lama 1"))
    rekey.migrate_app(apps, "orgs")
    assert raw("orgs_organisation", "confidential_address", org.pk).startswith("v2:")
    assert Organisation.objects.get(pk=org.pk).confidential_address == "Jl. Lama 1"


def test_the_data_migration_encrypts_a_column_that_held_plaintext(personas):
    case = make_case(personas["intake_bpp"].user)
    task = Task.objects.filter(case=case).first() or Task.objects.create(
        case=case, kind="other", due_at=case.received_at
    )
    write_raw("cases_task", "waived_reason", task.pk, "korban pindah ke luar kota")
    rekey.migrate_app(apps, "cases", plaintext={"task": ["waived_reason"]})
    stored = raw("cases_task", "waived_reason", task.pk)
    assert stored.startswith("v2:")
    assert "korban" not in stored
    assert Task.objects.get(pk=task.pk).waived_reason == "korban pindah ke luar kota"


def test_rows_without_public_id_are_bound_to_their_row_uuid(personas):
    from naungan.reports.models import Report

    report = Report.objects.create(
        tracking_code="UJI-0001",
        pin_hash="x",
        kind="complaint",
        channel="hotline",
        reporter_relation="victim",
        description="uraian rahasia",
        received_at="2026-03-01T10:00:00+08:00",
    )
    one = ReportMessage.objects.create(
        report=report, sender="reporter", body="pesan satu", sent_at=report.received_at
    )
    two = ReportMessage.objects.create(
        report=report, sender="reporter", body="pesan dua", sent_at=report.received_at
    )
    write_raw("reports_reportmessage", "body", one.pk, raw("reports_reportmessage", "body", two.pk))
    with pytest.raises(crypto.DecryptionError):
        ReportMessage.objects.get(pk=one.pk).body  # noqa: B018
    assert ReportMessage.objects.get(pk=two.pk).body == "pesan dua"


def test_queryset_update_with_a_plaintext_encrypted_value_is_refused(orgs):
    with pytest.raises(FieldError):
        Organisation.objects.filter(slug="t-posbakum-bpp").update(confidential_address="Jl. X")


def test_bulk_created_values_are_bound_and_read_back(orgs):
    area = orgs["bpp"]["t-posbakum-bpp"].area
    Organisation.objects.bulk_create(
        [
            Organisation(
                slug=f"massal-{i}",
                name=f"M{i}",
                kind="uptd_ppa",
                area=area,
                confidential_address=f"Jl. {i}",
            )
            for i in range(3)
        ]
    )
    assert sorted(
        o.confidential_address for o in Organisation.objects.filter(slug__startswith="massal-")
    ) == ["Jl. 0", "Jl. 1", "Jl. 2"]


def test_audit_reasons_are_encrypted_at_rest(db):
    from naungan.core.audit import audit_record

    event = audit_record(actor=None, action="update", object_type="x", reason="korban takut pulang")
    stored = raw("core_auditevent", "reason", event.pk)
    assert stored.startswith("v2:")
    assert "korban" not in stored
    assert AuditEvent.objects.get(pk=event.pk).reason == "korban takut pulang"


def test_every_model_diffed_by_auditlog_masks_its_encrypted_fields():
    for model in auditlog.get_models():
        encrypted = {
            f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)
        }
        masked = set(auditlog.get_model_fields(model).get("mask_fields", []))
        assert encrypted <= masked, model._meta.label


def test_api_answers_a_moved_ciphertext_with_a_json_error_and_no_plaintext(personas, caplog):
    case = make_case(
        personas["intake_bpp"].user,
        victims=[{"name": "Siti Aminah", "age": 15}, {"name": "Rina Wati", "age": 12}],
    )
    siti, rina = Person.objects.filter(parties__case=case).order_by("id")
    write_raw("cases_person", "name", siti.pk, raw("cases_person", "name", rina.pk))
    response = personas["intake_bpp"].api("get", f"/api/v1/cases/{case.public_id}")
    assert response.status_code == 500
    assert "detail" in response.json()
    assert "Rina" not in response.content.decode()
    assert "cases_person.name" in caplog.text
    assert "Rina" not in caplog.text


def test_filtering_on_an_encrypted_field_is_refused_but_emptiness_can_be_compared(orgs):
    with pytest.raises(FieldError):
        list(Organisation.objects.filter(confidential_address="Jl. X"))
    with pytest.raises(FieldError):
        list(AuditEvent.objects.filter(reason__startswith="assign"))
    assert Organisation.objects.exclude(confidential_address="").count() == 0
