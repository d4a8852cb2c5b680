"""Benchmark of public reporting: concurrent POST /api/v1/public/reports against gunicorn on
PostgreSQL, then a check that every accepted report is stored exactly once.

    .venv/bin/python bench/intake.py [--reports 6000] [--clients 16] [--workers 3] [--threads 4]

Creates (and drops afterwards, unless --keep) the database ``naungan_bench_intake`` on
postgres://postgres@127.0.0.1:5432, migrates it, starts gunicorn the way production would
(gthread workers, debug off, encryption and audit on), and fires reports from 16 client
threads, each with its own Idempotency-Key and retries (same key) on errors and 409s. Only
the standard library is used on the client side. Prints reports/s, p50/p99 latency and
stored == accepted."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
DB = "naungan_bench_intake"

BODY = {
    "kind": "complaint",
    "reporter_relation": "witness",
    "anonymous": True,
    "victim": {"age": 14, "sex": "F"},
    "violence_types": ["physical", "psychological"],
    "description": "Tetangga saya sering memukul anaknya pada malam hari; terdengar tangisan.",
    "incident_date": "2026-01-05",
    "area_code": "64.71.01.1001",
    "location_detail": "RT 03, dekat masjid",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(env: dict[str, str]) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    t = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    print(f"migrated and seeded in {time.monotonic() - t:.1f} s")


def client(port: int, jobs: list[int], lock: threading.Lock, out: dict[str, list]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = json.dumps(BODY)
    while True:
        with lock:
            if not jobs:
                break
            jobs.pop()
        key = uuid.uuid4().hex
        started = time.perf_counter()
        for attempt in range(8):
            try:
                conn.request(
                    "POST",
                    "/api/v1/public/reports",
                    body=body,
                    headers={"Content-Type": "application/json", "Idempotency-Key": key},
                )
                resp = conn.getresponse()
                data = resp.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                out["retries"].append(1)
                time.sleep(0.05 * (attempt + 1))
                continue
            if resp.status == 201:
                out["latency"].append(time.perf_counter() - started)
                out["codes"].append(json.loads(data)["tracking_code"])
                break
            out["retries"].append(resp.status)
            time.sleep(0.05 * (attempt + 1))
        else:
            out["failed"].append(key)
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=6000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="naungan-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DB}",
        "NAUNGAN_VAR_DIR": str(tmp),
        "NAUNGAN_STATIC_ROOT": str(ROOT / "var" / "static"),
        "NAUNGAN_DEBUG": "0",
        "NAUNGAN_REPORT_SUBMIT_RATE": "0",  # one client address fires everything
        "NAUNGAN_LOG_LEVEL": "ERROR",
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
    }
    prepare(env)
    count_sql = "SELECT count(*), count(DISTINCT tracking_code) FROM reports_report"
    with psycopg.connect(f"{PG}/{DB}") as conn:
        baseline = conn.execute(count_sql).fetchone()[0]
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [
            gunicorn,
            "naungan.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "--threads",
            str(args.threads),
            "-k",
            "gthread",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("server did not start")
            time.sleep(0.2)
        # Warm up every worker (imports, connections, key derivation).
        warm: dict[str, list] = {"latency": [], "codes": [], "retries": [], "failed": []}
        client(port, list(range(50)), threading.Lock(), warm)

        out: dict[str, list] = {"latency": [], "codes": [], "retries": [], "failed": []}
        jobs = list(range(args.reports))
        lock = threading.Lock()
        threads = [
            threading.Thread(target=client, args=(port, jobs, lock, out))
            for _ in range(args.clients)
        ]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=20)

    accepted = set(out["codes"]) | set(warm["codes"])
    with psycopg.connect(f"{PG}/{DB}") as conn:
        rows, distinct = conn.execute(count_sql).fetchone()
        audits = conn.execute(
            "SELECT count(*) FROM core_auditevent WHERE object_type='reports.report' "
            "AND action='create'"
        ).fetchone()[0]
    rows -= baseline
    distinct -= baseline
    lat = sorted(out["latency"])
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000  # noqa: E731
    print(f"clients {args.clients}, gunicorn {args.workers} workers x {args.threads} threads")
    print(
        f"accepted {len(out['codes'])} reports in {elapsed:.2f} s: "
        f"{len(out['codes']) / elapsed:.0f} reports/s"
    )
    print(
        f"latency p50 {p(0.50):.1f} ms, p90 {p(0.90):.1f} ms, p99 {p(0.99):.1f} ms, "
        f"mean {statistics.mean(lat) * 1000:.1f} ms"
    )
    print(f"retries {len(out['retries'])}, failed {len(out['failed'])}")
    print(
        f"stored {rows} new rows ({distinct} distinct codes), accepted {len(accepted)} "
        f"(incl. 50 warm-up), create audit events {audits}"
    )
    ok = rows == distinct == len(accepted)
    print("stored == accepted, no duplicates:", "yes" if ok else "NO")
    if not args.keep:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok and not out["failed"] else 1


if __name__ == "__main__":
    sys.exit(main())
