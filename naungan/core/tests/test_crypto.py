import base64
import os

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from naungan.core import crypto
from naungan.core.fields import blind_index
from naungan.core.normalize import normalize_phone
from naungan.orgs.models import Organisation


def new_key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


CTX = crypto.binding("t", "c", "row-1")


@given(st.text(max_size=300))
def test_encrypt_then_decrypt_gives_the_text_back(text):
    assert crypto.decrypt(crypto.encrypt(text, context=CTX), context=CTX) == text


def test_ciphertext_does_not_contain_the_plaintext_and_differs_each_time():
    a, b = crypto.encrypt("Siti Aminah", context=CTX), crypto.encrypt("Siti Aminah", context=CTX)
    assert a != b
    assert "Siti" not in a


def test_tampered_ciphertext_is_rejected_without_revealing_anything():
    token = crypto.encrypt("3171234567890123", context=CTX)
    prefix, kid, body = token.split(":")
    raw = bytearray(base64.b64decode(body))
    raw[-1] ^= 1
    with pytest.raises(crypto.DecryptionError) as exc:
        crypto.decrypt(f"{prefix}:{kid}:{base64.b64encode(bytes(raw)).decode()}", context=CTX)
    assert "3171" not in str(exc.value)


def test_old_key_still_decrypts_after_rotation_and_new_writes_use_the_new_key(settings):
    old_token = crypto.encrypt("rahasia", context=CTX)
    old_id = crypto.key_id_of(old_token)
    settings.FIELD_KEYS = [new_key(), *settings.FIELD_KEYS]
    assert crypto.decrypt(old_token, context=CTX) == "rahasia"
    assert crypto.key_id_of(crypto.encrypt("rahasia", context=CTX)) != old_id


def test_value_encrypted_with_a_removed_key_cannot_be_read(settings):
    token = crypto.encrypt("rahasia", context=CTX)
    settings.FIELD_KEYS = [new_key()]
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token, context=CTX)


def raw_column(org: Organisation) -> str:
    with connection.cursor() as cur:
        cur.execute("SELECT confidential_address FROM orgs_organisation WHERE id = %s", [org.pk])
        return cur.fetchone()[0]


def test_encrypted_field_is_stored_as_ciphertext_and_read_as_plaintext(orgs):
    org = orgs["bpp"]["t-posbakum-bpp"]
    org.confidential_address = "Jl. Rahasia No. 7"
    org.save()
    assert "Rahasia" not in raw_column(org)
    assert Organisation.objects.get(pk=org.pk).confidential_address == "Jl. Rahasia No. 7"


def test_rotate_command_reencrypts_rows_with_the_newest_key(orgs, settings):
    org = orgs["bpp"]["t-posbakum-bpp"]
    org.confidential_address = "Jl. Rahasia No. 7"
    org.save()
    settings.FIELD_KEYS = [new_key(), *settings.FIELD_KEYS]
    newest = crypto.keyring().current[0]
    assert crypto.key_id_of(raw_column(org)) != newest
    call_command("rotate_field_keys")
    assert crypto.key_id_of(raw_column(org)) == newest
    settings.FIELD_KEYS = settings.FIELD_KEYS[:1]  # the old key is no longer needed
    assert Organisation.objects.get(pk=org.pk).confidential_address == "Jl. Rahasia No. 7"


@pytest.mark.parametrize(
    "typed", ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "(0812) 3456 7890"]
)
def test_phone_numbers_in_any_common_form_share_one_blind_index(typed):
    assert normalize_phone(typed) == "+6281234567890"
    assert blind_index("phone", typed) == blind_index("phone", "081234567890")


def test_nik_blind_index_ignores_separators_and_differs_from_phone_index():
    assert blind_index("nik", "6471 0101 0101 0001") == blind_index("nik", "6471010101010001")
    assert blind_index("nik", "6471010101010001") != blind_index("phone", "6471010101010001")
    assert blind_index("nik", "6471010101010001") != blind_index("nik", "6471010101010002")


def test_blind_index_depends_on_the_secret_key(settings):
    before = blind_index("nik", "6471010101010001")
    settings.HMAC_KEY = new_key()
    crypto._purpose_key.cache_clear()
    assert blind_index("nik", "6471010101010001") != before


def test_encrypted_values_do_not_reach_auditlog_diffs(orgs):
    from auditlog.models import LogEntry

    org = orgs["bpp"]["t-posbakum-bpp"]
    org.confidential_address = "Jl. Rahasia No. 7"
    org.save()
    entry = LogEntry.objects.get_for_object(org).order_by("-timestamp").first()
    assert entry is not None
    assert "Rahasia" not in str(entry.changes)


# --- Bytes (file attachments) -----------------------------------------------------------------


@given(st.binary(max_size=2000), st.binary(max_size=40))
def test_encrypt_bytes_then_decrypt_gives_the_bytes_back(data, context):
    assert (
        crypto.decrypt_bytes(crypto.encrypt_bytes(data, context=context), context=context) == data
    )


def test_encrypted_bytes_do_not_contain_the_plaintext_and_differ_each_time():
    plain = b"%PDF-1.7 visum et repertum Siti Aminah" * 4
    a, b = crypto.encrypt_bytes(plain), crypto.encrypt_bytes(plain)
    assert a != b
    assert b"Siti" not in a
    assert b"%PDF" not in a


def test_bytes_sealed_for_one_context_do_not_open_in_another():
    blob = crypto.encrypt_bytes(b"foto", context=b"attachment-1")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_bytes(blob, context=b"attachment-2")


def test_tampered_or_foreign_bytes_are_rejected():
    blob = bytearray(crypto.encrypt_bytes(b"rekaman suara"))
    blob[-1] ^= 1
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_bytes(bytes(blob))
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_bytes(b"\xff\xd8\xff\xe0 plain jpeg")


def test_old_key_still_decrypts_bytes_after_rotation(settings):
    blob = crypto.encrypt_bytes(b"lampiran", context=b"x")
    old_id = crypto.key_id_of_bytes(blob)
    settings.FIELD_KEYS = [new_key(), *settings.FIELD_KEYS]
    assert crypto.decrypt_bytes(blob, context=b"x") == b"lampiran"
    assert crypto.key_id_of_bytes(crypto.encrypt_bytes(b"lampiran")) != old_id
    settings.FIELD_KEYS = [new_key()]
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_bytes(blob, context=b"x")


def test_verified_decryption_rejects_bytes_that_do_not_match_the_recorded_hash():
    import hashlib

    blob = crypto.encrypt_bytes(b"isi berkas", context=b"f1")
    good = hashlib.sha256(b"isi berkas").hexdigest()
    assert crypto.decrypt_bytes_verified(memoryview(blob), context=b"f1", sha256=good) == (
        b"isi berkas"
    )
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_bytes_verified(blob, context=b"f1", sha256="0" * 64)
