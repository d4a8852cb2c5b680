"""Benchmark of statistics on PostgreSQL (issue 15): the dashboard's main aggregates against
hand-written ``GROUP BY`` on the same data in the same run, and the SIMFONI-PPA export of all
counted rows (streamed, as the API sends it) against PostgreSQL's ``COPY (…) TO STDOUT`` of the
same rows, with the peak memory of the process.

    .venv/bin/python bench/stats.py [--cases 1000000] [--runs 15] [--reuse] [--keep] [--explain]

Creates ``naungan_bench_stats_<N>`` on postgres://postgres@127.0.0.1:5432 (unless --reuse
finds it), migrates, seeds the demo and runs ``generate_synthetic`` (see ``bench/cases.py``).
The area is the province with the most incidents; the year, each year that has incidents.

Prints, per aggregate, the p50 of the ORM query (``naungan.stats.queries.counting``) and of
the hand-written SQL, and their ratio (target ≤ 2); for the export, rows per second of the
streamed CSV and of COPY, their ratio (target ≥ 0.3), and the peak RSS before and after the
export (flat memory: the export must not grow it by more than a few MB). ``--explain``
prints the query plans (EXPLAIN ANALYZE) of the ORM aggregates."""

# ruff: noqa: S608  (benchmark SQL: table names from model metadata, values as parameters)
from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from cases import PG, prepare  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(runs: int, explain: bool) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count

    from naungan.areas.models import Area
    from naungan.cases.models import Incident
    from naungan.stats.queries import counting
    from naungan.stats.queries.counting import Period
    from naungan.stats.services.simfoni import simfoni_csv_stream

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        fn()
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t) * 1000)
        return statistics.median(samples)

    counted = Incident.objects.filter(
        withdrawn_at__isnull=True, reporting_consent=True, reported_elsewhere=False
    )
    province = (
        counted.values("case__area_province_code")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["case__area_province_code"]
    )
    area = Area.objects.get(code=province)
    years = sorted(
        {
            d.year
            for d in counted.filter(case__area_province_code=province).dates(
                "case__received_at", "year"
            )
        }
    )
    print(f"incidents: {Incident.objects.count()}, counted: {counted.count()}")
    print(f"area {area.code} {area.name}, years {years}")

    # --- export first, so that the peak RSS before it is the process's baseline
    before = rss_mb()
    rows = 0
    size = 0
    t = time.perf_counter()
    for year in years:
        period = Period(area=area, year=year)
        for chunk in simfoni_csv_stream(period):
            size += len(chunk)
            rows += chunk.count(b"\n")
    export_s = time.perf_counter() - t
    rows -= len(years)  # the header of each file
    after = rss_mb()
    print(
        f"export: {rows} rows, {size / 1e6:.1f} MB in {export_s:.2f} s "
        f"({rows / export_s:,.0f} rows/s); peak RSS {before:.0f} MB before, {after:.0f} MB after"
    )

    inc_t = Incident._meta.db_table
    from naungan.areas.models import Area as A
    from naungan.cases.models import Case, CaseParty, Person
    from naungan.orgs.models import Organisation

    case_t, person_t, org_t, area_t = (
        Case._meta.db_table,
        Person._meta.db_table,
        Organisation._meta.db_table,
        A._meta.db_table,
    )
    party_t = CaseParty._meta.db_table
    lo = f"{years[0]}-01-01"
    hi = f"{years[-1] + 1}-01-01"
    copy_sql = f"""
        COPY (SELECT i.public_id, c.received_at, i.occurred_on, c.area_province_code,
                     c.area_regency_code, c.area_district_code, c.area_code, c.violence_key,
                     i.place, i.perpetrator_relationship, i.survivor_age, p.age, p.sex,
                     p.disability, i.perpetrator_age, i.gbv_type, i.tpks_type, c.channel,
                     o.name, ra.name, da.name, va.name
              FROM {inc_t} i JOIN {case_t} c ON c.id = i.case_id
              JOIN {person_t} p ON p.id = i.survivor_id
              JOIN {org_t} o ON o.id = c.organisation_id
              LEFT JOIN {area_t} ra ON ra.code = c.area_regency_code
              LEFT JOIN {area_t} da ON da.code = c.area_district_code
              LEFT JOIN {area_t} va ON va.code = c.area_code
              WHERE i.withdrawn_at IS NULL AND i.reporting_consent AND NOT i.reported_elsewhere
                AND c.area_province_code = '{province}'
                AND c.received_at >= '{lo}' AND c.received_at < '{hi}'
              ORDER BY i.id) TO STDOUT WITH CSV HEADER"""
    dsn = os.environ["DATABASE_URL"]
    with psycopg.connect(dsn) as pg:
        t = time.perf_counter()
        buf = io.BytesIO()
        copied = 0
        with pg.cursor() as cur, cur.copy(copy_sql) as copy:
            for data in copy:
                buf.write(data)
        copied = buf.getvalue().count(b"\n") - 1
        copy_s = time.perf_counter() - t
    print(
        f"COPY: {copied} rows in {copy_s:.2f} s ({copied / copy_s:,.0f} rows/s); "
        f"export/COPY throughput ratio {(rows / export_s) / (copied / copy_s):.2f} (target ≥ 0.3)"
    )

    # --- the dashboard's main aggregates, one year
    year = years[-1] if len(years) == 1 else years[-2]  # a whole year
    period = Period(area=area, year=year)
    plo, phi = period.moment_bounds()
    base = (
        f"FROM {inc_t} i JOIN {case_t} c ON c.id = i.case_id "
        "WHERE i.withdrawn_at IS NULL AND i.reporting_consent AND NOT i.reported_elsewhere "
        "AND c.area_province_code = %s AND c.received_at >= %s AND c.received_at < %s"
    )
    params = [province, plo, phi]

    def raw(sql: str, extra: list | None = None):  # type: ignore[no-untyped-def]
        def call() -> list:
            with connection.cursor() as cur:
                cur.execute(sql, params + (extra or []))
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
                "SELECT date_trunc('month', c.received_at AT TIME ZONE 'Asia/Makassar') m, "
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
            raw(
                f"SELECT {age_case} g, COUNT(*) FROM {inc_t} i JOIN {case_t} c ON c.id = i.case_id "
                f"JOIN {person_t} p ON p.id = i.survivor_id "
                + base.split(" ON c.id = i.case_id ", 1)[1]
                + " GROUP BY g ORDER BY g"
            ),
        ),
        "by sex": (
            lambda: counting.dimension_counts("sex", period),
            raw(
                f"SELECT p.sex, COUNT(*) FROM {inc_t} i JOIN {case_t} c ON c.id = i.case_id "
                f"JOIN {person_t} p ON p.id = i.survivor_id "
                + base.split(" ON c.id = i.case_id ", 1)[1]
                + " GROUP BY p.sex ORDER BY 1"
            ),
        ),
        "by GBVIMS type": (
            lambda: counting.dimension_counts("gbv_type", period),
            raw(f"SELECT i.gbv_type, COUNT(*) {base} GROUP BY 1 ORDER BY 1"),
        ),
    }
    print(f"\naggregates, {area.name} {year}, p50 of {runs} runs (ms)")
    print(f"{'aggregate':40} {'ORM':>8} {'SQL':>8} {'ratio':>6}")
    for name, (orm, sql) in scenarios.items():
        a, b = timed(orm), timed(sql)
        print(f"{name:40} {a:8.1f} {b:8.1f} {a / b:6.2f}")
    if explain:
        qs = counting.incidents_counted(period)
        from django.db.models.functions import TruncMonth

        print("\nEXPLAIN ANALYZE by month:")
        print(
            qs.annotate(k=TruncMonth("case__received_at", tzinfo=period.zone))
            .values("k")
            .annotate(n=Count("id"))
            .order_by("k")
            .explain(analyze=True)
        )
        print("\nEXPLAIN ANALYZE totals:")
        print(qs.values("case_id").annotate(n=Count("id")).explain(analyze=True).splitlines()[0])
        from naungan.stats.queries.counting import age_group_survivor

        print("\nEXPLAIN ANALYZE by age group:")
        print(
            qs.annotate(k=age_group_survivor())
            .values("k")
            .annotate(n=Count("id"))
            .order_by("k")
            .explain(analyze=True)
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    db = f"naungan_bench_stats_{args.cases}"
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
        measure(args.runs, args.explain)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


if __name__ == "__main__":
    main()
