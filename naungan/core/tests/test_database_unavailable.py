"""A database that is busy or away answers 503 with Retry-After, never 500 (CONTRACT §4):
JSON ``{"detail": ...}`` for the API, the friendly page for the web. Nothing is half-written,
the next request works, and a retry with the same Idempotency-Key stores the report once.

The database "goes away" through ``connection.execute_wrapper``: every statement from then on
(or from the n-th on) raises the error the driver raises when the server cannot be reached.
Redis "goes away" by pointing ``REDIS_URL`` at a closed port: the rate limits fail closed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.test import Client
from psycopg_pool import PoolTimeout

from naungan.cases.models import Case, Person, Task
from naungan.core.models import AuditEvent
from naungan.reports.models import IdempotencyRecord, Report
from naungan.reports.services import submit

pytestmark = pytest.mark.django_db

REPORT = {
    "kind": "complaint",
    "reporter_relation": "victim",
    "anonymous": True,
    "victim": {"age": 15, "sex": "F"},
    "violence_types": ["physical"],
    "description": "Saya dipukul oleh ayah tiri di rumah tadi malam.",
    "area_code": "64.71.01",
}
CASE = {
    "area_code": "64.71.01",
    "channel": "walk_in",
    "violence_types": ["sexual"],
    "description": "Kronologi singkat",
    "victims": [{"name": "Siti", "age": 15, "sex": "F"}],
    "perpetrators": [{"relationship": "family", "age": 40, "sex": "M"}],
}


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@contextmanager
def database_away(
    error: BaseException | None = None, *, after: int = 0, when: Callable[[str], bool] = bool
) -> Iterator[list[str]]:
    """Statements fail with ``error`` (connection refused) once ``after`` of those matching
    ``when`` have run; yields the statements that did run."""
    ran: list[str] = []
    failure = error or OperationalError('connection to server at "127.0.0.1" refused')

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if when(sql) and sum(1 for s in ran if when(s)) >= after:
            raise failure
        result = execute(sql, params, many, context)
        ran.append(sql)
        return result

    with connection.execute_wrapper(wrapper):
        yield ran


def submit_report(client: Client, key: str = "", **body: Any) -> Any:
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(
        "/api/v1/public/reports",
        data=json.dumps({**REPORT, **body}),
        content_type="application/json",
        **headers,
    )


def assert_503_json(response: Any) -> None:
    assert response.status_code == 503, response.content
    assert int(response["Retry-After"]) > 0
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert detail


def stored() -> tuple[int, int, int]:
    return (
        Report.objects.count(),
        IdempotencyRecord.objects.count(),
        AuditEvent.objects.filter(object_type="reports.report").count(),
    )


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("FATAL: sorry, too many clients already"),
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
        PoolTimeout("couldn't get a connection after 5.00 sec"),
    ],
    ids=["too-many-clients", "connection-lost", "connection-closed", "pool-timeout"],
)
def test_public_report_answers_503_with_retry_after_when_the_database_is_away(
    client: Client, orgs: Any, error: BaseException
) -> None:
    with database_away(error):
        response = submit_report(client, key="k-503")
    assert_503_json(response)
    assert response.json()["detail"].startswith("Layanan sedang sibuk")  # gettext msgid
    assert response["Cache-Control"] == "no-store"
    assert stored() == (0, 0, 0)


def test_the_next_request_works_once_the_database_is_back(client: Client, orgs: Any) -> None:
    with database_away():
        assert submit_report(client).status_code == 503
    response = submit_report(client)
    assert response.status_code == 201, response.content
    assert stored() == (1, 0, 1)


def test_a_connection_lost_in_the_middle_of_a_write_leaves_nothing_half_written(
    personas: Any,
) -> None:
    """A case is several rows (case, people, parties, the 72-hour police task, audit): the
    connection breaks after the first two inserts, the transaction rolls back, nothing of the
    case remains, and the same request works once the database is back."""
    intake = personas["intake_bpp"]
    intake.token  # noqa: B018 - issue the token while the database is there
    audit_before = AuditEvent.objects.count()
    with database_away(after=2, when=lambda sql: sql.lstrip().upper().startswith("INSERT")) as ran:
        response = intake.api("POST", "/api/v1/cases", CASE)
    assert_503_json(response)
    assert sum(1 for sql in ran if sql.lstrip().upper().startswith("INSERT")) == 2
    assert (Case.objects.count(), Person.objects.count(), Task.objects.count()) == (0, 0, 0)
    assert AuditEvent.objects.count() == audit_before
    again = intake.api("POST", "/api/v1/cases", CASE)
    assert again.status_code == 201, again.content
    assert (Case.objects.count(), Task.objects.count()) == (1, 1)


def test_a_report_whose_statement_failed_is_stored_once_on_retry(client: Client, orgs: Any) -> None:
    # (On PostgreSQL the statement is "WITH r AS (INSERT …) …".)
    with database_away(when=lambda sql: "INSERT" in sql.upper()):
        assert_503_json(submit_report(client, key="failed-statement"))
    assert stored() == (0, 0, 0)
    retry = submit_report(client, key="failed-statement")
    assert retry.status_code == 201, retry.content
    assert "Idempotent-Replayed" not in retry
    assert stored() == (1, 1, 1)


def test_a_retry_after_a_lost_answer_replays_the_stored_report(
    client: Client, orgs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report was committed, then the connection died before the answer left: the client
    saw 503 (or nothing) and retries with the same key. It gets the first answer back, PIN
    included, and nothing is stored twice; no "in progress" 409 is left behind."""
    real_create = submit._report_create
    answers: list[dict[str, Any]] = []

    def create_then_lose_the_answer(**kwargs: Any) -> Any:
        result = real_create(**kwargs)
        answers.append(result.body)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(submit, "_report_create", create_then_lose_the_answer)
    lost = submit_report(client, key="lost-answer")
    assert_503_json(lost)
    monkeypatch.setattr(submit, "_report_create", real_create)

    retry = submit_report(client, key="lost-answer")
    assert retry.status_code == 201, retry.content
    assert retry["Idempotent-Replayed"] == "true"
    assert retry.json() == answers[0]
    assert stored() == (1, 1, 1)
    again = submit_report(client, key="lost-answer")
    assert again.json() == answers[0]
    assert stored() == (1, 1, 1)


def test_a_staff_endpoint_answers_503(personas: Any) -> None:
    intake = personas["intake_bpp"]
    intake.token  # noqa: B018 - issue the token while the database is there
    with database_away():
        response = intake.api("GET", "/api/v1/reports")
    assert_503_json(response)
    assert intake.api("GET", "/api/v1/reports").status_code == 200


def test_a_staff_page_answers_the_friendly_503_page(personas: Any) -> None:
    """The session and the lazy user are read by middleware before the view: the error comes
    from there, not from the view, and still answers 503."""
    supervisor = personas["supervisor_bpp"]
    client = Client(raise_request_exception=False)
    client.cookies = supervisor.client.cookies
    with database_away():
        response = client.get("/laporan/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Layanan sedang sibuk" in html
    assert "SAPA 129" in html
    assert "Traceback" not in html
    assert client.get("/laporan/").status_code == 200


def test_the_public_form_answers_the_friendly_503_page_and_stores_nothing(
    client: Client, orgs: Any
) -> None:
    form = {
        "kind": "complaint",
        "reporter_relation": "witness",
        "anonymous": "1",
        "description": "Tetangga saya memukul anaknya setiap malam.",
        "violence_types": ["physical"],
        "kecamatan": "64.71.01",
        "kelurahan": "64.71.01.1001",
        "submission": "form-token-503",
    }
    # The default test client re-raises exceptions that reach Django's 500 handler: this one
    # is answered by the middleware's process_exception for the view.
    with database_away(when=lambda sql: "INSERT" in sql.upper()):
        response = client.post("/lapor/", form)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "Layanan sedang sibuk" in response.content.decode()
    assert stored() == (0, 0, 0)
    assert client.post("/lapor/", form).status_code == 201
    assert stored() == (1, 1, 1)


def test_other_errors_still_answer_500(client: Client, orgs: Any) -> None:
    client.raise_request_exception = False
    with database_away(RuntimeError("a bug")):
        response = submit_report(client)
    assert response.status_code == 500
    assert response.json() == {"detail": "Error"}


# --- Redis away: the rate limits fail closed with 503, never 500 --------------------------------

REDIS_AWAY = "redis://127.0.0.1:1/0"  # nothing listens there: connection refused


@pytest.fixture
def reported(client: Client, settings: Any) -> dict[str, str]:
    settings.REDIS_URL = ""
    created: dict[str, str] = submit_report(client).json()
    settings.REDIS_URL = REDIS_AWAY
    return created


def test_the_public_status_call_answers_503_when_redis_is_away(
    reported: dict[str, str],
) -> None:
    response = Client().get(
        f"/api/v1/public/reports/{reported['tracking_code']}",
        HTTP_X_REPORT_PIN=reported["pin"],
    )
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "Coba lagi" in response.json()["detail"]


def test_the_status_page_answers_503_when_redis_is_away(reported: dict[str, str]) -> None:
    response = Client().post(
        "/lapor/status/", {"tracking_code": reported["tracking_code"], "pin": reported["pin"]}
    )
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert 'data-testid="report-status"' not in response.content.decode()


def test_a_public_report_is_refused_with_503_when_redis_is_away(settings: Any) -> None:
    settings.REDIS_URL = REDIS_AWAY
    response = submit_report(Client())
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert not Report.objects.exists()


def test_the_login_fails_closed_with_503_when_redis_is_away(make_user: Any, settings: Any) -> None:
    user = make_user("analyst")
    settings.REDIS_URL = REDIS_AWAY
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": user.username, "password": "Uji-Persona-2026!"}
    )
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert client.session.get("_auth_user_id") is None


def test_a_field_report_whose_checklist_cannot_be_read_answers_503_and_its_retry_stores_once(
    personas: Any,
) -> None:
    """An activist's report with a ticked checklist reads the triage instrument before it is
    stored: the database going away there is a 503, nothing half-written, and the retry with
    the same key stores the report once, with its suggestion."""
    activist = personas["activist_bpp"]
    activist.token  # noqa: B018 - issue the token while the database is there
    body = {
        **REPORT,
        "channel": "activist",
        "area_code": "64.71.01.1001",
        "reported_checklist": ["child"],
    }
    key = {"HTTP_IDEMPOTENCY_KEY": "field-checklist-retry"}
    with database_away(when=lambda sql: "risk_instrument" in sql):
        response = activist.api("POST", "/api/v1/reports", body, **key)
    assert_503_json(response)
    assert stored() == (0, 0, 0)
    first = activist.api("POST", "/api/v1/reports", body, **key)
    assert first.status_code == 201, first.content
    again = activist.api("POST", "/api/v1/reports", body, **key)
    assert again.json() == first.json()
    assert Report.objects.get().triage_suggested == "emergency"
    assert Report.objects.count() == 1
