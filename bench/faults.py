"""Database faults: public reporting while the database is busy, cut off or restarted.

    .venv/bin/python bench/faults.py [--server gunicorn|runserver] [--clients 16]
        [--burst 400] [--cut 5] [--after 8] [--restart] [--keep] [--reuse]

Creates (and drops afterwards, unless --keep) the database ``naungan_bench_faults`` (``--db``) on
postgres://postgres@127.0.0.1:5432 and migrates it (``--reuse``: keep an existing one, only
migrate). The app (gunicorn gthread 3 x 4 with debug off as in bench/intake.py, or
``manage.py runserver`` with ``--server runserver``) reaches PostgreSQL through a TCP relay in
this script (127.0.0.1 only), so that the database can be taken away from it:

1. burst: ``--burst`` reports from ``--clients`` clients as fast as they go, one attempt and
   one HTTP connection each, no retry; prints the answers by status and the connections the
   database then holds open.
2. cut: the same clients send reports without pause, each with its own Idempotency-Key and a
   description carrying a marker, retrying with the same key on 503, 409 and connection errors
   (after 0.2 s, not the Retry-After the server asks for, so that recovery is measured to the
   tenth of a second). After 3 s the relay drops every connection and refuses new ones for
   ``--cut`` seconds, then listens again; the load goes on for ``--after`` seconds.
3. restart (only with ``--restart``): the same load while PostgreSQL itself restarts
   (``pg_ctlcluster`` or ``service postgresql restart``). Off by default: on a shared machine a
   restart breaks everybody else's connections.

Prints the answers by status in each phase, the seconds from restore to the first 201, the
longest wait for an answer, and checks the database: every key answered 201 is stored exactly
once (counted by the marker in the decrypted description), with the tracking code the client
was given, and nothing else is stored."""

from __future__ import annotations

import argparse
import asyncio
import collections
import http.client
import json
import os
import shutil
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
PG_HOST, PG_PORT = "127.0.0.1", 5432
PG = f"postgres://postgres@{PG_HOST}:{PG_PORT}"
DB = "naungan_bench_faults"
RETRY_PAUSE = 0.2

BODY = {
    "kind": "complaint",
    "reporter_relation": "witness",
    "anonymous": True,
    "victim": {"age": 14, "sex": "F"},
    "violence_types": ["physical"],
    "incident_date": "2026-01-05",
    "area_code": "64.71.01.1001",
}


class Relay:
    """A TCP relay 127.0.0.1:port → PostgreSQL, run by an asyncio loop in a thread. ``cut``
    resets every relayed connection and stops listening (new connections are refused);
    ``restore`` listens again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()
        self.thread.start()

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=10)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection(PG_HOST, PG_PORT)
        except OSError:
            client_w.transport.abort()
            return
        pair = {client_w, server_w}
        self.writers |= pair
        try:
            await asyncio.gather(self._pipe(client_r, server_w), self._pipe(server_r, client_w))
        finally:
            self.writers -= pair

    async def _listen(self) -> None:
        self.server = await asyncio.start_server(
            self._handle, "127.0.0.1", self.port, reuse_address=True
        )

    async def _cut(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        for writer in list(self.writers):
            writer.transport.abort()  # RST: the app sees the connection die mid-use
        self.writers.clear()

    def start(self) -> None:
        self._run(self._listen())

    restore = start

    def cut(self) -> None:
        self._run(self._cut())

    def stop(self) -> None:
        self.cut()
        self.loop.call_soon_threadsafe(self.loop.stop)


class Load:
    """Clients sending reports without pause, retrying each key until it is accepted."""

    def __init__(self, port: int, clients: int, run: str) -> None:
        self.port, self.run = port, run
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.answers: list[tuple[float, str]] = []  # (time answered, status or error)
        self.accepted: dict[str, str] = {}  # key → tracking code
        self.unfinished: list[str] = []
        self.deadline = float("inf")
        self.longest = 0.0
        self.threads = [threading.Thread(target=self._client) for _ in range(clients)]

    def start(self) -> None:
        for t in self.threads:
            t.start()

    def finish(self, grace: float = 60) -> None:
        self.deadline = time.monotonic() + grace
        self.stop.set()
        for t in self.threads:
            t.join()

    def _note(self, status: str, started: float) -> None:
        now = time.monotonic()
        with self.lock:
            self.answers.append((now, status))
            self.longest = max(self.longest, now - started)

    def _client(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while not self.stop.is_set():
            key = uuid.uuid4().hex
            body = json.dumps(
                {**BODY, "description": f"Laporan uji gangguan basis data [{self.run}:{key}]"}
            )
            while True:
                if self.stop.is_set() and time.monotonic() > self.deadline:
                    self.unfinished.append(key)
                    break
                started = time.monotonic()
                try:
                    status, data = post_report(conn, body, key)
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                    self._note("connection error", started)
                    time.sleep(RETRY_PAUSE)
                    continue
                self._note(str(status), started)
                if status == 201:
                    code = json.loads(data)["tracking_code"]
                    with self.lock:
                        if self.accepted.setdefault(key, code) != code:
                            self.accepted[key] = f"MISMATCH {code}"
                    break
                if status == 422:  # a bug in this script, not a fault
                    raise SystemExit(data.decode())
                time.sleep(RETRY_PAUSE)  # 503, 409, 500…: the same key again
        conn.close()

    def counts(self, start: float, end: float) -> dict[str, int]:
        with self.lock:
            return dict(collections.Counter(s for t, s in self.answers if start <= t < end))

    def first_201_after(self, moment: float) -> float | None:
        with self.lock:
            times = [t for t, s in self.answers if s == "201" and t >= moment]
        return min(times) - moment if times else None


def burst(port: int, clients: int, reports: int, run: str) -> tuple[dict[str, int], set[str]]:
    """``reports`` reports from ``clients`` threads, one attempt each (no retry): the answers
    by status and the keys answered 201."""
    counts: collections.Counter[str] = collections.Counter()
    accepted: set[str] = set()
    jobs = list(range(reports))
    lock = threading.Lock()

    def client() -> None:
        while True:
            with lock:
                if not jobs:
                    break
                jobs.pop()
            # A new HTTP connection per report, as from many phones: runserver starts a thread
            # for each one.
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            key = uuid.uuid4().hex
            body = json.dumps({**BODY, "description": f"Laporan uji lonjakan [{run}:{key}]"})
            try:
                code, _data = post_report(conn, body, key, close=True)
                status = str(code)
            except (OSError, http.client.HTTPException):
                status = "connection error"
            finally:
                conn.close()
            with lock:
                counts[status] += 1
                if status == "201":
                    accepted.add(key)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return dict(counts), accepted


def open_connections() -> int:
    """Connections to the benchmark's database (retried: without a pool the app may hold every
    connection the server allows for a while)."""
    for _attempt in range(20):
        try:
            with psycopg.connect(f"{PG}/postgres") as conn:
                sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                return int(conn.execute(sql, [DB]).fetchone()[0])  # type: ignore[index]
        except psycopg.OperationalError:
            time.sleep(0.5)
    return -1


def restart_postgres() -> None:
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=False)
    fields = clusters.stdout.split()
    if clusters.returncode == 0 and len(fields) >= 2:
        subprocess.run(["pg_ctlcluster", fields[0], fields[1], "restart"], check=True)
    else:
        subprocess.run(["service", "postgresql", "restart"], check=True)


def stored_markers(env: dict[str, str], run: str) -> dict[str, list[str]]:
    """Marker key → tracking codes of the stored reports carrying it (descriptions are
    encrypted, so the app decrypts them)."""
    code = (
        "import json, re\n"
        "from naungan.reports.models import Report\n"
        "out = {}\n"
        "for r in Report.objects.only('tracking_code', 'description'):\n"
        f"    m = re.search(r'\\[{run}:(\\w+)\\]', r.description)\n"
        "    if m: out.setdefault(m.group(1), []).append(r.tracking_code)\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def start_server(args: argparse.Namespace, env: dict[str, str], port: int) -> subprocess.Popen:
    if args.server == "runserver":
        command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    else:
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        command = [gunicorn, "naungan.wsgi", "-b", f"127.0.0.1:{port}", "-w", "3", "-k"]
        command += ["gthread", "--threads", "4", "--preload", "--keep-alive", "5"]
        command += ["--backlog", "2048", "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.terminate()
            raise SystemExit("server did not start")
        time.sleep(0.2)


def show(name: str, counts: dict[str, int]) -> None:
    text = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "none"
    print(f"  {name:<28} {text}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", choices=["gunicorn", "runserver"], default="gunicorn")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--burst", type=int, default=400, help="reports in the burst; 0: skip")
    parser.add_argument("--cut", type=float, default=5, help="seconds without database")
    parser.add_argument("--after", type=float, default=8, help="seconds of load after restore")
    parser.add_argument("--restart", action="store_true", help="also restart PostgreSQL")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="use an existing database")
    parser.add_argument("--db", default="naungan_bench_faults", help="database name")
    args = parser.parse_args()
    global DB  # one database per run, named on the command line
    DB = args.db

    tmp = Path(tempfile.mkdtemp(prefix="naungan-faults-"))
    relay = Relay()
    relay.start()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{relay.port}/{DB}",
        "NAUNGAN_VAR_DIR": str(tmp),
        "NAUNGAN_STATIC_ROOT": str(ROOT / "var" / "static"),
        "NAUNGAN_DEBUG": "0",
        "NAUNGAN_REPORT_SUBMIT_RATE": "0",  # one client address fires everything
        "NAUNGAN_LOG_LEVEL": "CRITICAL",
        "REDIS_URL": "",
    }
    direct = {**env, "DATABASE_URL": f"{PG}/{DB}"}
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB]).fetchone()
        if not (args.reuse and exists):
            conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DB}")
    t = time.monotonic()
    migrate = [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"]
    subprocess.run(migrate, env=direct, cwd=ROOT, check=True)
    print(f"migrated in {time.monotonic() - t:.1f} s; server {args.server}, {args.clients} clients")

    run = uuid.uuid4().hex[:10]
    port = free_port()
    server = start_server(args, env, port)
    restarted = False
    counts: dict[str, int] = {}
    burst_accepted: set[str] = set()
    try:
        if args.burst:
            t = time.monotonic()
            counts, burst_accepted = burst(port, args.clients, args.burst, run)
            took = time.monotonic() - t
            time.sleep(1)
            print(f"burst: {args.burst} reports in {took:.1f} s, one attempt each")
            show("answers", counts)
            print(f"  {'connections open after it':<28} {open_connections()}")

        load = Load(port, args.clients, run)
        load.start()
        t0 = time.monotonic()
        time.sleep(3)
        cut_at = time.monotonic()
        relay.cut()
        time.sleep(args.cut)
        restored_at = time.monotonic()
        relay.restore()
        time.sleep(args.after)
        marks = [("before the cut", t0, cut_at), ("relay cut", cut_at, restored_at)]
        recovered = load.first_201_after(restored_at)
        end = time.monotonic()
        if recovered is not None:
            marks += [
                ("restored, recovering", restored_at, restored_at + recovered),
                ("recovered", restored_at + recovered, end),
            ]
        recoveries = [("relay cut", recovered)]
        if args.restart:
            restart_at = time.monotonic()
            restart_postgres()
            restarted = True
            back_at = time.monotonic()
            time.sleep(args.after)
            if recovered is not None:  # the "recovered" phase ends where the restart begins
                marks[-1] = (marks[-1][0], marks[-1][1], restart_at)
            marks += [("PostgreSQL restarting", restart_at, back_at)]
            again = load.first_201_after(back_at)
            marks += [("after the restart", back_at, time.monotonic())]
            recoveries.append(("PostgreSQL restart", again))
        load.finish()
        after_connections = open_connections()
    finally:
        server.terminate()
        server.wait(timeout=20)
        relay.stop()

    print(f"load with faults: {len(load.answers)} answers")
    for name, start, stop in marks:
        show(name, load.counts(start, stop))
    show("whole run", load.counts(0, float("inf")))
    for name, seconds in recoveries:
        shown = f"{seconds:.2f} s" if seconds is not None else "never"
        print(f"  first 201 after {name} ended: {shown}")
    print(f"  longest wait for an answer: {load.longest:.2f} s")
    print(f"  connections open at the end: {after_connections}")
    if restarted:
        print("  (PostgreSQL was restarted)")

    stored = stored_markers(direct, run)
    accepted = {**dict.fromkeys(burst_accepted, ""), **load.accepted}
    duplicates = [k for k, codes in stored.items() if len(codes) > 1]
    missing = [k for k in accepted if k not in stored]
    extra = [k for k in stored if k not in accepted]
    wrong = [k for k, code in load.accepted.items() if k in stored and stored[k] != [code]]
    print(
        f"stored {sum(len(v) for v in stored.values())} reports with this run's marker, "
        f"accepted {len(accepted)} ({len(burst_accepted)} in the burst, "
        f"{len(load.accepted)} under faults), keys never accepted {len(load.unfinished)}"
    )
    print(
        f"  duplicates {len(duplicates)}, accepted but missing {len(missing)}, "
        f"stored without a 201 {len(extra)}, tracking code differs {len(wrong)}"
    )
    ok = not (duplicates or missing or extra or wrong or load.unfinished)
    ok = ok and "500" not in load.counts(0, float("inf")) and "500" not in counts
    print("no 500, stored == accepted, no duplicates:", "yes" if ok else "NO")
    if not args.keep:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
