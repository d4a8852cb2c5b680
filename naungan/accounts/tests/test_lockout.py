"""Login lockouts: account+address (django-axes, 10 failures, 1 h), one username from any
address (30 failures, 15 min) and one address across usernames (50 failures, 1 h)."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone

PASSWORD = "Uji-Persona-2026!"


def attempt(username: str, password: str, address: str) -> object:
    return Client(REMOTE_ADDR=address).post(
        "/accounts/login/", {"login": username, "password": password}
    )


def test_guessing_one_password_from_many_addresses_locks_the_username(make_user):
    user = make_user("analyst")
    for i in range(30):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")  # 1 try per address: axes never fires
    response = attempt(user.username, PASSWORD, "10.9.9.9")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Coba lagi setelah pukul" in body
    assert 'data-testid="lockout-until"' in body
    assert 800 < int(response["Retry-After"]) <= 900


def test_twenty_nine_failures_over_many_addresses_do_not_lock(make_user):
    user = make_user("analyst")
    for i in range(29):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")
    client = Client(REMOTE_ADDR="10.9.9.9")
    client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_username_lock_ends_after_fifteen_minutes(make_user):
    user = make_user("analyst")
    for i in range(30):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        client = Client(REMOTE_ADDR="10.9.9.9")
        client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
        assert client.session.get("_auth_user_id") == str(user.pk)


def spray(count: int, address: str, start: object) -> None:
    """Slowly (one try every 40 s), below allauth's own per-address login rate limits."""
    for i in range(count):
        with time_machine.travel(start + timedelta(seconds=40 * i), tick=False):
            attempt(f"tebakan{i}", "salah-sekali", address)


def test_spraying_many_usernames_from_one_address_locks_the_address(make_user):
    start = timezone.now() - timedelta(minutes=40)
    spray(50, "192.0.2.7", start)
    user = make_user("caseworker")
    with time_machine.travel(start + timedelta(seconds=40 * 50), tick=False):
        response = attempt(user.username, PASSWORD, "192.0.2.7")
        assert response.status_code == 429
        assert 3500 < int(response["Retry-After"]) <= 3600
        # another address is not affected
        client = Client(REMOTE_ADDR="192.0.2.8")
        client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
        assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_account_and_address_lock_says_when_to_try_again(make_user):
    user = make_user("analyst")
    for _ in range(10):
        attempt(user.username, "salah", "10.1.1.1")
    response = attempt(user.username, PASSWORD, "10.1.1.1")
    assert response.status_code == 429
    assert "Coba lagi setelah pukul" in response.content.decode()


def test_a_success_does_not_reset_the_address_counter(make_user):
    user = make_user("caseworker")
    start = timezone.now() - timedelta(minutes=40)
    spray(49, "192.0.2.7", start)
    with time_machine.travel(start + timedelta(seconds=40 * 50), tick=False):
        attempt(user.username, PASSWORD, "192.0.2.7")  # the attacker's own working account
        attempt("tebakan-lagi", "salah-sekali", "192.0.2.7")
        assert attempt(user.username, PASSWORD, "192.0.2.7").status_code == 429


def test_thresholds_are_configurable(make_user, settings):
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 3
    user = make_user("analyst")
    for i in range(3):
        attempt(user.username, "salah-sekali", f"10.0.{i}.1")
    assert attempt(user.username, PASSWORD, "10.9.9.9").status_code == 429
