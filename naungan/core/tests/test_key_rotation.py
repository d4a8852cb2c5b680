"""Key rotation covers every encrypted value, file, TOTP secret and recovery-code seed, and
``rotate_field_keys --verify`` refuses (exit ≠ 0, naming the column) while a value still needs
an older key, so that removing the old key never makes data unreadable."""

from __future__ import annotations

import base64
import hashlib
import io
import os

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt
from django.core.management import call_command
from django.core.management.base import CommandError

from naungan.cases.models import CaseDocument, Person
from naungan.cases.tests.factories import make_case
from naungan.core import crypto
from naungan.core.audit import audit_record
from naungan.core.models import AuditEvent
from naungan.orgs.models import Organisation


def new_key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("rotate_field_keys", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def verify_fails() -> str:
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("rotate_field_keys", "--verify", stdout=io.StringIO(), stderr=err)
    return err.getvalue()


PDF = b"%PDF-1.4 visum et repertum\n%%EOF\n"


@pytest.fixture
def stored(personas, orgs):
    """One of each kind of encrypted thing, written under the current key."""
    intake = personas["intake_bpp"].user
    case = make_case(intake, victims=[{"name": "Siti Aminah", "age": 15}])
    org = orgs["bpp"]["t-posbakum-bpp"]
    org.confidential_address = "Jl. Rahasia No. 7"
    org.save()
    doc = CaseDocument(
        case=case,
        kind="visum",
        title="Visum",
        content_type="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
        uploaded_by=intake,
    )
    doc.blob = crypto.encrypt_bytes(PDF, context=str(doc.public_id).encode())
    doc.save()
    user = personas["caseworker_bpp"].user  # no second factor enrolled yet
    totp = TOTP.activate(user, "JBSWY3DPEHPK3PXP")
    codes = RecoveryCodes.activate(user)
    audit_record(actor=None, action="update", object_type="x", reason="alasan rahasia")
    return {
        "case": case,
        "org": org,
        "doc": doc,
        "totp": totp.instance.pk,
        "codes": (codes.instance.pk, codes.generate_codes()),
    }


def test_verify_passes_when_everything_uses_the_newest_key(stored):
    out, _err = run("--verify")
    assert "older keys may be removed" in out


def test_verify_refuses_and_names_every_place_still_on_the_old_key(stored, settings):
    settings.FIELD_KEYS = [new_key(), *settings.FIELD_KEYS]
    err = verify_fails()
    for place in (
        "cases_person.name",
        "orgs_organisation.confidential_address",
        "cases_casedocument.blob",
        "core_auditevent.reason",
        "mfa_authenticator.data",
    ):
        assert place in err
    assert "older key" in err


def test_verify_names_values_whose_key_is_not_configured(stored, settings):
    settings.FIELD_KEYS = [new_key()]
    assert "KEY NOT CONFIGURED" in verify_fails()


def test_rotation_reencrypts_values_files_and_mfa_secrets_so_the_old_key_can_go(stored, settings):
    secrets = sum(
        ("secret" in data) + ("seed" in data)
        for data in Authenticator.objects.values_list("data", flat=True)
    )
    assert secrets >= 2
    settings.FIELD_KEYS = [new_key(), *settings.FIELD_KEYS]
    out, err = run()
    assert "orgs.Organisation: 1 values" in out
    assert "cases.CaseDocument: " in out
    assert "1 files" in out
    assert f"mfa.Authenticator: {secrets} secrets" in out
    assert not err
    settings.FIELD_KEYS = settings.FIELD_KEYS[:1]  # the old key removed
    assert Organisation.objects.get(pk=stored["org"].pk).confidential_address == (
        "Jl. Rahasia No. 7"
    )
    assert {p.name for p in Person.objects.all()} >= {"Siti Aminah"}
    doc = CaseDocument.objects.get(pk=stored["doc"].pk)
    assert (
        crypto.decrypt_bytes_verified(
            doc.blob, context=str(doc.public_id).encode(), sha256=doc.sha256
        )
        == PDF
    )
    assert "alasan rahasia" in {e.reason for e in AuditEvent.objects.all()}
    secret = Authenticator.objects.get(pk=stored["totp"]).data["secret"]
    assert decrypt(secret) == "JBSWY3DPEHPK3PXP"
    pk, codes = stored["codes"]
    assert RecoveryCodes(Authenticator.objects.get(pk=pk)).generate_codes() == codes


def test_rotating_twice_rewrites_nothing_the_second_time(stored, settings):
    settings.FIELD_KEYS = [new_key(), *settings.FIELD_KEYS]
    run()
    out, _err = run()
    assert "orgs.Organisation: 0 values and 0 files" in out
    assert "mfa.Authenticator: 0 secrets" in out


def test_a_value_that_cannot_be_decrypted_is_named_and_left_alone(stored, settings):
    from django.db import connection

    org = stored["org"]
    with connection.cursor() as cur:
        cur.execute(
            "UPDATE orgs_organisation SET confidential_address = "
            "(SELECT name FROM cases_person LIMIT 1) WHERE id = %s",
            [org.pk],
        )
    settings.FIELD_KEYS = [new_key(), *settings.FIELD_KEYS]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("rotate_field_keys", stdout=io.StringIO(), stderr=err)
    # Named with its place and row on stderr; the final verification then refuses.
    assert f"orgs_organisation.confidential_address of row {org.row_uuid}" in err.getvalue()
