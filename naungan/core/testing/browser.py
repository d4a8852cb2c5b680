"""Browser-test fixtures: a real server (gunicorn) on its own database, and Playwright pages
in Debian's chromium.

``app_server`` runs for the whole session: a fresh database (PostgreSQL when DATABASE_URL
points there, else an SQLite file), ``migrate`` (regions included) and ``seed_demo``. Tests drive
it through the browser and set up or inspect data with ``app_server.manage``/``shell``, which
run against the same database and keys."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = os.environ.get("NAUNGAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database_url(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base, _, _name = url.rpartition("/")
        # One database per pytest-xdist worker (gw0, gw1…), should two ever run browser tests.
        name = "naungan_browser" + os.environ.get("PYTEST_XDIST_WORKER", "").replace("gw", "_")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
        return f"{base}/{name}"
    return f"sqlite:///{tmp / 'browser.sqlite3'}"


@dataclass
class AppServer:
    url: str
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=check,
            timeout=300,  # migrate on a loaded 2-core machine can take minutes
        )

    def shell(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "-c", code).stdout.strip()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian chromium not found at {CHROMIUM}: run `make test` (it installs it)")
    tmp = tmp_path_factory.mktemp("app")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(tmp),
        "NAUNGAN_VAR_DIR": str(tmp / "var"),
        "NAUNGAN_DEBUG": "0",
        "NAUNGAN_HTTPS": "0",
        "DJANGO_SETTINGS_MODULE": "naungan.settings",
        "NAUNGAN_TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "REDIS_URL": "",
    }
    env.pop("PYTEST_CURRENT_TEST", None)
    port = _free_port()
    server = AppServer(url=f"http://127.0.0.1:{port}", env=env)
    if not (ROOT / "var" / "static" / "staticfiles.json").exists():
        server.manage("collectstatic", "--noinput", "-v", "0")
    server.manage("migrate", "--noinput", "-v", "0")
    server.manage("seed_demo", "--quiet-logins")
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    log = open(tmp / "server.log", "wb")  # noqa: SIM115 - closed at teardown
    server.process = subprocess.Popen(  # noqa: S603
        [
            gunicorn or "gunicorn",
            "naungan.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--threads",
            "4",
            "--timeout",
            "60",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or server.process.poll() is not None:
            server.process.kill()
            pytest.fail("app server did not start:\n" + (tmp / "server.log").read_text()[-3000:])
        time.sleep(0.3)
    yield server
    server.process.terminate()
    server.process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="id-ID")
    context.set_default_timeout(10_000)
    pg = context.new_page()
    yield pg
    context.close()


def create_staff(
    app_server: AppServer,
    username: str,
    role: str,
    *,
    password: str,
    org: str = "uptd-ppa-balikpapan",
    area: str = "64.71",
) -> None:
    """A staff account on the served app, made by the operator's ``create_staff`` command."""
    app_server.manage(
        "create_staff",
        "--username", username,
        "--password", password,
        "--role", role,
        "--org", org,
        "--area", area,
    )  # fmt: skip


def activate_totp(app_server: AppServer, username: str) -> str:
    """Enrol a TOTP second factor for ``username`` on the served app; returns its secret."""
    import pyotp

    secret = pyotp.random_base32()
    app_server.shell(
        "from allauth.mfa.totp.internal.auth import TOTP\n"
        "from naungan.accounts.models import User\n"
        f"TOTP.activate(User.objects.get(username='{username}'), '{secret}')"
    )
    return secret


def new_page(browser: Any, *, locale: str = "id-ID", timeout: int = 15_000, **kw: Any) -> Any:
    """A page in a fresh browser context (no cookies), Indonesian unless told otherwise."""
    context = browser.new_context(locale=locale, **kw)
    context.set_default_timeout(timeout)
    return context.new_page()


def login(page: Any, base_url: str, username: str, password: str) -> None:
    """Fill the staff login form and submit it."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_login", username)
    page.fill("#id_password", password)
    page.click("#login-submit")


AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Any, *, impacts: tuple[str, ...] = ("serious", "critical")) -> list[Any]:
    """Run axe-core on the current page; return violations of the given impacts. The page's
    context must be created with ``bypass_csp=True`` (the CSP forbids injected scripts)."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]


@pytest.fixture
def axe_page(browser: Any) -> Iterator[Any]:
    """A page whose context lets axe-core be injected despite the CSP."""
    context = browser.new_context(locale="id-ID", bypass_csp=True)
    context.set_default_timeout(10_000)
    pg = context.new_page()
    yield pg
    context.close()


def totp_code(secret: str) -> str:
    """The current TOTP code of ``secret``, never one about to expire: allauth accepts only the
    code of the current 30-second window, and a code typed in its last seconds may reach the
    server in the next one (a browser test then waits in vain for the home page)."""
    import pyotp

    left = 30 - time.time() % 30
    if left < 6:
        time.sleep(left + 0.2)
    return str(pyotp.TOTP(secret).now())
