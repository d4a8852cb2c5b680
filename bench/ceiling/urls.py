"""One ninja endpoint: POST /api/v1/public/reports → a raw INSERT of a comparable row."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from typing import Literal

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import path
from ninja import NinjaAPI, Schema

api = NinjaAPI(urls_namespace="ceiling")


class Victim(Schema):
    age: int | None = None
    sex: Literal["F", "M"] | None = None


class ReportIn(Schema):
    kind: Literal["complaint", "curhat"]
    reporter_relation: Literal["victim", "family", "witness", "other"]
    anonymous: bool = True
    victim: Victim | None = None
    violence_types: list[str] = []
    description: str
    incident_date: dt.date | None = None
    area_code: str | None = None
    location_detail: str | None = None


@api.post("/public/reports", auth=None)
def submit(request: HttpRequest, payload: ReportIn) -> JsonResponse:
    code = secrets.token_hex(6).upper()
    victim = payload.victim or Victim()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO ceiling_report (tracking_code, kind, reporter_relation, anonymous, "
            "victim_age, victim_sex, violence_types, description, incident_date, area_code, "
            "location_detail, received_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
            "now())",
            [
                code,
                payload.kind,
                payload.reporter_relation,
                payload.anonymous,
                victim.age,
                victim.sex or "",
                json.dumps(payload.violence_types),
                payload.description,
                payload.incident_date,
                payload.area_code or "",
                payload.location_detail or "",
            ],
        )
    return JsonResponse(
        {"tracking_code": code, "pin": secrets.token_hex(3), "status": "received"}, status=201
    )


urlpatterns = [path("api/v1/", api.urls)]
