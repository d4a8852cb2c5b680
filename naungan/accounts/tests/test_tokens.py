"""API tokens: issued on the tokens page only with the second factor (where the role needs it)
and a recent sign-in; they expire; they end with a password change, deactivation or a change
of role, area or organisation; a revocation is final."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from naungan.accounts.models import ApiToken
from naungan.accounts.services import (
    token_authenticate,
    token_issue,
    user_update_access,
)
from naungan.areas.models import Area

PASSWORD = "Uji-Persona-2026!"
SECRET = "JBSWY3DPEHPK3PXP"


def sign_in(user, *, totp: bool = False) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    if totp:
        assert response["Location"].startswith("/accounts/2fa/authenticate/")
        code = format_hotp_value(hotp_value(SECRET, next(yield_hotp_counters_from_time())))
        client.post("/accounts/2fa/authenticate/", {"code": code})
    assert client.session.get("_auth_user_id") == str(user.pk)
    return client


def test_a_fresh_sign_in_issues_a_token_shown_once_with_its_expiry(personas):
    user = personas["intake_bpp"].user
    response = sign_in(user).post("/accounts/tokens/", {"name": "ponsel"})
    assert b'data-testid="new-token"' in response.content
    token = user.api_tokens.get()
    assert token.expires_at.date() == (timezone.now() + timedelta(days=90)).date()
    local = timezone.localtime(token.expires_at)  # the one datetime format: "2 Mar 2027 18:30"
    expiry = rf"\b{local.day} \w{{3}} {local.year} {local:%H:%M}"
    assert re.search(expiry, response.content.decode())
    assert b'data-testid="token-last-used"' in response.content


def test_supervisor_with_totp_issues_a_token_after_signing_in_with_both_factors(personas):
    user = personas["supervisor_bpp"].user
    client = sign_in(user, totp=True)
    response = client.post("/accounts/tokens/", {"name": "sistem mitra"})
    assert b'data-testid="new-token"' in response.content
    assert user.api_tokens.filter(name="sistem mitra").exists()


def test_an_old_sign_in_is_asked_to_reauthenticate_and_nothing_is_issued(personas):
    user = personas["intake_bpp"].user
    with time_machine.travel(timezone.now() - timedelta(minutes=16), tick=False):
        client = sign_in(user)
    response = client.post("/accounts/tokens/", {"name": "ponsel"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not ApiToken.objects.filter(user=user).exists()
    page = client.get(response["Location"])
    assert "masuk kembali untuk membuat token API" in page.content.decode()
    # after the password again, the kept request is replayed and the token shown once
    response = client.post(response["Location"], {"password": PASSWORD})
    assert b'data-testid="new-token"' in response.content
    assert ApiToken.objects.filter(user=user, name="ponsel").count() == 1


def test_a_session_without_any_sign_in_record_cannot_issue_a_token(personas):
    persona = personas["caseworker_bpp"]  # force_login: no password was ever typed
    response = persona.client.post("/accounts/tokens/", {"name": "x"})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=persona.user).exists()


def test_an_expired_token_is_refused_and_shown_as_expired(personas):
    persona = personas["intake_bpp"]
    raw = persona.token
    assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        assert token_authenticate(raw) is None
        assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
        client = Client()
        client.force_login(persona.user)
        page = client.get("/accounts/tokens/").content.decode()
        assert "kedaluwarsa" in page


def test_token_lifetime_is_configurable(personas, settings):
    settings.TOKEN_MAX_AGE_DAYS = 7
    token_issue(user=personas["intake_bpp"].user, name="pendek")
    token = ApiToken.objects.get(name="pendek")
    assert token.expires_at - token.created_at < timedelta(days=7, minutes=1)


def test_changing_the_password_revokes_every_token(personas):
    user = personas["intake_bpp"].user
    raw = token_issue(user=user, name="a")
    client = sign_in(user)
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "Baru-Sekali-2027!",
            "password2": "Baru-Sekali-2027!",
        },
    )
    assert response.status_code == 302
    assert token_authenticate(raw) is None
    token = ApiToken.objects.get(user=user)
    assert token.revoked_at is not None
    assert token.revoked_reason == "password_changed"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"role": "caseworker"}, "role_changed"),
        ({"is_active": False}, "deactivated"),
        ({"area": "kalteng"}, "role_changed"),
    ],
)
def test_a_change_of_access_revokes_every_token(personas, change, reason):
    user = personas["intake_bpp"].user
    raw = token_issue(user=user, name="a")
    if change.get("area"):
        change = {"area": Area.objects.get(code="62")}
    user_update_access(actor=personas["admin_bpp"].user, user=user, **change)
    assert token_authenticate(raw) is None
    assert ApiToken.objects.get(user=user).revoked_reason == reason


def test_issue_token_command_works_without_second_factor_and_prints_the_token_last(make_user):
    from io import StringIO

    user = make_user("supervisor", "bpp", username="sup_cli")
    out = StringIO()
    call_command("issue_token", "--username", "sup_cli", stdout=out)
    raw = out.getvalue().strip().splitlines()[-1]
    assert token_authenticate(raw) == user


def test_revoking_on_the_page_is_final(personas):
    persona = personas["intake_bpp"]
    persona.token  # noqa: B018
    token = persona.user.api_tokens.get()
    persona.client.post("/accounts/tokens/", {"revoke": token.pk})
    token.refresh_from_db()
    assert token.revoked_reason == "by_owner"
    # a second revoke of the same token is a 404, nothing changes
    assert persona.client.post("/accounts/tokens/", {"revoke": token.pk}).status_code == 404
