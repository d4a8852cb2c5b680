"""Benchmark of case management on PostgreSQL: the case list with common filters for a
supervisor and a caseworker, search by NIK, and the "needs me now" queue.

    .venv/bin/python bench/cases.py [--cases 100000] [--runs 40] [--reuse] [--keep]

Creates the database ``naungan_bench_cases_<N>`` on postgres://postgres@127.0.0.1:5432 (unless
--reuse finds it filled), migrates it, loads the demo users and runs ``generate_synthetic``
(timed). Then, in process with debug off, it calls the API through Django's test client (token
auth, scoping, audit and serialisation included) and the home-page queue selector, and prints
p50/p95 per scenario in milliseconds."""

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


def prepare(db: str, cases: int, reuse: bool, env: dict[str, str]) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db]).fetchone()
        if exists and reuse:
            print(f"reusing {db}")
            return
        conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {db}")
    t = time.monotonic()
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "seed_demo"], env=env, cwd=ROOT, check=True, capture_output=True)
    print(f"migrated and seeded in {time.monotonic() - t:.1f} s")
    t = time.monotonic()
    subprocess.run(
        [*manage, "generate_synthetic", "--cases", str(cases), "--seed", "7"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    took = time.monotonic() - t
    print(f"generate_synthetic: {cases} cases in {took:.1f} s ({cases / took:.0f} cases/s)")
    with psycopg.connect(f"{PG}/{db}", autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def measure(runs: int) -> None:
    import django

    django.setup()
    from django.test import Client

    from naungan.accounts.models import User
    from naungan.accounts.services import token_issue
    from naungan.cases.models import Case, Person
    from naungan.cases.selectors import tasks_needing

    def timed(fn) -> tuple[float, float]:
        fn()  # warm-up
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t) * 1000)
        samples.sort()
        return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]

    sup = User.objects.get(username="supervisor_bpp")
    cw = (
        User.objects.filter(role="caseworker", led_cases__area__regency_code="64.71")
        .distinct()
        .first()
    )
    clients = {}
    for user in (sup, cw):
        c = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user)}")
        clients[user.username] = c
    nik = (
        Person.objects.filter(parties__case__area__regency_code="64.71")
        .exclude(nik="")
        .values_list("nik", flat=True)
        .first()
    )

    def api(user: User, path: str):
        def call() -> None:
            r = clients[user.username].get(path)
            assert r.status_code == 200, r.content[:200]

        return call

    print(
        f"cases in database: {Case.objects.count()}; caseworker {cw.username} leads "
        f"{Case.objects.filter(lead=cw).count()}"
    )
    scenarios = [
        ("supervisor: list, newest 50", api(sup, "/api/v1/cases?limit=50")),
        ("supervisor: status=intervention", api(sup, "/api/v1/cases?status=intervention")),
        ("supervisor: violence_type=sexual", api(sup, "/api/v1/cases?violence_type=sexual")),
        ("supervisor: area=64.71.01 (kecamatan)", api(sup, "/api/v1/cases?area=64.71.01")),
        ("supervisor: page 20 (offset 1000)", api(sup, "/api/v1/cases?offset=1000")),
        ("caseworker: own cases", api(cw, "/api/v1/cases")),
        ("caseworker: status=monitoring", api(cw, "/api/v1/cases?status=monitoring")),
        ("supervisor: search by NIK", api(sup, f"/api/v1/cases?q={nik}")),
        ("caseworker: needs-me-now queue", lambda: list(tasks_needing(user=cw))),
        ("supervisor: needs-me-now queue", lambda: list(tasks_needing(user=sup))),
    ]
    print(f"{'scenario':42} {'p50 ms':>8} {'p95 ms':>8}")
    for name, fn in scenarios:
        p50, p95 = timed(fn)
        print(f"{name:42} {p50:8.1f} {p95:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--reuse", action="store_true", help="keep an existing filled database")
    parser.add_argument("--keep", action="store_true", help="do not drop the database afterwards")
    args = parser.parse_args()
    db = f"naungan_bench_cases_{args.cases}"
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{db}",
        "NAUNGAN_DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "naungan.settings",
    }
    prepare(db, args.cases, args.reuse, env)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    try:
        measure(args.runs)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


if __name__ == "__main__":
    main()
