from unittest import mock

from django.db import OperationalError


def test_healthz_reports_ok_when_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_database_is_down(client, db):
    with mock.patch("naungan.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_healthz_is_never_cached(client, db):
    assert (
        "no-store" in client.get("/healthz")["Cache-Control"]
        or "max-age=0" in client.get("/healthz")["Cache-Control"]
    )
