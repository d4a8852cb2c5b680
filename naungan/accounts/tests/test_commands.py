from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from naungan.accounts.models import ApiToken, User


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_create_staff_creates_an_active_account_with_role_org_and_area(orgs):
    run(
        "create_staff",
        "--username",
        "budi",
        "--password",
        "Kuat-Sekali-2026",
        "--role",
        "caseworker",
        "--org",
        "t-uptd-bpp",
        "--area",
        "64.71.01",
        "--email",
        "budi@example.org",
    )
    user = User.objects.get(username="budi")
    assert user.is_active
    assert user.role == "caseworker"
    assert user.organisation.slug == "t-uptd-bpp"
    assert user.area.code == "64.71.01"
    assert user.check_password("Kuat-Sekali-2026")


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"--role": "polisi"}, "role"),
        ({"--org": "tidak-ada"}, "org"),
        ({"--area": "64.99"}, "area"),
    ],
)
def test_create_staff_with_unknown_values_fails_and_creates_nothing(orgs, override, field):
    args = {
        "--username": "salah",
        "--password": "Kuat-Sekali-2026",
        "--role": "intake",
        "--org": "t-uptd-bpp",
        "--area": "64.71",
    } | override
    with pytest.raises(CommandError) as exc:
        run("create_staff", *[x for kv in args.items() for x in kv])
    assert field in str(exc.value)
    assert not User.objects.filter(username="salah").exists()


def test_create_staff_rejects_a_weak_password(orgs):
    with pytest.raises(CommandError):
        run(
            "create_staff",
            "--username",
            "lemah",
            "--password",
            "123",
            "--role",
            "intake",
            "--org",
            "t-uptd-bpp",
            "--area",
            "64.71",
        )
    assert not User.objects.filter(username="lemah").exists()


def test_issue_token_prints_a_working_token_on_the_last_line(personas, client):
    user = personas["supervisor_bpp"].user
    token = run("issue_token", "--username", user.username).strip().splitlines()[-1]
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["role"] == "supervisor"
    # the token is stored only as a hash
    assert not ApiToken.objects.filter(digest=token).exists()
    assert ApiToken.objects.filter(digest=ApiToken.hash(token), user=user).exists()


def test_issue_token_for_unknown_user_fails(db):
    with pytest.raises(CommandError):
        run("issue_token", "--username", "hantu")


def test_seed_demo_is_idempotent_and_covers_every_role(db):
    run("seed_demo", "--quiet-logins")
    first = User.objects.count()
    run("seed_demo", "--quiet-logins")
    assert User.objects.count() == first
    for area in ("64.71", "62"):
        roles = set(User.objects.filter(area__code__startswith=area).values_list("role", flat=True))
        assert roles == {
            "activist",
            "intake",
            "caseworker",
            "supervisor",
            "provider",
            "analyst",
            "admin",
        }
