"""Benchmark of the referral network and the shelters on PostgreSQL: the provider's referral
list (the partner with the most referrals, newest 50 with the exact count) and the live shelter
occupancy, at ``--cases N`` synthetic cases (``generate_synthetic`` gives them services and
referrals).

    .venv/bin/python bench/referrals.py [--cases 1000000] [--runs 40] [--reuse] [--keep]

Creates ``naungan_bench_referrals_<N>`` on postgres://postgres@127.0.0.1:5432 (unless --reuse
finds it filled), migrates, seeds the demo and generates the cases (timed). Then, in process with
debug off, it calls the API through Django's test client (token auth, scoping, audit and
serialisation included) and the occupancy page (signed-in client, template included), and beside
each a hand-written SQL query returning the same rows, interleaved in the same process: prints
p50/p95 of both, the ratio of the p50s, and the PostgreSQL plan of the ORM's main query."""

# ruff: noqa: S608  (benchmark SQL: table names from model metadata, values as parameters)
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cases import PG, prepare  # noqa: E402  (bench/cases.py: create, migrate, seed, generate)


def measure(runs: int) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from naungan.accounts.models import Role, User
    from naungan.accounts.services import token_issue
    from naungan.orgs.models import Organisation
    from naungan.referrals.models import Referral
    from naungan.services.models import ShelterStay
    from naungan.services.selectors import shelter_occupancy

    def timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        fn()  # warm-up
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t) * 1000)
        samples.sort()
        return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]

    top = Referral.objects.values("organisation_id").annotate(n=Count("id")).order_by("-n").first()
    assert top, "no referrals: did generate_synthetic run?"
    org = Organisation.objects.get(pk=top["organisation_id"])
    provider, _ = User.objects.get_or_create(
        username="bench_provider",
        defaults={"role": Role.PROVIDER, "organisation": org, "area": org.area},
    )
    caseworker = User.objects.get(username="pendamping_bpp")
    api = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {token_issue(user=provider)}")
    page = Client(HTTP_HOST="localhost")
    page.force_login(caseworker)
    ref_t = Referral._meta.db_table
    org_t = Organisation._meta.db_table
    stay_t = ShelterStay._meta.db_table
    print(
        f"referrals in database: {Referral.objects.count()}; {org.name} has {top['n']}; "
        f"shelter stays: {ShelterStay.objects.count()} "
        f"({ShelterStay.objects.filter(discharged_at__isnull=True).count()} in progress)"
    )

    def provider_api() -> list[str]:
        r = api.get("/api/v1/referrals?limit=50")
        assert r.status_code == 200, r.content[:300]
        body = r.json()
        return [str(body["count"]), *[i["id"] for i in body["items"]]]

    def provider_sql() -> list[str]:
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT r.id, r.status, r.service_type, r.sent_at, r.year, r.number, o.name "
                f"FROM {ref_t} r JOIN {org_t} o ON o.id = r.organisation_id "
                "WHERE r.organisation_id = %s ORDER BY r.sent_at DESC, r.number DESC LIMIT 50",
                [org.pk],
            )
            rows = cur.fetchall()
            cur.execute(f"SELECT count(*) FROM {ref_t} WHERE organisation_id = %s", [org.pk])
            return [str(cur.fetchone()[0]), *[str(r[0]) for r in rows]]

    shelters = [o.pk for o in Organisation.objects.filter(capacity__isnull=False)]

    def occupancy_page() -> list[str]:
        r = page.get("/rumah-aman/")
        assert r.status_code == 200, r.status_code
        return sorted(str(o.occupied) for o in shelter_occupancy(user=caseworker))

    def occupancy_sql() -> list[str]:
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT o.id, o.name, o.capacity, coalesce(sum(s.beds), 0), "
                f"coalesce(sum(s.children), 0), count(s.id) FROM {org_t} o "
                f"LEFT JOIN {stay_t} s ON s.shelter_id = o.id AND s.discharged_at IS NULL "
                "WHERE o.id = ANY(%s) GROUP BY o.id ORDER BY o.name",
                [shelters],
            )
            return [str(r[0]) for r in cur.fetchall()]

    for name, orm, sql in (
        ("provider: referral list, newest 50 + count (API)", provider_api, provider_sql),
        ("caseworker: shelter occupancy page /rumah-aman/", occupancy_page, occupancy_sql),
    ):
        a50, a95 = timed(orm)
        s50, s95 = timed(sql)
        print(
            f"{name}\n  naungan p50 {a50:7.1f} ms  p95 {a95:7.1f} ms | hand SQL p50 {s50:6.2f} ms"
            f"  p95 {s95:6.2f} ms | ratio p50 {a50 / s50:5.1f}x"
        )
        with CaptureQueriesContext(connection) as ctx:
            orm()
        slowest = max(ctx.captured_queries, key=lambda q: float(q["time"]))
        print(f"  {len(ctx.captured_queries)} queries; the slowest ({slowest['time']} s):")
        with connection.cursor() as cur:
            cur.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + slowest["sql"])
            for (line,) in cur.fetchall():
                print("   ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    db = f"naungan_bench_referrals_{args.cases}"
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{db}",
        "DJANGO_SETTINGS_MODULE": "naungan.settings",
        "NAUNGAN_DEBUG": "0",
    }
    os.environ.update(env)
    prepare(db, args.cases, args.reuse, env)
    try:
        measure(args.runs)
    finally:
        if not args.keep:
            import psycopg
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


if __name__ == "__main__":
    main()
