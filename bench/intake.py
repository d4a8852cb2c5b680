"""Benchmark of public reporting: concurrent POST /api/v1/public/reports against gunicorn on
PostgreSQL, then a check that every accepted report is stored exactly once.

    .venv/bin/python bench/intake.py [--seconds 15] [--clients 16] [--workers 3] [--threads 4]
    .venv/bin/python bench/intake.py --client python [--reports 6000]

Creates (and drops afterwards, unless --keep) the database ``naungan_bench_intake`` on
postgres://postgres@127.0.0.1:5432, migrates it, starts gunicorn the way production would
(gthread workers, debug off, encryption and audit on) on a loopback port, and fires reports
from 16 clients, every one with its own Idempotency-Key:

- ``--client wrk`` (default; installs Debian's ``wrk`` with apt-get when it is missing): a C
  load generator that leaves the two cores to the server. A Lua script gives every request a
  fresh key, retries with the same key on errors and non-201 answers, and every 20th report
  sends its key a second time on purpose (the answer must be a replay with the same code).
  It runs for ``--seconds``; keys still in flight at the end are re-sent by this script (the
  client's retry), so that "accepted" means every report a client holds a code for.
- ``--client python``: 16 stdlib threads with keep-alive, ``--reports`` reports (the
  client burns most of a core itself).

Then it checks the database: the set of stored tracking codes equals the set of accepted
ones, no duplicates, one create audit event per report. Prints reports/s, p50/p99 latency."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg
from client import free_port, post_report

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
                status, data = post_report(conn, body, key)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                out["retries"].append(1)
                time.sleep(0.05 * (attempt + 1))
                continue
            if status == 201:
                out["latency"].append(time.perf_counter() - started)
                out["codes"].append(json.loads(data)["tracking_code"])
                break
            out["retries"].append(status)
            time.sleep(0.05 * (attempt + 1))
        else:
            out["failed"].append(key)
    conn.close()


# The wrk script. One connection per wrk thread, so a response always answers the request sent
# last on that thread. Every thread keeps its accepted codes and the key still in flight.
LUA = r"""
-- Globals: the main state reads them from each thread with thread:get() in done().
threads = {}
counter, last_key, awaiting, resend = 0, nil, false, nil
codes, by_key = {}, {}
retries, replays, mismatches, dup_every, fresh = 0, 0, 0, DUP_EVERY, 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run = args[1]
end

function request()
  if awaiting then  -- the connection failed before an answer: retry with the same key
    retries = retries + 1
    resend = last_key
  end
  local key = resend
  resend = nil
  if key == nil then
    counter = counter + 1
    key = run .. "-" .. id .. "-" .. counter
  end
  last_key, awaiting = key, true
  return wrk.format("POST", "/api/v1/public/reports",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = key}, BODY)
end

function response(status, headers, body)
  awaiting = false
  if status ~= 201 then
    retries = retries + 1
    resend = last_key
    return
  end
  local code = body:match('"tracking_code": *"([^"]+)"')
  if headers["Idempotent-Replayed"] == "true" then
    replays = replays + 1
    if by_key[last_key] ~= nil and by_key[last_key] ~= code then mismatches = mismatches + 1 end
    if by_key[last_key] == nil then by_key[last_key] = code; table.insert(codes, code) end
    return
  end
  if by_key[last_key] ~= nil then mismatches = mismatches + 1 end  -- a second report for a key
  by_key[last_key] = code
  table.insert(codes, code)
  fresh = fresh + 1
  if dup_every > 0 and fresh % dup_every == 0 then resend = last_key end  -- a deliberate duplicate
end

function done(summary, latency, requests)
  local out = io.open(OUT, "w")
  out:write(string.format("requests %d\n", summary.requests))
  out:write(string.format("errors %d %d %d %d %d\n", summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
  for _, q in ipairs({50, 90, 99, 99.9}) do
    out:write(string.format("p%s %d\n", q, math.floor(latency:percentile(q))))
  end
  out:write(string.format("mean %d\n", math.floor(latency.mean)))
  out:write(string.format("duration %d\n", summary.duration))
  for _, thread in ipairs(threads) do
    out:write(string.format("retries %d\n", thread:get("retries")))
    out:write(string.format("replays %d\n", thread:get("replays")))
    out:write(string.format("mismatches %d\n", thread:get("mismatches")))
    if thread:get("awaiting") then out:write("inflight " .. thread:get("last_key") .. "\n") end
    for _, code in ipairs(thread:get("codes")) do out:write("code " .. code .. "\n") end
  end
  out:close()
end
"""


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of processes (0 for any that is gone)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def server_pids(master: int) -> list[int]:
    """gunicorn's master and workers, and the PostgreSQL backends serving the benchmark."""
    pids = [master]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    with psycopg.connect(f"{PG}/postgres") as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s OR backend_type = 'walwriter'",
            [DB],
        ).fetchall()
    return pids + [r[0] for r in rows]


def ensure_wrk() -> str:
    """Debian's wrk, installed with apt-get when missing (root on the benchmark machine)."""
    found = shutil.which("wrk")
    if found:
        return found
    print("installing wrk (apt-get)", flush=True)
    quiet = {"check": True, "stdout": subprocess.DEVNULL}
    subprocess.run(["apt-get", "update", "-qq"], **quiet)  # type: ignore[call-overload]
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], **quiet)  # type: ignore[call-overload]
    return shutil.which("wrk") or "wrk"


def submit_once(port: int, key: str) -> str:
    """One report with ``key``, retried until 201 (the client's retry for a key in flight)."""
    body = json.dumps(BODY)
    for attempt in range(8):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            status, data = post_report(conn, body, key)
            if status == 201:
                return str(json.loads(data)["tracking_code"])
        except (OSError, http.client.HTTPException):
            pass
        finally:
            conn.close()
        time.sleep(0.05 * (attempt + 1))
    raise SystemExit(f"key {key} never accepted")


def run_wrk(port: int, args: argparse.Namespace, tmp: Path, dup_every: int = 20) -> dict[str, Any]:
    script = tmp / "intake.lua"
    out_file = tmp / "wrk.out"
    script.write_text(
        f"BODY = [==[{json.dumps(BODY)}]==]\nOUT = [==[{out_file}]==]\nDUP_EVERY = {dup_every}\n"
        + LUA,
        encoding="utf-8",
    )
    run = uuid.uuid4().hex[:12]
    started = time.perf_counter()
    proc = subprocess.run(
        [
            ensure_wrk(),
            "-t",
            str(args.clients),
            "-c",
            str(args.clients),
            "-d",
            f"{args.seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}/",
            "--",
            run,
        ],
        capture_output=True,
        text=True,
        timeout=args.seconds + 60,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"wrk failed: {proc.stderr or proc.stdout}")
    res: dict[str, Any] = {"codes": [], "inflight": [], "retries": 0, "replays": 0}
    res["mismatches"] = 0
    for line in out_file.read_text().splitlines():
        name, _sep, value = line.partition(" ")
        if name == "code":
            res["codes"].append(value)
        elif name == "inflight":
            res["inflight"].append(value)
        elif name in ("retries", "replays", "mismatches"):
            res[name] += int(value)
        elif name == "errors":
            res["errors"] = value
        elif name == "requests":
            res["requests"] = int(value)
        elif name == "duration":
            res["elapsed"] = int(value) / 1e6  # wrk's own timer, microseconds
        else:
            res[name] = int(value) / 1000  # microseconds → ms
    res.setdefault("elapsed", elapsed)
    # Reports whose answer had not arrived when wrk stopped: the client retries them.
    res["recovered"] = [submit_once(port, key) for key in res["inflight"]]
    return res


def run_python(port: int, args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, list] = {"latency": [], "codes": [], "retries": [], "failed": []}
    jobs = list(range(args.reports))
    lock = threading.Lock()
    threads = [
        threading.Thread(target=client, args=(port, jobs, lock, out)) for _ in range(args.clients)
    ]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    lat = sorted(out["latency"])
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000  # noqa: E731
    return {
        "codes": out["codes"],
        "recovered": [],
        "elapsed": elapsed,
        "retries": len(out["retries"]),
        "failed": out["failed"],
        "p50": p(0.50),
        "p90": p(0.90),
        "p99": p(0.99),
        "p99.9": p(0.999),
        "mean": statistics.mean(lat) * 1000,
    }


def start_server(module: str, env: dict[str, str], args: argparse.Namespace) -> subprocess.Popen:
    """gunicorn serving ``module`` on a loopback port, warmed up (imports, connections)."""
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    command = [gunicorn, module, "-b", f"127.0.0.1:{port}", "-w", str(args.workers)]
    command += ["-k", args.worker_class, "--preload", "--backlog", "2048", "--log-level", "warning"]
    if args.worker_class == "gthread":
        command += ["--threads", str(args.threads), "--keep-alive", "5"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    server.port = port  # type: ignore[attr-defined]
    deadline = time.monotonic() + 30
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/healthz")
            c.getresponse().read()
            break
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.terminate()
            raise SystemExit("server did not start")
        time.sleep(0.2)
    return server


def load_run(
    server: subprocess.Popen, args: argparse.Namespace, tmp: Path, dup_every: int
) -> dict[str, Any]:
    """Warm-up, then the measured run; CPU time and load average around it."""
    port = server.port  # type: ignore[attr-defined]
    warm: dict[str, list] = {"latency": [], "codes": [], "retries": [], "failed": []}
    warm_threads = [
        threading.Thread(target=client, args=(port, list(range(25)), threading.Lock(), warm))
        for _ in range(4)
    ]
    for t in warm_threads:
        t.start()
    for t in warm_threads:
        t.join()
    load_before = os.getloadavg()[0]
    pids = server_pids(server.pid)
    app_pids = [server.pid, *[p for p in pids[1:] if p != server.pid]][: args.workers + 1]
    cpu_before, app_before = cpu_seconds(pids), cpu_seconds(app_pids)
    res = run_wrk(port, args, tmp, dup_every) if args.client == "wrk" else run_python(port, args)
    res["server_cpu"] = cpu_seconds(pids) - cpu_before
    res["app_cpu"] = cpu_seconds(app_pids) - app_before
    res["load"] = (load_before, os.getloadavg()[0])
    res["warm"] = warm["codes"]
    # 201 answers per second: new reports, plus replays of the deliberate duplicates.
    res["answered"] = len(res["codes"]) + res.get("replays", 0) + len(res["recovered"])
    res["per_s"] = len(res["codes"]) / res["elapsed"]
    res["answered_per_s"] = res["answered"] / res["elapsed"]
    return res


def print_run(label: str, res: dict[str, Any]) -> None:
    served = max(res["answered"], 1)
    print(f"--- {label}")
    print(f"load average before {res['load'][0]:.2f}, after {res['load'][1]:.2f} (2 cores)")
    print(
        f"server CPU (gunicorn + PostgreSQL backends + WAL writer) {res['server_cpu']:.2f} s: "
        f"{res['server_cpu'] / served * 1000:.2f} ms per 201 answer, of which gunicorn "
        f"{res['app_cpu'] / served * 1000:.2f} ms"
    )
    print(
        f"accepted {len(res['codes'])} reports in {res['elapsed']:.2f} s: "
        f"{res['per_s']:.0f} reports/s ({res['answered_per_s']:.0f} 201 answers/s)"
    )
    print(
        f"latency p50 {res['p50']:.1f} ms, p90 {res['p90']:.1f} ms, p99 {res['p99']:.1f} ms, "
        f"p99.9 {res['p99.9']:.1f} ms, mean {res['mean']:.1f} ms"
    )
    extra = ""
    if "requests" in res:
        extra = (
            f", {res['requests']} HTTP requests, wrk errors (connect read write status timeout) "
            f"{res['errors']}, deliberate duplicates answered by replay {res['replays']}, "
            f"replays with another code {res['mismatches']}, in flight at the end and re-sent "
            f"{len(res['inflight'])}"
        )
    print(f"retries {res['retries']}{extra}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--client", choices=["wrk", "python"], default="wrk")
    parser.add_argument("--seconds", type=int, default=15, help="wrk: duration (max 120)")
    parser.add_argument("--reports", type=int, default=6000, help="python client: reports")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=None, help="3 (gthread) / 4 (--ceiling)")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--worker-class", default=None, choices=["gthread", "sync"])
    parser.add_argument(
        "--ceiling",
        action="store_true",
        help="first the framework's ceiling (bench/ceiling: plain Django + ninja + a raw "
        "INSERT), then Naungan, same gunicorn settings (default sync, 4 workers) and client",
    )
    parser.add_argument(
        "--no-health-checks",
        action="store_true",
        help="NAUNGAN_DB_CONN_HEALTH_CHECKS=0: no SELECT 1 round trip per request",
    )
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    args.seconds = max(1, min(args.seconds, 120))
    args.worker_class = args.worker_class or ("sync" if args.ceiling else "gthread")
    args.workers = args.workers or (4 if args.ceiling else 3)

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
        "NAUNGAN_DB_CONN_HEALTH_CHECKS": "0" if args.no_health_checks else "1",
        "DJANGO_SETTINGS_MODULE": "naungan.settings",
    }
    prepare(env)
    count_sql = "SELECT count(*), count(DISTINCT tracking_code) FROM reports_report"
    with psycopg.connect(f"{PG}/{DB}") as conn:
        baseline = conn.execute(count_sql).fetchone()[0]
        max_id = conn.execute("SELECT coalesce(max(id), 0) FROM reports_report").fetchone()[0]
        audit_base = conn.execute("SELECT count(*) FROM core_auditevent").fetchone()[0]
    print(
        f"client {args.client}, {args.clients} connections; gunicorn {args.worker_class} "
        f"{args.workers} workers"
        + (f" x {args.threads} threads" if args.worker_class == "gthread" else "")
        + ("; DB health checks off" if args.no_health_checks else ""),
        flush=True,
    )
    ceiling = None
    if args.ceiling:
        from ceiling.table import TABLE

        with psycopg.connect(f"{PG}/{DB}", autocommit=True) as conn:
            conn.execute(TABLE)
        server = start_server(
            "bench.ceiling.wsgi", {**env, "DJANGO_SETTINGS_MODULE": "bench.ceiling.settings"}, args
        )
        try:
            ceiling = load_run(server, args, tmp, dup_every=0)
        finally:
            server.terminate()
            server.wait(timeout=20)
        print_run("ceiling: plain Django + ninja + raw INSERT (bench/ceiling)", ceiling)
    server = start_server("naungan.wsgi", env, args)
    try:
        res = load_run(server, args, tmp, dup_every=20)
    finally:
        server.terminate()
        server.wait(timeout=20)
    print_run("Naungan: encryption, audit, idempotency on", res)

    accepted = set(res["codes"]) | set(res["recovered"]) | set(res["warm"])
    with psycopg.connect(f"{PG}/{DB}") as conn:
        rows, distinct = conn.execute(count_sql).fetchone()
        stored = {
            r[0]
            for r in conn.execute(
                "SELECT tracking_code FROM reports_report WHERE id > %s", [max_id]
            ).fetchall()
        }
        audits = conn.execute(
            "SELECT count(*) FROM core_auditevent WHERE object_type='reports.report' "
            "AND action='create'"
        ).fetchone()[0]
        audit_new = conn.execute("SELECT count(*) FROM core_auditevent").fetchone()[0]
    rows -= baseline
    distinct -= baseline
    audit_new -= audit_base
    print(
        f"stored {rows} new rows ({distinct} distinct codes), accepted {len(accepted)} "
        f"(incl. {len(res['warm'])} warm-up), create audit events for reports {audits}, "
        f"new audit events {audit_new}"
    )
    ok = rows == distinct == len(accepted) == audit_new and stored == accepted
    ok = ok and not res.get("mismatches") and not res.get("failed")
    print("stored == accepted, no duplicates:", "yes" if ok else "NO")
    if ceiling is not None:
        print(
            f"RATIO Naungan / ceiling: {res['answered_per_s'] / ceiling['answered_per_s']:.2f} "
            f"(201 answers/s {res['answered_per_s']:.0f} / {ceiling['answered_per_s']:.0f}; "
            f"Naungan {res['per_s']:.0f} new reports/s; "
            f"load {ceiling['load'][0]:.2f} → {res['load'][1]:.2f})"
        )
    if not args.keep:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
