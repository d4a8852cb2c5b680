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
