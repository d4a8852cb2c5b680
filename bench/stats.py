"""Benchmark of statistics on PostgreSQL (issue 15): the dashboard's main aggregates against
hand-written ``GROUP BY`` on the same data in the same run, and the SIMFONI-PPA export
(streamed, as the API sends it) against PostgreSQL's ``COPY (…) TO STDOUT`` of the same rows,
with the peak memory of the process.

    .venv/bin/python bench/stats.py [--db bench_stats] [--cases 100000] [--incidents 1000000]
                                    [--runs 9] [--reuse] [--keep] [--explain]

Prepares the database ``--db`` on postgres://postgres@127.0.0.1:5432 with ``bench/cases.py``
(migrate, demo, ``generate_synthetic --cases``), then, while it holds fewer than
``--incidents`` incidents, multiplies the generated rows in SQL (``cases.multiply``: fresh ids
and keys, every column copied, so every dimension stays filled). ``--reuse`` keeps a database
that already has them.

Measures, interleaved where both sides are timed repeatedly:

* the export of **all rows** (every province with incidents, every year: the same files the
  API would send) through ``simfoni_csv_stream`` (the fast path on PostgreSQL), against
  ``COPY (SELECT the raw columns of the same rows, same joins, the services aggregated) TO
  STDOUT`` per file; also ``COPY`` of the fast path's own SELECT (what is left is Python), and
  the plain path (``fast=False``) on the largest file;
* ``GET /api/v1/stats/simfoni.csv?area=&year=&month=`` and the whole year through the test
  client (token, scope, audit, streaming), against ``COPY`` of the same rows;
* the XLSX of one month;
* the dashboard's main aggregates (``naungan.stats.queries.counting``) against hand-written
  SQL, p50 and p95; ``--explain`` prints EXPLAIN (ANALYZE, BUFFERS) of the ORM's.

Peak RSS (``ru_maxrss``) is printed before and after the exports: flat memory means it does
not grow with the number of rows."""

# ruff: noqa: S608  (benchmark SQL: table names from model metadata, values as parameters)
from __future__ import annotations

import argparse
import math
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from cases import PG, multiply, prepare  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s), s[max(0, math.ceil(len(s) * 0.95) - 1)]


def once(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(runs: int, explain: bool) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from naungan.accounts.models import User
    from naungan.accounts.services import token_issue
    from naungan.areas.models import SCOPE_COLUMN, Area, AreaLevel
    from naungan.cases.models import Case, CaseParty, Incident, Person
    from naungan.orgs.models import Organisation
    from naungan.services.models import ServiceEpisode
    from naungan.stats.queries import counting
    from naungan.stats.queries.counting import Period
    from naungan.stats.services.simfoni import formatted_sql, simfoni_csv_stream, simfoni_xlsx

    inc_t, case_t, person_t = Incident._meta.db_table, Case._meta.db_table, Person._meta.db_table
    org_t, area_t, party_t = (
        Organisation._meta.db_table,
        Area._meta.db_table,
        CaseParty._meta.db_table,
    )
    svc_t = ServiceEpisode._meta.db_table
    counted = Incident.objects.filter(
        withdrawn_at__isnull=True, reporting_consent=True, reported_elsewhere=False
    )
    by_province = list(
        counted.values("case__area_province_code").annotate(n=Count("id")).order_by("-n")
    )
    print(
        f"incidents: {Incident.objects.count():,}, counted: {counted.count():,}, "
        f"cases: {Case.objects.count():,}; load average {os.getloadavg()[0]:.1f} (2 cores)"
    )
    files: list[Period] = []
    for row in by_province:
        area = Area.objects.get(code=row["case__area_province_code"])
        years = sorted(
            {
                d.year
                for d in counted.filter(case__area_province_code=area.code).dates(
                    "case__received_at", "year"
                )
            }
        )
        files += [Period(area=area, year=y) for y in years]
        print(f"  {area.code} {area.name}: {row['n']:,} counted, years {years}")

    def raw_copy_sql(period: Period) -> tuple[str, list[Any]]:
        """The raw columns of the export's rows: same rule, joins and order, services too."""
        lo, hi = period.moment_bounds()
        column = f"c.area_{SCOPE_COLUMN[AreaLevel(period.area.level)]}"
        return (
            f"""COPY (SELECT i.public_id, c.received_at, i.occurred_on, c.area_province_code,
                     c.area_regency_code, c.area_district_code, c.area_code, c.violence_key,
                     i.place, i.perpetrator_relationship, i.survivor_age, p.age, p.sex,
                     p.disability, i.perpetrator_age, i.gbv_type, i.tpks_type, c.channel,
                     o.name, pa.name, ra.name, da.name, va.name,
                     (SELECT string_agg(DISTINCT s.service, ',') FROM {svc_t} s
                      WHERE s.case_id = i.case_id)
              FROM {inc_t} i JOIN {case_t} c ON c.id = i.case_id
              LEFT JOIN {person_t} p ON p.id = i.survivor_id
              LEFT JOIN {org_t} o ON o.id = c.organisation_id
              LEFT JOIN {area_t} pa ON pa.code = c.area_province_code
              LEFT JOIN {area_t} ra ON ra.code = c.area_regency_code
              LEFT JOIN {area_t} da ON da.code = c.area_district_code
              LEFT JOIN {area_t} va ON va.code = c.area_code
              WHERE i.withdrawn_at IS NULL AND i.reporting_consent AND NOT i.reported_elsewhere
                AND {column} = %s AND c.received_at >= %s AND c.received_at < %s
              ORDER BY i.id) TO STDOUT WITH CSV""",
            [period.area.code, lo, hi],
        )

    dsn = os.environ["DATABASE_URL"]
    pg = psycopg.connect(dsn, autocommit=True)
    # As the export runs its SELECT (``SET LOCAL jit = off``): the baseline must not pay for a
    # JIT compilation either, or the ratio would flatter the export.
    pg.execute("SET jit = off")

    def copy_rows(sql: str, params: list[Any]) -> tuple[int, int]:
        rows = size = 0
        with pg.cursor() as cur, cur.copy(sql, params) as copy:
            for data in copy:
                size += len(data)
                rows += bytes(data).count(b"\n")
        return rows, size

    def export(period: Period, fast: bool = True) -> tuple[int, int]:
        rows = size = 0
        for chunk in simfoni_csv_stream(period, fast=fast):
            size += len(chunk)
            rows += chunk.count(b"\r\n")
        return rows - 1, size  # the header

    def copy_formatted(period: Period) -> tuple[int, int]:
        sql, params = formatted_sql(period)
        return copy_rows(f"COPY ({sql}) TO STDOUT", params)

    # --- the export of all rows, first, so that the peak RSS before it is the baseline
    before = rss_mb()
    print(f"\nexport of all rows: {len(files)} files (province × year); peak RSS {before:.0f} MB")
    sides: dict[str, list[float]] = {"export": [], "copy": [], "copy_formatted": []}
    counts: dict[str, tuple[int, int]] = {}
    for rep in range(3):
        totals = {k: [0, 0] for k in sides}
        times = dict.fromkeys(sides, 0.0)
        for period in files:
            for side in sides:
                t = time.perf_counter()
                if side == "export":
                    n, b = export(period)
                elif side == "copy":
                    n, b = copy_rows(*raw_copy_sql(period))
                else:
                    n, b = copy_formatted(period)
                times[side] += time.perf_counter() - t
                totals[side][0] += n
                totals[side][1] += b
        for side in sides:
            sides[side].append(times[side])
            counts[side] = (totals[side][0], totals[side][1])
        print(
            f"  run {rep + 1}: export {times['export']:.2f} s, COPY raw {times['copy']:.2f} s, "
            f"COPY formatted {times['copy_formatted']:.2f} s; peak RSS {rss_mb():.0f} MB"
        )
    after = rss_mb()
    rows = counts["export"][0]
    assert counts["copy"][0] == rows, (counts, rows)
    e, c, f = (statistics.median(sides[k]) for k in ("export", "copy", "copy_formatted"))
    print(
        f"  rows {rows:,} ({counts['export'][1] / 1e6:.0f} MB CSV; raw COPY "
        f"{counts['copy'][1] / 1e6:.0f} MB)\n"
        f"  export (fast path): median {e:.2f} s = {rows / e:,.0f} rows/s\n"
        f"  COPY raw columns:   median {c:.2f} s = {rows / c:,.0f} rows/s\n"
        f"  COPY of the fast path's SELECT: median {f:.2f} s = {rows / f:,.0f} rows/s\n"
        f"  ratio export / COPY raw = {c / e:.2f} (target ≥ 0.3); "
        f"export / COPY formatted = {f / e:.2f}\n"
        f"  peak RSS {before:.0f} MB before, {after:.0f} MB after"
    )
    biggest = max(
        files,
        key=lambda p: (
            counted.filter(p.area.contains_q("case__area_"))
            .filter(
                case__received_at__gte=p.moment_bounds()[0],
                case__received_at__lt=p.moment_bounds()[1],
            )
            .count()
        ),
    )
    t = time.perf_counter()
    n, _b = export(biggest, fast=False)
    plain_s = time.perf_counter() - t
    t = time.perf_counter()
    n2, _b = copy_rows(*raw_copy_sql(biggest))
    assert n2 == n, (n2, n)
    copy_s = time.perf_counter() - t
    print(
        f"  plain path (fast=False), {biggest.area.name} {biggest.year}: {n:,} rows in "
        f"{plain_s:.2f} s = {n / plain_s:,.0f} rows/s; COPY {copy_s:.2f} s; "
        f"ratio {copy_s / plain_s:.2f}; peak RSS {rss_mb():.0f} MB"
    )

    # --- through the API (token, scope, audit, streaming), a month and a year of 64.71
    sup = User.objects.get(username="supervisor_bpp")
    client = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {token_issue(user=sup)}")
    city = Area.objects.get(code="64.71")
    years = sorted({p.year for p in files})
    year = years[-2] if len(years) > 1 else years[0]  # the last whole year
    print(f"\nAPI, {city.name} (supervisor_bpp), p50 / p95 of {runs} runs")
    for label, query, period in (
        (f"{year}-06", f"area=64.71&year={year}&month=6", Period(city, year, 6)),
        (f"{year}", f"area=64.71&year={year}", Period(city, year)),
    ):
        got: list[int] = []

        def api(query: str = query, got: list[int] = got) -> None:
            r = client.get(f"/api/v1/stats/simfoni.csv?{query}")
            assert r.status_code == 200
            got.append(b"".join(r.streaming_content).count(b"\r\n") - 1)

        def bare(period: Period = period) -> None:
            copy_rows(*raw_copy_sql(period))

        a, b = [], []
        api(), bare()
        for _ in range(runs):
            a.append(once(api))
            b.append(once(bare))
        (pa, qa), (pb, qb) = percentiles(a), percentiles(b)
        n = got[-1]
        print(
            f"  {label}: {n:,} rows; API {pa * 1000:.0f} / {qa * 1000:.0f} ms "
            f"({n / pa:,.0f} rows/s); COPY {pb * 1000:.0f} / {qb * 1000:.0f} ms; "
            f"ratio {pb / pa:.2f}"
        )
    t = time.perf_counter()
    xlsx = simfoni_xlsx(Period(city, year, 6))
    print(f"  XLSX {year}-06: {len(xlsx) / 1e6:.1f} MB in {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    xlsx = simfoni_xlsx(Period(city, year))
    print(
        f"  XLSX {year}: {len(xlsx) / 1e6:.1f} MB in {time.perf_counter() - t:.2f} s; "
        f"peak RSS {rss_mb():.0f} MB"
    )
    del xlsx

    # --- the dashboard's main aggregates, one whole year of the biggest province
    area = files[0].area
    period = Period(area=area, year=year)
    plo, phi = period.moment_bounds()
    base = (
        f"FROM {inc_t} i JOIN {case_t} c ON c.id = i.case_id "
        "WHERE i.withdrawn_at IS NULL AND i.reporting_consent AND NOT i.reported_elsewhere "
        "AND c.area_province_code = %s AND c.received_at >= %s AND c.received_at < %s"
    )
    with_person = (
        f"FROM {inc_t} i JOIN {case_t} c ON c.id = i.case_id "
        f"LEFT JOIN {person_t} p ON p.id = i.survivor_id "
        + base.split(" ON c.id = i.case_id ", 1)[1]
    )
    params = [area.code, plo, phi]

    def raw(sql: str):  # type: ignore[no-untyped-def]
        def call() -> list:
            with connection.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall()

        return call

    age_case = (
        "CASE WHEN COALESCE(i.survivor_age, p.age) IS NULL THEN 'unknown' "
        + " ".join(
            f"WHEN COALESCE(i.survivor_age, p.age) BETWEEN {lo_} AND {hi_ if hi_ else 200} "
            f"THEN '{key}'"
            for key, lo_, hi_ in counting.VICTIM_AGE_GROUPS
        )
        + " ELSE 'unknown' END"
    )
    from naungan.core.vocabulary import ViolenceType

    scenarios = {
        "totals (incidents, cases, victims, perp.)": (
            lambda: counting.totals(period),
            lambda: (
                raw(
                    "SELECT COUNT(i.id), COUNT(DISTINCT i.case_id), "
                    "COUNT(DISTINCT i.survivor_id) " + base
                )(),
                raw(
                    f"SELECT COUNT(DISTINCT person_id) FROM {party_t} WHERE role = 'perpetrator' "
                    f"AND case_id IN (SELECT i.case_id {base})"
                )(),
            ),
        ),
        "by month": (
            lambda: counting.dimension_counts("month", period),
            raw(
                f"SELECT date_trunc('month', c.received_at AT TIME ZONE '{area.timezone}') m, "
                f"COUNT(*) {base} GROUP BY m ORDER BY m"
            ),
        ),
        "by area (kota/kabupaten)": (
            lambda: counting.dimension_counts("area", period),
            raw(f"SELECT c.area_regency_code, COUNT(*) {base} GROUP BY 1 ORDER BY 1"),
        ),
        "by violence type": (
            lambda: counting.dimension_counts("violence_type", period),
            raw(
                "SELECT "
                + ", ".join(
                    f"COUNT(*) FILTER (WHERE c.violence_key LIKE '%%,{v},%%')"
                    for v in ViolenceType.values
                )
                + f" {base}"
            ),
        ),
        "by age group": (
            lambda: counting.dimension_counts("age_group", period),
            raw(f"SELECT {age_case} g, COUNT(*) {with_person} GROUP BY g ORDER BY g"),
        ),
        "by sex": (
            lambda: counting.dimension_counts("sex", period),
            raw(f"SELECT p.sex, COUNT(*) {with_person} GROUP BY p.sex ORDER BY 1"),
        ),
        "by GBVIMS type": (
            lambda: counting.dimension_counts("gbv_type", period),
            raw(f"SELECT i.gbv_type, COUNT(*) {base} GROUP BY 1 ORDER BY 1"),
        ),
        "by place": (
            lambda: counting.dimension_counts("place", period),
            raw(f"SELECT i.place, COUNT(*) {base} GROUP BY 1 ORDER BY 1"),
        ),
    }
    print(
        f"\naggregates, {area.name} {year} ({counting.totals(period)['incidents']:,} counted "
        f"incidents), ms, {runs} runs interleaved; load {os.getloadavg()[0]:.1f}"
    )
    print(f"{'aggregate':42} {'ORM p50':>8} {'p95':>7} {'SQL p50':>8} {'p95':>7} {'ratio':>6}")
    for name, (orm, sql) in scenarios.items():
        orm(), sql()
        a, b = [], []
        for _ in range(runs):
            a.append(once(orm) * 1000)
            b.append(once(sql) * 1000)
        (pa, qa), (pb, qb) = percentiles(a), percentiles(b)
        print(f"{name:42} {pa:8.1f} {qa:7.1f} {pb:8.1f} {qb:7.1f} {pa / pb:6.2f}")
    if explain:
        from django.db.models.functions import TruncMonth

        from naungan.stats.queries.counting import age_group_survivor

        qs = counting.incidents_counted(period)
        plans = {
            "by month": qs.annotate(k=TruncMonth("case__received_at", tzinfo=period.zone))
            .values("k")
            .annotate(n=Count("id"))
            .order_by("k"),
            "by age group": qs.annotate(k=age_group_survivor())
            .values("k")
            .annotate(n=Count("id"))
            .order_by("k"),
        }
        for name, q in plans.items():
            print(f"\nEXPLAIN (ANALYZE, BUFFERS) {name}:")
            print(q.explain(analyze=True, buffers=True))
        print("\nEXPLAIN (ANALYZE, BUFFERS) totals (incidents, cases, victims):")
        sql_, p_ = qs.query.sql_with_params()
        with connection.cursor() as cur:
            inner = qs.values("id", "case_id", "survivor_id").query.sql_with_params()
            cur.execute(
                "EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(id), COUNT(DISTINCT case_id), "
                f"COUNT(DISTINCT survivor_id) FROM ({inner[0]}) q",
                inner[1],
            )
            print("\n".join(r[0] for r in cur.fetchall()))
        print("\nEXPLAIN (ANALYZE, BUFFERS) the export's SELECT (largest file):")
        sql_, p_ = formatted_sql(biggest)
        with pg.cursor() as cur:
            cur.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql_}", p_)
            print("\n".join(r[0] for r in cur.fetchall()))
    pg.close()
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="bench_stats")
    parser.add_argument("--cases", type=int, default=100_000, help="cases to generate")
    parser.add_argument(
        "--incidents",
        type=int,
        default=1_000_000,
        help="grow the generated rows in SQL until there are at least this many incidents",
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    db = args.db
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{db}",
        "NAUNGAN_DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "naungan.settings",
    }
    prepare(db, args.cases, args.reuse, env)
    with psycopg.connect(f"{PG}/{db}") as conn:
        have = conn.execute("SELECT count(*) FROM cases_incident").fetchone()[0]
    if have < args.incidents:
        factor = math.ceil(args.incidents / have)
        print(f"{have:,} incidents: multiplying the generated rows × {factor} in SQL")
        t = time.monotonic()
        multiply(f"{PG}/{db}", factor)
        print(f"multiplied in {time.monotonic() - t:.0f} s")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    try:
        measure(args.runs, args.explain)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


if __name__ == "__main__":
    main()
