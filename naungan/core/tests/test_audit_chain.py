"""The audit trail's chain is keyed (HMAC-SHA256 with NAUNGAN_AUDIT_KEY, a secret outside the
database), seals every committed event in order (late commits included) and names the first
broken link."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from naungan.core.audit import audit_record, audit_seal, audit_verify
from naungan.core.models import AuditAction, AuditEvent


def record(n: int, **kw) -> list[AuditEvent]:
    return [
        audit_record(actor=None, action=AuditAction.VIEW, object_type="x", object_id=str(i), **kw)
        for i in range(n)
    ]


def sql(statement: str, params: list) -> None:
    with connection.cursor() as cur:
        cur.execute(statement, params)


@pytest.fixture
def sealed(db) -> list[AuditEvent]:
    record(5, reason="korban meminta salinan")
    audit_seal()
    return list(AuditEvent.objects.order_by("seq"))


def test_a_sealed_chain_verifies_and_names_its_head(sealed):
    report = audit_verify()
    assert report.ok
    assert report.checked == 5
    assert report.head_seq == 5
    assert report.head_hash == sealed[-1].hash


def test_tampering_a_sealed_rows_field_is_found_at_that_row(sealed):
    victim = sealed[2]
    sql("UPDATE core_auditevent SET actor_label = %s WHERE id = %s", ["orang-lain", victim.pk])
    report = audit_verify()
    assert not report.ok
    assert (report.broken_seq, report.broken_id) == (3, victim.pk)
    assert "hash does not match" in report.problem


def test_deleting_a_row_is_found_as_a_missing_seq(sealed):
    sql("DELETE FROM core_auditevent WHERE id = %s", [sealed[1].pk])
    report = audit_verify()
    assert not report.ok
    assert report.broken_id == sealed[2].pk
    assert "seq 2 is missing" in report.problem


def test_reordering_two_rows_is_found(sealed):
    a, b = sealed[1], sealed[3]
    sql("UPDATE core_auditevent SET seq = %s WHERE id = %s", [10**9, a.pk])
    sql("UPDATE core_auditevent SET seq = %s WHERE id = %s", [a.seq, b.pk])
    sql("UPDATE core_auditevent SET seq = %s WHERE id = %s", [b.seq, a.pk])
    report = audit_verify()
    assert not report.ok
    assert report.broken_seq == a.seq


def test_swapping_two_sealed_reasons_is_found(db):
    one, two = record(1, reason="alasan satu") + record(1, reason="alasan dua")
    audit_seal()
    with connection.cursor() as cur:
        cur.execute("SELECT reason FROM core_auditevent WHERE id = %s", [two.pk])
        moved = cur.fetchone()[0]
    sql("UPDATE core_auditevent SET reason = %s WHERE id = %s", [moved, one.pk])
    report = audit_verify()
    assert not report.ok
    assert report.broken_id == one.pk


def test_a_chain_recomputed_without_the_key_fails(sealed):
    """Someone with database access changes an event and recomputes the chain from there with
    every key they could have: the unkeyed SHA-256 of before, or a key of their own."""
    for forge in (
        lambda msg: hashlib.sha256(msg).hexdigest(),
        lambda msg: hmac.new(os.urandom(32), msg, hashlib.sha256).hexdigest(),
    ):
        prev = ""
        for event in AuditEvent.objects.order_by("seq"):
            if event.seq == 2:
                event.actor_label = "dipalsukan"
            event.prev_hash = prev
            event.hash = forge((prev + "\n" + event.payload()).encode())
            sql(
                "UPDATE core_auditevent SET actor_label = %s, prev_hash = %s, hash = %s "
                "WHERE id = %s",
                [event.actor_label, event.prev_hash, event.hash, event.pk],
            )
            prev = event.hash
        report = audit_verify()
        assert not report.ok
        assert report.broken_seq == 1  # nothing verifies without the key


def test_an_event_that_commits_late_with_a_lower_id_is_still_sealed(db):
    """Two transactions take ids 1 and 2; the one with id 2 commits and is sealed first. The
    event with the lower id commits afterwards: it must be sealed by the next run."""
    record(1)
    early, late = record(2)
    late_id = late.pk
    sql("DELETE FROM core_auditevent WHERE id = %s", [early.pk])  # not committed yet
    audit_seal()
    AuditEvent.objects.bulk_create(
        [AuditEvent(id=early.pk, action=AuditAction.VIEW, object_type="x", object_id="late")]
    )
    assert audit_seal() == 1
    sealed_late = AuditEvent.objects.get(pk=early.pk)
    assert sealed_late.seq == AuditEvent.objects.get(pk=late_id).seq + 1
    assert audit_verify().ok
    assert not AuditEvent.objects.filter(seq__isnull=True).exists()


def test_rotating_the_field_keys_keeps_the_chain_intact(sealed, settings):
    settings.FIELD_KEYS = [base64.b64encode(os.urandom(32)).decode(), *settings.FIELD_KEYS]
    call_command("rotate_field_keys", stdout=open(os.devnull, "w"))  # noqa: SIM115
    settings.FIELD_KEYS = settings.FIELD_KEYS[:1]
    assert audit_verify().ok


def test_a_different_audit_key_does_not_verify_the_chain(sealed, settings):
    settings.AUDIT_KEY = base64.b64encode(os.urandom(32)).decode()
    assert not audit_verify().ok


def test_audit_verify_command_names_the_first_broken_link_and_fails(sealed):
    sql("UPDATE core_auditevent SET object_id = %s WHERE id = %s", ["z", sealed[3].pk])
    with pytest.raises(CommandError) as exc:
        call_command("audit_verify")
    assert f"seq 4 (event id {sealed[3].pk})" in str(exc.value)
    with pytest.raises(CommandError):
        call_command("audit_seal", "--verify")


def test_audit_seal_verify_reports_an_intact_chain(db, capsys):
    record(2)
    call_command("audit_seal", "--verify")
    out = capsys.readouterr().out
    assert "sealed 2 events" in out
    assert "audit chain intact: 2 events" in out
