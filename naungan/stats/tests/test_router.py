"""Statistics read from the ``stats`` alias when one is configured (CONTRACT §1
``NAUNGAN_STATS_DATABASE_URL``); case work never does; nothing is written or migrated there."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from naungan.cases.models import Incident
from naungan.stats.router import StatsRouter, stats_alias, stats_reads

from .conftest import YEAR


@pytest.fixture
def stats_alias_configured() -> Iterator[str]:
    """A second alias, ``stats``, pointing at the same (test) database, as a replica would."""
    connections.settings["stats"] = {**connections.settings["default"]}
    try:
        yield "stats"
    finally:
        _forget(connections["stats"])
        with contextlib.suppress(AttributeError):  # never connected
            del connections["stats"]
        del connections.settings["stats"]


def _forget(connection: Any) -> None:
    """Close the alias's connection and its pool (a copy of the default settings has a pool of
    its own): an open session would keep the test database from being dropped at the end. A
    connection never opened is left alone: ``close()`` refuses to run while the event loop of
    an earlier browser test is around in this process."""
    if connection.connection is not None:
        connection.close()
    pools = getattr(type(connection), "_connection_pools", {})  # PostgreSQL with a pool
    pool = pools.pop(connection.alias, None)
    if pool is not None:
        pool.close()


def test_without_a_replica_statistics_read_the_main_database() -> None:
    assert stats_alias() == "default"
    with stats_reads() as alias:
        assert alias == "default"
        assert Incident.objects.all().db == "default"


def test_with_a_replica_statistics_reads_go_there_and_nothing_else(
    stats_alias_configured: str,
) -> None:
    router = StatsRouter()
    assert stats_alias() == "stats"
    assert Incident.objects.all().db == "default"  # case work: the primary
    with stats_reads() as alias:
        assert alias == "stats"
        assert Incident.objects.all().db == "stats"
        assert router.db_for_write(Incident) == "default"
    assert Incident.objects.all().db == "default"
    assert router.allow_migrate("stats", "cases") is False
    assert router.allow_migrate("default", "cases") is None


@pytest.fixture
def second_connection(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A real second connection named ``stats`` to the same test database. Made as a
    dynamically created connection (Django's test guard allows those), and the router told
    that the alias is configured."""
    import naungan.stats.router as router_module

    connections.settings["stats"] = {**connections.settings["default"]}
    connection = connections["stats"]
    del connections.settings["stats"]
    monkeypatch.setattr(router_module, "stats_alias", lambda: "stats")
    yield connection
    _forget(connection)
    del connections["stats"]


@pytest.mark.django_db(transaction=True)
def test_the_summary_is_read_through_the_stats_connection(
    personas: Any, case_with: Any, second_connection: Any
) -> None:
    case_with(6)
    with (
        CaptureQueriesContext(connections["stats"]) as on_stats,
        CaptureQueriesContext(connections["default"]) as on_default,
    ):
        r = personas["supervisor_bpp"].api("get", f"/api/v1/stats/summary?year={YEAR}")
    assert r.status_code == 200
    assert r.json()["total_incidents"] == 6
    stats_sql = " ".join(q["sql"] for q in on_stats.captured_queries)
    default_sql = " ".join(
        q["sql"] for q in on_default.captured_queries if "cases_incident" in q["sql"]
    )
    assert "cases_incident" in stats_sql
    assert not default_sql  # the counts never ran on the primary
