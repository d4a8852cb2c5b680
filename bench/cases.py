"""Benchmark of case management on PostgreSQL: the case list with common filters for a
supervisor and a caseworker, search by NIK, and the "needs me now" queue.

    .venv/bin/python bench/cases.py [--cases 100000] [--runs 40] [--reuse] [--keep] [--sql]

Creates the database ``naungan_bench_cases_<N>`` on postgres://postgres@127.0.0.1:5432 (unless
--reuse finds it filled), migrates it, loads the demo users and runs ``generate_synthetic``
(timed). Then, in process with debug off, it calls the API through Django's test client (token
auth, scoping, audit and serialisation included) and the home-page queue selector, and prints
p50/p95 per scenario in milliseconds.

``--sql``: beside each scenario, hand-written SQL returning the same rows (the visibility rule,
the filter, the page with area code and lead, and the exact count; for the queue one joined
query returning the tasks with their case and area, as the selector loads them), run
interleaved with the API call in the same process; prints both p50s, the ratio and whether the
rows are the same."""

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


# The tables a copy of the synthetic cases consists of (what statistics, case lists and clocks
# read), in an order where every row a copy points at is copied first.
COPIED = (
    "cases_person",
    "cases_case",
    "cases_caseparty",
    "cases_incident",
    "services_serviceepisode",
    "cases_task",
)


def multiply(dsn: str, factor: int) -> None:
    """Grow the generated cases ``factor`` times in SQL: ``factor - 1`` copies of every row of
    ``COPIED``, each with fresh ids (``id + k × max(id)``, so that references between copied
    rows move with them), fresh public ids (``gen_random_uuid()``) and unique registration
    numbers; references to rows not copied (areas, units, users) stay, a case's source report
    is dropped (one report, one case). Every column is copied as it is, so every dimension the
    generator fills stays filled, in the same proportions. Much faster than generating: a
    million cases in minutes instead of twenty or more on this shared machine."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        fks = conn.execute(
            """SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text
               FROM pg_constraint c JOIN pg_attribute a
                 ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
               WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY (%s)""",
            [list(COPIED)],
        ).fetchall()
        points = {(t, col): target for t, col, target in fks}
        offset = {
            t: conn.execute(f"SELECT COALESCE(max(id), 0) FROM {t}").fetchone()[0] for t in COPIED
        }
        for k in range(1, factor):
            t0 = time.monotonic()
            with conn.transaction():
                for table in COPIED:
                    cols = [
                        r[0]
                        for r in conn.execute(
                            "SELECT column_name FROM information_schema.columns "
                            "WHERE table_name = %s AND table_schema = 'public' "
                            "ORDER BY ordinal_position",
                            [table],
                        )
                    ]
                    exprs = []
                    for col in cols:
                        target = points.get((table, col))
                        if col == "id":
                            exprs.append(f"id + {k * offset[table]}")
                        elif col == "public_id":
                            exprs.append("gen_random_uuid()")
                        elif col == "registration_number":
                            exprs.append(f"registration_number || '/{k}'")
                        elif col == "source_report_id":
                            exprs.append("NULL")
                        elif target in offset:
                            exprs.append(f"{col} + {k * offset[target]}")
                        else:
                            exprs.append(col)
                    conn.execute(
                        f"INSERT INTO {table} ({', '.join(cols)}) OVERRIDING SYSTEM VALUE "
                        f"SELECT {', '.join(exprs)} FROM {table} WHERE id <= {offset[table]}"
                    )
            print(f"copy {k}/{factor - 1} in {time.monotonic() - t0:.1f} s", flush=True)
        for table in COPIED:
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        conn.execute("VACUUM ANALYZE")


def measure(runs: int, sql: bool) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from naungan.accounts.models import User
    from naungan.accounts.services import token_issue
    from naungan.areas.models import SCOPE_COLUMN, Area, AreaLevel
    from naungan.cases.models import Case, CaseParty, Person, Task
    from naungan.cases.selectors import tasks_needing
    from naungan.core.fields import blind_index

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
        def call() -> list[str]:
            r = clients[user.username].get(path)
            assert r.status_code == 200, r.content[:200]
            body = r.json()
            return [body["count"], *[i["id"] for i in body["items"]]]

        return call

    # --- The same rows by hand-written SQL (--sql): the scope rule of cases_visible_to, the
    # filter, newest 50 (or the page) with area code and lead, then the exact count.
    case_t, area_t, user_t = Case._meta.db_table, Area._meta.db_table, User._meta.db_table
    co_t = Case.co_workers.through._meta.db_table
    rt_t = Case.restricted_to.through._meta.db_table
    party_t, person_t, task_t = CaseParty._meta.db_table, Person._meta.db_table, Task._meta.db_table
    assert not settings.CASEWORKER_SEES_UNIT_CASES
    cols = (
        "c.public_id, c.registration_number, c.status, a.code, c.channel, c.received_at, "
        "c.violence_types, c.triage, c.restricted, u.username"
    )

    def scope(user: User) -> tuple[str, list]:
        assigned = f"SELECT id FROM {case_t} WHERE lead_id = %s UNION SELECT case_id FROM {co_t} WHERE user_id = %s"  # noqa: E501
        if user.role == "caseworker":
            return f"c.id IN ({assigned})", [user.pk, user.pk]
        column = SCOPE_COLUMN[AreaLevel(user.area.level)]
        named = f"{assigned} UNION SELECT case_id FROM {rt_t} WHERE user_id = %s"
        return (
            f"c.area_{column} = %s AND (NOT c.restricted OR c.id IN ({named}))",
            [user.area.code, user.pk, user.pk, user.pk],
        )

    def bare(user: User, where: str = "", params: list | None = None, offset: int = 0):
        def call() -> list[str]:
            w, p = scope(user)
            if where:
                w, p = f"{w} AND {where}", p + list(params or [])
            with connection.cursor() as cur:
                cur.execute(
                    f"SELECT {cols} FROM {case_t} c JOIN {area_t} a ON a.id = c.area_id "
                    f"LEFT JOIN {user_t} u ON u.id = c.lead_id WHERE {w} "
                    f"ORDER BY c.received_at DESC, c.id DESC LIMIT 50 OFFSET {offset}",
                    p,
                )
                rows = cur.fetchall()
                cur.execute(f"SELECT count(*) FROM {case_t} c WHERE {w}", p)
                count = cur.fetchone()[0]
            return [count, *[str(r[0]) for r in rows]]

        return call

    def queue(user: User):
        mine = "t.owner_id = %s" + (" OR t.owner_id IS NULL" if user.role == "supervisor" else "")

        def call() -> list[str]:
            w, p = scope(user)
            with connection.cursor() as cur:
                cur.execute(
                    # What the selector loads: the task with its case and area.
                    f"SELECT t.*, c.*, a.* FROM {task_t} t "
                    f"JOIN {case_t} c ON c.id = t.case_id JOIN {area_t} a ON a.id = c.area_id "
                    f"WHERE ({mine}) AND t.status = 'open' AND c.status <> 'closed' AND {w} "
                    "ORDER BY t.due_at, t.id LIMIT 20",
                    [user.pk, *p],
                )
                return [str(r[0]) for r in cur.fetchall()]

        return call

    def selector(user: User):
        return lambda: [str(t.pk) for t in tasks_needing(user=user)]

    district = Area.objects.get(code="64.71.01")
    person_q = f"c.id IN (SELECT case_id FROM {party_t} WHERE person_id IN (SELECT id FROM {person_t} WHERE nik_index = %s))"  # noqa: E501
    print(
        f"cases in database: {Case.objects.count()}; caseworker {cw.username} leads "
        f"{Case.objects.filter(lead=cw).count()}"
    )
    scenarios = [
        ("supervisor: list, newest 50", api(sup, "/api/v1/cases?limit=50"), bare(sup)),
        (
            "supervisor: status=intervention",
            api(sup, "/api/v1/cases?status=intervention"),
            bare(sup, "c.status = %s", ["intervention"]),
        ),
        (
            "supervisor: violence_type=sexual",
            api(sup, "/api/v1/cases?violence_type=sexual"),
            bare(sup, "c.violence_key LIKE %s", ["%,sexual,%"]),
        ),
        (
            "supervisor: area=64.71.01 (kecamatan)",
            api(sup, "/api/v1/cases?area=64.71.01"),
            bare(sup, f"c.area_{SCOPE_COLUMN[AreaLevel(district.level)]} = %s", [district.code]),
        ),
        (
            "supervisor: page 20 (offset 1000)",
            api(sup, "/api/v1/cases?offset=1000"),
            bare(sup, offset=1000),
        ),
        ("caseworker: own cases", api(cw, "/api/v1/cases"), bare(cw)),
        (
            "caseworker: status=monitoring",
            api(cw, "/api/v1/cases?status=monitoring"),
            bare(cw, "c.status = %s", ["monitoring"]),
        ),
        (
            "supervisor: search by NIK",
            api(sup, f"/api/v1/cases?q={nik}"),
            bare(sup, person_q, [blind_index("nik", nik)]),
        ),
        ("caseworker: needs-me-now queue", selector(cw), queue(cw)),
        ("supervisor: needs-me-now queue", selector(sup), queue(sup)),
    ]
    load = os.getloadavg()[0]
    if not sql:
        print(f"{'scenario':42} {'p50 ms':>8} {'p95 ms':>8}")
        for name, fn, _sql in scenarios:
            p50, p95 = timed(fn)
            print(f"{name:42} {p50:8.1f} {p95:8.1f}")
    else:
        print(f"{'scenario':42} {'API p50':>8} {'SQL p50':>8} {'ratio':>6}  same rows")
        worst = 0.0
        for name, fn, bare_fn in scenarios:
            same = fn() == bare_fn()
            # Interleaved, so that both see the same moment of a shared machine.
            a, b = [], []
            for _ in range(runs):
                a.append(timed_once(fn))
                b.append(timed_once(bare_fn))
            pa, pb = statistics.median(a), statistics.median(b)
            worst = max(worst, pa / pb)
            print(f"{name:42} {pa:8.1f} {pb:8.1f} {pa / pb:6.2f}  {'yes' if same else 'NO'}")
        print(f"worst ratio {worst:.2f}")
    print(f"load average before {load:.2f}, after {os.getloadavg()[0]:.2f} (2 cores)")


def timed_once(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--reuse", action="store_true", help="keep an existing filled database")
    parser.add_argument("--keep", action="store_true", help="do not drop the database afterwards")
    parser.add_argument(
        "--sql",
        action="store_true",
        help="beside each scenario, hand-written SQL returning the same rows, and the ratio",
    )
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
        measure(args.runs, args.sql)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


if __name__ == "__main__":
    main()
