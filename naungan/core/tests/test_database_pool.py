"""PostgreSQL connections come from one bounded pool per process (psycopg_pool), so that a
burst of requests waits for a connection instead of opening one per thread until the server
refuses ("too many clients"). The settings module is read afresh with a given environment."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest

SETTINGS = Path(__file__).resolve().parents[2] / "settings.py"
PG_URL = "postgres://naungan@127.0.0.1:5432/naungan"


def load_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> dict[str, Any]:
    monkeypatch.setenv("NAUNGAN_VAR_DIR", str(tmp_path))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_postgresql_connections_come_from_a_bounded_pool(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = load_settings(monkeypatch, tmp_path, DATABASE_URL=PG_URL)["DATABASES"]["default"]
    pool = db["OPTIONS"]["pool"]
    assert db["CONN_MAX_AGE"] == 0  # each request hands its connection back to the pool
    assert 1 <= pool["min_size"] <= pool["max_size"] <= 8
    assert 0 < pool["timeout"] <= 30
    assert pool["reconnect_timeout"] <= pool["timeout"]


def test_pool_size_and_timeout_are_environment_knobs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    values = load_settings(
        monkeypatch,
        tmp_path,
        DATABASE_URL=PG_URL,
        NAUNGAN_DB_POOL_MIN="2",
        NAUNGAN_DB_POOL_MAX="10",
        NAUNGAN_DB_POOL_TIMEOUT="3",
        NAUNGAN_DB_RETRY_AFTER="7",
    )
    pool = values["DATABASES"]["default"]["OPTIONS"]["pool"]
    assert (pool["min_size"], pool["max_size"], pool["timeout"]) == (2, 10, 3.0)
    assert values["DB_UNAVAILABLE_RETRY_AFTER"] == 7


def test_the_pool_can_be_turned_off_for_an_external_pooler(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = load_settings(monkeypatch, tmp_path, DATABASE_URL=PG_URL, NAUNGAN_DB_POOL="0")[
        "DATABASES"
    ]["default"]
    assert "pool" not in db.get("OPTIONS", {})
    assert db["CONN_MAX_AGE"] == 60


def test_sqlite_has_no_pool(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    db = load_settings(monkeypatch, tmp_path, DATABASE_URL=url)["DATABASES"]["default"]
    assert "pool" not in db["OPTIONS"]
