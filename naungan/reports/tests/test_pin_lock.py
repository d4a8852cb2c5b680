"""Guessing a reporter's PIN (CONTRACT §4): ten wrong PINs for one tracking code within an
hour, from any clients, lock that code until the hour is over; per-client limits stay; the
counters are atomic and shared (database by default, Redis with ``REDIS_URL``), and keep no
address, only keyed hashes for as long as their window. Run against both stores."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client

from naungan.core import ratelimit
from naungan.core.models import AuditEvent, RateCounter
from naungan.reports.codes import tracking_code_new
from naungan.reports.models import Report

pytestmark = pytest.mark.django_db


def _wrong(pin: str) -> str:
    return "000000" if pin != "000000" else "111111"


def _addr(i: int) -> str:
    return f"198.51.100.{i + 1}"


def _mine(settings: Any) -> Any:
    """This test's counters in the database store (threads of other tests commit theirs)."""
    return RateCounter.objects.filter(key__startswith=f"{settings.RATELIMIT_PREFIX}:")


def _lock(public: Any, created: dict[str, str], n: int = 10) -> None:
    wrong = _wrong(created["pin"])
    for i in range(n):
        response = public.status(created["tracking_code"], wrong, REMOTE_ADDR=_addr(i))
        assert response.status_code == 404, i


def test_ten_wrong_pins_from_many_clients_lock_the_code_for_everyone(
    rl_store: str, public: Any, report_body: Any
) -> None:
    created = public.submit(report_body).json()
    _lock(public, created)
    # The right PIN, from a client never seen before: refused until the hour is over.
    response = public.status(created["tracking_code"], created["pin"], REMOTE_ADDR="192.0.2.77")
    assert response.status_code == 429
    assert 3500 < int(response["Retry-After"]) <= 3600
    assert "Coba lagi" in response.json()["detail"]
    message = public.client.post(
        f"/api/v1/public/reports/{created['tracking_code']}/messages",
        data='{"body": "Tolong saya"}',
        content_type="application/json",
        HTTP_X_REPORT_PIN=created["pin"],
        REMOTE_ADDR="192.0.2.78",
    )
    assert message.status_code == 429
    assert "Retry-After" in message
    assert not Report.objects.get().messages.exists()  # a refused request stores nothing


def test_a_locked_code_is_refused_on_the_status_page_with_when_to_try_again(
    rl_store: str, public: Any, report_body: Any
) -> None:
    created = public.submit(report_body).json()
    _lock(public, created)
    page = Client().post(
        "/lapor/status/",
        {"tracking_code": created["tracking_code"], "pin": created["pin"]},
        REMOTE_ADDR="192.0.2.99",
    )
    assert page.status_code == 429
    assert "Retry-After" in page
    html = page.content.decode()
    assert "Coba lagi setelah pukul" in html
    assert 'data-testid="report-status"' not in html


def test_wrong_pins_on_the_status_page_count_towards_the_same_lock(
    rl_store: str, public: Any, report_body: Any
) -> None:
    created = public.submit(report_body).json()
    wrong = _wrong(created["pin"])
    for i in range(10):
        page = Client().post(
            "/lapor/status/",
            {"tracking_code": created["tracking_code"].lower(), "pin": wrong},
            REMOTE_ADDR=_addr(i),
        )
        assert page.status_code == 404
    assert public.status(created["tracking_code"], created["pin"]).status_code == 429


def test_nine_wrong_pins_do_not_lock_and_the_right_pin_is_not_counted(
    rl_store: str, public: Any, report_body: Any
) -> None:
    created = public.submit(report_body).json()
    _lock(public, created, n=9)
    for _ in range(5):
        assert public.status(created["tracking_code"], created["pin"]).status_code == 200
    assert Report.objects.get().pin_locked_until is None
    # The tenth wrong one locks.
    _lock(public, created, n=1)
    assert public.status(created["tracking_code"], created["pin"]).status_code == 429


def test_intake_sees_that_a_code_was_locked_without_any_address(
    rl_store: str, public: Any, report_body: Any, personas: Any
) -> None:
    created = public.submit(report_body).json()
    _lock(public, created)
    report = Report.objects.get()
    assert report.pin_locked_until is not None
    # Reasons are encrypted at rest: compare after decryption.
    events = [
        e
        for e in AuditEvent.objects.filter(object_id=str(report.public_id))
        if e.reason == "pin_locked"
    ]
    assert len(events) == 1
    assert events[0].ip is None
    page = personas["intake_bpp"].client.get(f"/laporan/{report.public_id}/")
    assert page.status_code == 200
    assert 'data-testid="pin-locked"' in page.content.decode()


def test_the_lock_ends_when_the_hour_is_over(
    public: Any, report_body: Any, monkeypatch: Any, settings: Any
) -> None:
    settings.REDIS_URL = ""  # the database store, whose clock a test can move
    created = public.submit(report_body).json()
    _lock(public, created)
    assert public.status(created["tracking_code"], created["pin"]).status_code == 429
    start = ratelimit._now()
    monkeypatch.setattr(ratelimit, "_now", lambda: start + 3601)
    assert public.status(created["tracking_code"], created["pin"]).status_code == 200


def test_per_client_limits_stay(
    rl_store: str, public: Any, report_body: Any, settings: Any
) -> None:
    settings.REPORT_PIN_RATE = "3/900"
    created = public.submit(report_body).json()
    other = public.submit(report_body | {"description": "Kejadian lain di sekolah kemarin."})
    for _ in range(3):
        assert public.status("LP-ABCD-EFGH", "123456").status_code == 404
    # The client is throttled on every code, including one nobody guessed at.
    response = public.status(other.json()["tracking_code"], other.json()["pin"])
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 900
    # Another client is not.
    ok = public.status(created["tracking_code"], created["pin"], REMOTE_ADDR="192.0.2.5")
    assert ok.status_code == 200


def test_counters_keep_only_keyed_hashes_of_addresses_and_codes(
    rl_store: str, public: Any, report_body: Any, settings: Any
) -> None:
    created = public.submit(report_body, REMOTE_ADDR="203.0.113.50").json()
    public.status(created["tracking_code"], _wrong(created["pin"]), REMOTE_ADDR="203.0.113.51")
    if rl_store == "db":
        keys = list(_mine(settings).values_list("key", flat=True))
    else:
        keys = [k.decode() for k in ratelimit._redis().scan_iter(f"{settings.RATELIMIT_PREFIX}:*")]
    assert len(keys) == 3  # submit per address, PIN per address, PIN per code
    joined = " ".join(keys)
    for secret in ("203.0.113.50", "203.0.113.51", created["tracking_code"], "LP"):
        assert secret not in joined


def test_expired_counters_are_deleted(public: Any, monkeypatch: Any, settings: Any) -> None:
    settings.REDIS_URL = ""
    ratelimit.count("pin", "203.0.113.9", "10/900")
    assert _mine(settings).count() == 1
    start = ratelimit._now()
    monkeypatch.setattr(ratelimit, "_now", lambda: start + 901)
    ratelimit.count("pin", "203.0.113.10", "10/900")
    assert _mine(settings).count() == 1  # the other address's row is gone


def test_counting_is_atomic_under_parallel_hits(rl_store: str) -> None:
    """Threads with their own connections (autocommit), 20 hits at once: every count is seen
    exactly once, so no two requests can both pass as the limit's last."""
    if rl_store == "db" and connection.vendor != "postgresql":
        pytest.skip("needs concurrent writers (PostgreSQL)")
    counts: list[int] = []
    barrier = threading.Barrier(20)

    def hit() -> None:
        try:
            barrier.wait()
            found = ratelimit.count("pin-code", "LP-TEST-CODE", "10/3600")
            assert found is not None
            counts.append(found.count)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hit) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(counts) == list(range(1, 21))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers")
def test_twenty_parallel_wrong_pins_never_check_more_than_the_limit(rl_store: str) -> None:
    """Threads with their own connections (autocommit): the code is a well-formed one that no
    report has, which answers exactly like a wrong PIN (nothing is committed that would outlive
    the test)."""
    code = tracking_code_new()
    statuses: list[int] = []
    barrier = threading.Barrier(20)

    def attempt(i: int) -> None:
        try:
            barrier.wait()
            response = Client().get(
                f"/api/v1/public/reports/{code}", HTTP_X_REPORT_PIN="123456", REMOTE_ADDR=_addr(i)
            )
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(statuses) == 20
    assert set(statuses) <= {404, 429}
    assert statuses.count(404) <= 10
    late = Client().get(f"/api/v1/public/reports/{code}", HTTP_X_REPORT_PIN="654321")
    assert late.status_code == 429
