"""Login lockouts: account+address (django-axes, 10 failures, 1 h), one username from any
address (30 failures, 15 min by default) and one address across usernames (50 failures, 1 h by
default). The tests lower the two limits to 3 (username) and 5 (address) to stay quick; the
windows keep their default lengths. A lock holds until the window that the first failure
started ends."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from naungan.accounts.lockout import login_rules
from naungan.core.models import RateCounter

PASSWORD = "Uji-Persona-2026!"
USERNAME_LIMIT = 3
ADDRESS_LIMIT = 5


@pytest.fixture(autouse=True)
def _small_limits(settings: Any) -> None:
    # The database store: these tests travel in time, which Redis' own expiry does not follow.
    settings.REDIS_URL = ""
    settings.LOGIN_USERNAME_FAILURE_LIMIT = USERNAME_LIMIT
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = ADDRESS_LIMIT


def attempt(username: str, password: str, address: str) -> Any:
    return Client(REMOTE_ADDR=address).post(
        "/accounts/login/", {"login": username, "password": password}
    )


def test_the_default_limits_are_thirty_in_fifteen_minutes_and_fifty_in_an_hour() -> None:
    from django.conf import settings as django_settings

    from naungan import settings as project_settings

    assert project_settings.LOGIN_USERNAME_FAILURE_LIMIT == 30
    assert project_settings.LOGIN_USERNAME_COOLOFF_MINUTES == 15
    assert project_settings.LOGIN_ADDRESS_FAILURE_LIMIT == 50
    assert project_settings.LOGIN_ADDRESS_COOLOFF_MINUTES == 60
    assert django_settings.LOGIN_USERNAME_COOLOFF_MINUTES == 15
    assert django_settings.LOGIN_ADDRESS_COOLOFF_MINUTES == 60


def test_the_rules_follow_the_settings(settings: Any) -> None:
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 30
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 50
    username, address = login_rules()
    assert (username.scope, username.rate) == ("login-username", "30/900")
    assert (address.scope, address.rate) == ("login-address", "50/3600")


def test_guessing_one_password_from_many_addresses_locks_the_username(make_user):
    user = make_user("analyst")
    for i in range(USERNAME_LIMIT):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")  # 1 try per address: axes never fires
    response = attempt(user.username, PASSWORD, "10.9.9.9")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Coba lagi setelah pukul" in body
    assert 'data-testid="lockout-until"' in body
    assert 800 < int(response["Retry-After"]) <= 900


def test_one_failure_below_the_username_limit_does_not_lock(make_user):
    user = make_user("analyst")
    for i in range(USERNAME_LIMIT - 1):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")
    client = Client(REMOTE_ADDR="10.9.9.9")
    client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_username_lock_ends_after_fifteen_minutes(make_user):
    user = make_user("analyst")
    for i in range(USERNAME_LIMIT):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        client = Client(REMOTE_ADDR="10.9.9.9")
        client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
        assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_counters_keep_no_username_or_address_in_clear(make_user):
    user = make_user("analyst")
    attempt(user.username, "salah-sekali", "10.0.0.1")
    keys = list(RateCounter.objects.filter(key__contains=":login-").values_list("key", flat=True))
    assert len(keys) == 2
    assert not any(user.username in key or "10.0.0.1" in key for key in keys)


def spray(count: int, address: str, start: Any) -> None:
    """Slowly (one try every 40 s), below allauth's own per-address login rate limits."""
    for i in range(count):
        with time_machine.travel(start + timedelta(seconds=40 * i), tick=False):
            attempt(f"tebakan{i}", "salah-sekali", address)


def test_spraying_many_usernames_from_one_address_locks_the_address(make_user):
    start = timezone.now() - timedelta(minutes=40)
    spray(ADDRESS_LIMIT, "192.0.2.7", start)
    user = make_user("caseworker")
    with time_machine.travel(start + timedelta(seconds=40 * ADDRESS_LIMIT), tick=False):
        response = attempt(user.username, PASSWORD, "192.0.2.7")
        assert response.status_code == 429
        # until the hour that the first failure started is over
        assert int(response["Retry-After"]) == 3600 - 40 * ADDRESS_LIMIT
        # another address is not affected
        client = Client(REMOTE_ADDR="192.0.2.8")
        client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
        assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_account_and_address_lock_says_when_to_try_again(make_user, settings):
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 100  # only axes' rule (10 failures) applies here
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 100
    user = make_user("analyst")
    for _ in range(10):
        attempt(user.username, "salah", "10.1.1.1")
    response = attempt(user.username, PASSWORD, "10.1.1.1")
    assert response.status_code == 429
    assert "Coba lagi setelah pukul" in response.content.decode()


def test_a_success_does_not_reset_the_address_counter(make_user):
    user = make_user("caseworker")
    start = timezone.now() - timedelta(minutes=40)
    spray(ADDRESS_LIMIT - 1, "192.0.2.7", start)
    with time_machine.travel(start + timedelta(seconds=40 * ADDRESS_LIMIT), tick=False):
        attempt(user.username, PASSWORD, "192.0.2.7")  # the attacker's own working account
        attempt("tebakan-lagi", "salah-sekali", "192.0.2.7")
        assert attempt(user.username, PASSWORD, "192.0.2.7").status_code == 429


def test_a_success_resets_the_username_counter(make_user):
    user = make_user("analyst")
    for i in range(USERNAME_LIMIT - 1):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")
    attempt(user.username, PASSWORD, "10.9.9.9")
    for i in range(USERNAME_LIMIT - 1):
        attempt(user.username, "salah-sekali", f"10.1.{i}.1")
    client = Client(REMOTE_ADDR="10.9.9.8")
    client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_thresholds_are_configurable(make_user, settings):
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 2
    user = make_user("analyst")
    for i in range(2):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")
    assert attempt(user.username, PASSWORD, "10.9.9.9").status_code == 429
