import pytest

from naungan.core.audit import audit_record, audit_seal, audit_verify
from naungan.core.models import AuditAction, AuditEvent


def test_audit_events_cannot_be_changed_or_deleted(db):
    event = audit_record(actor=None, action=AuditAction.VIEW, object_type="x", object_id="1")
    event.reason = "diubah"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_sealed_chain_verifies_and_detects_a_tampered_row(db):
    for i in range(5):
        audit_record(actor=None, action=AuditAction.VIEW, object_type="x", object_id=str(i))
    assert audit_seal() >= 5
    assert audit_verify().ok
    victim = AuditEvent.objects.filter(object_type="x").order_by("id")[2]
    AuditEvent.objects.filter(pk=victim.pk).update(object_id="dipalsukan")
    report = audit_verify()
    assert not report.ok
    assert report.broken_id == victim.pk


def test_sealing_twice_seals_nothing_new(db):
    audit_record(actor=None, action=AuditAction.VIEW, object_type="x")
    audit_seal()
    assert audit_seal() == 0


def test_login_and_failed_login_are_audited(personas, client):
    user = personas["caseworker_bpp"].user
    client.post("/accounts/login/", {"login": user.username, "password": "salah"})
    assert AuditEvent.objects.filter(action="login_failed", actor_label=user.username).exists()
    client.post("/accounts/login/", {"login": user.username, "password": "Uji-Persona-2026!"})
    assert AuditEvent.objects.filter(action="login", actor=user).exists()


def test_supervisor_reads_audit_of_own_area_only(personas):
    audit_record(actor=None, action=AuditAction.VIEW, object_type="t", area_code="64.71.01")
    audit_record(actor=None, action=AuditAction.VIEW, object_type="t", area_code="62.71")
    body = personas["supervisor_bpp"].client.get("/audit/?action=view").content.decode()
    assert "64.71.01" in body
    assert "62.71" not in body


def test_admin_reads_the_whole_audit_trail(personas):
    audit_record(actor=None, action=AuditAction.VIEW, object_type="t", area_code="62.71")
    assert "62.71" in personas["admin_bpp"].client.get("/audit/").content.decode()
