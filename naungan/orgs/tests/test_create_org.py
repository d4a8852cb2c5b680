import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from naungan.orgs.models import Organisation


def test_create_org_command_creates_a_shelter_with_beds(db):
    call_command(
        "create_org",
        "--slug",
        "rumah-aman-x",
        "--name",
        "Rumah Aman X",
        "--kind",
        "provider",
        "--area",
        "64.71",
        "--services",
        "shelter",
        "--capacity",
        "6",
    )
    org = Organisation.objects.get(slug="rumah-aman-x")
    assert org.kind == "provider"
    assert org.services == ["shelter"]
    assert org.capacity == 6
    assert org.area.code == "64.71"
    assert list(org.coverage.values_list("code", flat=True)) == ["64.71"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "rumah_sakit", "--area", "64.71"], "kind"),
        (["--kind", "provider", "--area", "99.99"], "area"),
        (["--kind", "provider", "--area", "64.71", "--services", "teleport"], "services"),
    ],
)
def test_create_org_rejects_unknown_values_and_creates_nothing(db, args, message):
    with pytest.raises(CommandError) as exc:
        call_command("create_org", "--slug", "salah", "--name", "Salah", *args)
    assert message in str(exc.value)
    assert not Organisation.objects.filter(slug="salah").exists()


def test_create_org_rejects_a_duplicate_slug(db):
    call_command("create_org", "--slug", "dup", "--name", "A", "--kind", "dinas", "--area", "64")
    with pytest.raises(CommandError):
        call_command(
            "create_org", "--slug", "dup", "--name", "B", "--kind", "dinas", "--area", "64"
        )
    assert Organisation.objects.get(slug="dup").name == "A"


def test_create_org_stores_a_shelter_address_encrypted(db):
    call_command(
        "create_org",
        "--slug", "rumah-aman-y",
        "--name", "Rumah Aman Y",
        "--kind", "provider",
        "--area", "64.71",
        "--services", "shelter",
        "--capacity", "3",
        "--confidential-address", "Jl. Rahasia 9",
    )  # fmt: skip
    org = Organisation.objects.get(slug="rumah-aman-y")
    assert org.confidential_address == "Jl. Rahasia 9"
    stored = Organisation.objects.filter(pk=org.pk).values_list("confidential_address", flat=True)
    assert "Rahasia" not in stored[0]


def test_create_org_records_the_directory_of_a_provider(db):
    call_command(
        "create_org",
        "--slug", "posbakum-x",
        "--name", "Posbakum X",
        "--kind", "provider",
        "--provider-type", "legal_aid",
        "--area", "64.71",
        "--services", "legal_aid",
        "--coverage", "64.71.01, 64.71.02",
        "--hours", "Senin-Jumat 08.00-16.00 WITA",
        "--phone", "(0542) 000-999",
        "--email", "pos@contoh.invalid",
        "--eligibility", "Warga tidak mampu",
        "--eligibility-documents", "sktm,pkh",
        "--capacity-notes", "Janji temu dulu",
    )  # fmt: skip
    org = Organisation.objects.get(slug="posbakum-x")
    assert sorted(org.coverage.values_list("code", flat=True)) == ["64.71.01", "64.71.02"]
    assert org.hours == "Senin-Jumat 08.00-16.00 WITA"
    assert (org.phone, org.email) == ("(0542) 000-999", "pos@contoh.invalid")
    assert org.eligibility == "Warga tidak mampu"
    assert org.eligibility_documents == ["sktm", "pkh"]
    assert org.capacity_notes == "Janji temu dulu"
    assert org.provider_type == "legal_aid"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--eligibility-documents", "sktm,paspor"], "paspor"),
        (["--coverage", "64.71,99.99"], "99.99"),
        (["--provider-type", "dukun"], "provider_type"),
        (["--email", "bukan-surel"], "email"),
    ],
)
def test_create_org_rejects_bad_directory_values_and_creates_nothing(db, args, message):
    with pytest.raises(CommandError) as exc:
        call_command(
            "create_org", "--slug", "salah", "--name", "Salah", "--kind", "provider",
            "--area", "64.71", "--services", "legal_aid", *args,
        )  # fmt: skip
    assert message in str(exc.value)
    assert not Organisation.objects.filter(slug="salah").exists()
