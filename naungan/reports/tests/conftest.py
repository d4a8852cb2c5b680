from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

# Redis for the rate-limit tests: REDIS_URL's server in CI (127.0.0.1:6379), any database
# number; every test uses keys of its own prefix, so parallel runs never meet.
TEST_REDIS_URL = os.environ.get("NAUNGAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(autouse=True)
def _own_rate_limits(settings: Any) -> None:
    """Rate-limit counters of this test only (a fresh key prefix in every store)."""
    settings.RATELIMIT_PREFIX = f"t{uuid.uuid4().hex[:12]}"


@pytest.fixture(params=["db", "redis"])
def rl_store(request: Any, settings: Any) -> Iterator[str]:
    """Run a test against both rate-limit stores: the database (default) and Redis
    (``REDIS_URL``). Without a reachable Redis the Redis variant is skipped, except under
    ``CI=true``, where it fails."""
    if request.param == "db":
        settings.REDIS_URL = ""
        yield "db"
        return
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {TEST_REDIS_URL} (CI=true): {exc}")
        pytest.skip(f"Redis is not reachable at {TEST_REDIS_URL}")
    settings.REDIS_URL = TEST_REDIS_URL
    yield "redis"
    keys = list(client.scan_iter(f"{settings.RATELIMIT_PREFIX}:*"))
    if keys:
        client.delete(*keys)
    client.close()


VALID = {
    "kind": "complaint",
    "reporter_relation": "victim",
    "anonymous": True,
    "reporter_name": None,
    "reporter_phone": None,
    "victim": {"name": None, "age": 15, "sex": "F"},
    "violence_types": ["physical"],
    "description": "Saya dipukul oleh ayah tiri di rumah tadi malam.",
    "incident_date": "2026-01-05",
    "area_code": "64.71.01",
    "location_detail": None,
}


@pytest.fixture
def report_body() -> dict[str, Any]:
    return json.loads(json.dumps(VALID))


class Public:
    """The anonymous public API client."""

    def __init__(self) -> None:
        self.client = Client()

    def submit(self, body: Any, **headers: Any) -> Any:
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self.client.post(
            "/api/v1/public/reports", data=data, content_type="application/json", **headers
        )

    def status(self, code: str, pin: str, **headers: Any) -> Any:
        return self.client.get(f"/api/v1/public/reports/{code}", HTTP_X_REPORT_PIN=pin, **headers)

    def message(self, code: str, pin: str, body: str) -> Any:
        return self.client.post(
            f"/api/v1/public/reports/{code}/messages",
            data=json.dumps({"body": body}),
            content_type="application/json",
            HTTP_X_REPORT_PIN=pin,
        )


@pytest.fixture
def public(db: Any) -> Public:
    return Public()
