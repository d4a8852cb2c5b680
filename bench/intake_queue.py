"""Benchmark of the intake queue on PostgreSQL: the first page of ``GET /api/v1/reports`` and of
the selector behind it (``reports.selectors.report_queue``), with the field checklist's
suggestion in the order (a suggested emergency first, then high, then the rest), against the
order without it and against the selector's own SQL statement run bare (the baseline).

    .venv/bin/python bench/intake_queue.py [--reports 50000] [--runs 40] [--keep]

Creates the database ``naungan_bench_queue`` on postgres://postgres@127.0.0.1:5432, migrates it,
loads the demo, and copies one demo report of Balikpapan ``--reports`` times in SQL (fresh
codes and ids, receipt times spread over 60 days; 70 % open and untriaged, a third of those with
a field suggestion, emergency or high; the rest triaged with a deadline, or closed). Then, in
process with debug off, it times each scenario (p50 of ``--runs``, interleaved) and prints the
ratio to the hand-written query, with the absolute figures beside it."""

# ruff: noqa: S608  (benchmark SQL: table names from model metadata, values as parameters)
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
DB = "naungan_bench_queue"


def prepare(reports: int, env: dict[str, str]) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    t = time.monotonic()
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "seed_demo"], env=env, cwd=ROOT, check=True, capture_output=True)
    print(f"migrated and seeded in {time.monotonic() - t:.1f} s")
    t = time.monotonic()
    with psycopg.connect(f"{PG}/{DB}", autocommit=True) as conn:
        cols = [
            r[0]
            for r in conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'reports_report' ORDER BY ordinal_position"
            )
        ]
        template = conn.execute(
            "SELECT r.id FROM reports_report r JOIN areas_area a ON a.id = r.area_id "
            "WHERE a.code LIKE '64.71.%%' AND r.organisation_id IS NOT NULL "
            "ORDER BY r.id LIMIT 1"
        ).fetchone()
        assert template, "the demo has no report of Balikpapan"
        # g mod 10: 0-6 open and untriaged (0 and 1 suggest emergency, 2 high), 7-8 triaged
        # with a deadline, 9 closed.
        made = {
            "id": "(SELECT max(id) FROM reports_report) + g",
            "public_id": "gen_random_uuid()",
            "tracking_code": "'BQ-' || lpad(g::text, 10, '0')",
            "received_at": "now() - make_interval(mins => (g::bigint * 86400 / %(n)s)::int)",
            "status": "CASE WHEN g %% 10 < 7 THEN 'received' WHEN g %% 10 < 9 "
            "THEN 'triaged' ELSE 'closed' END",
            "triage": "CASE WHEN g %% 10 IN (7, 8, 9) THEN 'medium' ELSE '' END",
            "triage_suggested": "CASE WHEN g %% 10 < 2 THEN 'emergency' WHEN g %% 10 = 2 "
            "THEN 'high' ELSE '' END",
            "reported_checklist": "CASE WHEN g %% 10 < 2 THEN '[\"child\"]'::jsonb "
            "WHEN g %% 10 = 2 THEN '[\"suicidal\"]'::jsonb ELSE '[]'::jsonb END",
            "response_due_at": "CASE WHEN g %% 10 IN (7, 8, 9) THEN now() + "
            "make_interval(hours => g %% 72) END",
            "triaged_at": "CASE WHEN g %% 10 IN (7, 8, 9) THEN now() END",
        }
        select = ", ".join(made.get(c, f"r.{c}") for c in cols)
        conn.execute(
            f"INSERT INTO reports_report ({', '.join(cols)}) SELECT {select} "
            "FROM reports_report r, generate_series(1, %(n)s) g WHERE r.id = %(t)s",
            {"n": reports, "t": template[0]},
        )
        conn.execute(
            "SELECT setval(pg_get_serial_sequence('reports_report', 'id'), "
            "(SELECT max(id) FROM reports_report))"
        )
        conn.execute("VACUUM ANALYZE")
    print(f"copied {reports} reports in {time.monotonic() - t:.1f} s")


def measure(runs: int) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Case, F, IntegerField, Q, Value, When
    from django.test import Client

    from naungan.accounts.models import User
    from naungan.accounts.services import token_issue
    from naungan.reports import selectors
    from naungan.reports.models import OPEN_STATUSES, Report

    intake = (
        User.objects.filter(role="intake", area__code__startswith="64.71", is_active=True)
        .order_by("pk")
        .first()
    )
    assert intake is not None
    token = token_issue(user=intake, name="bench")
    client = Client(HTTP_HOST="localhost")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    open_ = Report.objects.filter(status__in=OPEN_STATUSES, area__code__startswith="64.71")
    print(
        f"reports in database: {Report.objects.count()}; open in Balikpapan: {open_.count()}, "
        f"untriaged with a field suggestion: "
        f"{open_.filter(response_due_at__isnull=True).exclude(triage_suggested='').count()}"
    )

    def api() -> list[str]:
        r = client.get("/api/v1/reports?limit=50", **headers)
        assert r.status_code == 200, r.content[:200]
        return [i["id"] for i in r.json()["items"]]

    def new_order() -> list[str]:
        qs = selectors.report_queue(user=intake)[:50]
        return [str(r.public_id) for r in qs]

    def old_order() -> list[str]:
        # The order before the field suggestion: untriaged by receipt, then by deadline.
        is_open = Q(status__in=OPEN_STATUSES)
        group = Case(
            When(is_open & Q(response_due_at__isnull=True), then=Value(0)),
            When(is_open, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        qs = (
            selectors.reports_visible_to(intake)
            .select_related("area")
            .annotate(queue_group=group)
            .order_by(
                "queue_group",
                Case(When(is_open, then=F("response_due_at"))).asc(),
                Case(When(is_open, then=F("received_at"))).asc(),
                F("received_at").desc(),
                "-id",
            )[:50]
        )
        return [str(r.public_id) for r in qs]

    # The baseline: the selector's own statement, run bare (no model instances, no ORM).
    page = selectors.report_queue(user=intake).values_list("public_id")[:50]
    page_sql, page_params = page.query.sql_with_params()

    def bare() -> list[str]:
        with connection.cursor() as cur:
            cur.execute(page_sql, page_params)
            return [str(row[0]) for row in cur.fetchall()]

    first = new_order()
    assert first == bare(), "the bare statement returns other rows"
    assert first == api(), "the API returns other rows than the selector"
    top = Report.objects.filter(public_id=first[0]).values_list("triage_suggested", flat=True)
    print(f"first row suggests: {top[0] or '-'} (the old order puts it at the top only by age)")
    scenarios = [
        ("its SQL run bare (baseline)", bare),
        ("selector, old order", old_order),
        ("selector, with field suggestion", new_order),
        ("GET /api/v1/reports?limit=50", api),
    ]
    samples: dict[str, list[float]] = {name: [] for name, _fn in scenarios}
    for _name, fn in scenarios:
        fn()  # warm-up
    for _ in range(runs):
        for name, fn in scenarios:
            t = time.perf_counter()
            fn()
            samples[name].append((time.perf_counter() - t) * 1000)
    base = statistics.median(samples[scenarios[0][0]])
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'scenario':36} {'p50 ms':>8} {'p95 ms':>8} {'× SQL':>6}")
    for name, _fn in scenarios:
        values = sorted(samples[name])
        p50 = statistics.median(values)
        p95 = values[int(len(values) * 0.95) - 1]
        print(f"{name:36} {p50:8.1f} {p95:8.1f} {p50 / base:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--keep", action="store_true", help="do not drop the database afterwards")
    args = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DB}",
        "NAUNGAN_DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "naungan.settings",
    }
    prepare(args.reports, env)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    try:
        measure(args.runs)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")


if __name__ == "__main__":
    main()
