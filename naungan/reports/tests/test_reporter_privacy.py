"""A public reporter leaves no trace (CONTRACT §3, §4): her address is stored nowhere, in no
table and no log line; public pages set no persistent cookie. Staff actions keep the address
we believe (``request.client_ip``), never a forged ``X-Forwarded-For``."""

from __future__ import annotations

import io
import json
import logging
import re
from http.cookies import SimpleCookie
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test import Client
from PIL import Image

from conftest import PASSWORD
from naungan.core.models import AuditEvent
from naungan.reports.models import Report

from .test_web import FORM

pytestmark = pytest.mark.django_db

PROXY = "10.20.30.40"  # a trusted reverse proxy
REPORTER = "198.51.100.23"  # the reporter's address, forwarded by the proxy
FORGED = "203.0.113.66"  # what a client claims in X-Forwarded-For


def _png() -> io.BytesIO:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(buf, "PNG")
    buf.seek(0)
    buf.name = "bukti.png"
    return buf


def _every_stored_value() -> str:
    """Every row of every table, as text."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            parts.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(parts)


def test_a_public_reporter_s_address_is_stored_nowhere(
    settings: Any, caplog: Any, orgs: Any
) -> None:
    settings.TRUSTED_PROXIES = [PROXY]
    headers = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{FORGED}, {REPORTER}"}
    api = Client(**headers)
    web = Client(**headers)
    caplog.set_level(logging.DEBUG)
    body = {
        "kind": "complaint",
        "reporter_relation": "victim",
        "anonymous": True,
        "violence_types": ["physical"],
        "description": "Saya dipukul oleh ayah tiri di rumah tadi malam.",
        "area_code": "64.71.01",
    }
    submitted = api.post(
        "/api/v1/public/reports",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="k-1",
    )
    assert submitted.status_code == 201, submitted.content
    created = submitted.json()
    code, pin = created["tracking_code"], created["pin"]
    assert api.get(f"/api/v1/public/reports/{code}", HTTP_X_REPORT_PIN=pin).status_code == 200
    assert api.get(f"/api/v1/public/reports/{code}", HTTP_X_REPORT_PIN="999999").status_code == 404
    sent = api.post(
        f"/api/v1/public/reports/{code}/messages",
        data=json.dumps({"body": "Saya takut pulang."}),
        content_type="application/json",
        HTTP_X_REPORT_PIN=pin,
    )
    assert sent.status_code == 201
    form = web.post("/lapor/", {**FORM, "attachments": [_png()]})
    assert form.status_code == 201
    web_code = re.search(r'data-testid="tracking-code">([^<]+)<', form.content.decode())
    web_pin = re.search(r'data-testid="pin">([^<]+)<', form.content.decode())
    assert web_code
    assert web_pin
    status = web.post(
        "/lapor/status/",
        {
            "tracking_code": web_code.group(1),
            "pin": web_pin.group(1),
            "action": "message",
            "body": "Halo petugas.",
        },
    )
    assert status.status_code == 200
    assert Report.objects.count() == 2
    assert AuditEvent.objects.filter(actor_label__in=["public", "reporter"]).count() >= 4
    assert not AuditEvent.objects.exclude(ip=None).exists()
    assert not LogEntry.objects.exclude(remote_addr=None).exists()
    stored = _every_stored_value()
    logged = "\n".join(r.getMessage() + repr(r.__dict__) for r in caplog.records)
    for address in (REPORTER, FORGED, PROXY):
        assert address not in stored
        assert address not in logged


def test_staff_actions_keep_the_believed_address_not_a_forged_forwarded_for(
    personas: Any,
) -> None:
    persona = personas["intake_bpp"]
    # Issuing a token needs a recent sign-in with the password.
    client = Client()
    client.post(
        "/accounts/login/",
        {"login": persona.user.username, "password": PASSWORD},
        REMOTE_ADDR="10.9.8.7",
    )
    response = client.post(
        "/accounts/tokens/",
        {"name": "laptop"},
        REMOTE_ADDR="10.9.8.7",
        HTTP_X_FORWARDED_FOR=FORGED,
    )
    assert response.status_code in (200, 302)
    entries = LogEntry.objects.filter(content_type__model="apitoken")
    assert entries.exists()
    assert {e.remote_addr for e in entries} == {"10.9.8.7"}
    assert not LogEntry.objects.filter(remote_addr=FORGED).exists()
    assert not AuditEvent.objects.filter(ip=FORGED).exists()


def _cookies(response: Any) -> list[str]:
    return [m.output(header="").strip() for m in response.cookies.values()]


def _no_persistent_cookie(response: Any) -> None:
    assert "sessionid" not in response.cookies  # no session is opened for a reporter
    for header in _cookies(response):
        jar = SimpleCookie()
        jar.load(header)
        for name, morsel in jar.items():
            assert not morsel["expires"], f"{name} persists: {header}"
            assert not morsel["max-age"], f"{name} persists: {header}"


def test_public_pages_set_no_persistent_cookie() -> None:
    client = Client(enforce_csrf_checks=True)
    for path in ("/lapor/", "/lapor/status/"):
        page = client.get(path)
        assert page.status_code == 200
        assert "csrftoken" in page.cookies  # set, but only for the browser session
        _no_persistent_cookie(page)
    token = client.cookies["csrftoken"].value
    posted = client.post("/lapor/", {**FORM, "csrfmiddlewaretoken": token})
    assert posted.status_code == 201
    _no_persistent_cookie(posted)
    status = client.post(
        "/lapor/status/",
        {"tracking_code": "LP-ABCD-EFGH", "pin": "123456", "csrfmiddlewaretoken": token},
    )
    assert status.status_code == 404
    _no_persistent_cookie(status)
    switched = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/lapor/", "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302
    assert "naungan_lang" in switched.cookies
    _no_persistent_cookie(switched)
    # Refusals of the public pages set nothing persistent either.
    refused = Client().post("/lapor/", {**FORM, "description": ""})
    assert refused.status_code == 422
    _no_persistent_cookie(refused)
