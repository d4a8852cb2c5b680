"""The versioned JSON API (/api/v1/). Each app mounts its own router here."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from naungan.accounts.api import router as accounts_router
from naungan.api_base import token_auth
from naungan.areas.api import router as regions_router
from naungan.cases.api import outer_router as cases_outer_router
from naungan.cases.api import router as cases_router
from naungan.community.api import router as community_router
from naungan.core.crypto import DecryptionError
from naungan.core.errors import DATABASE_UNAVAILABLE, database_unavailable
from naungan.core.exceptions import DomainError
from naungan.orgs.api import router as orgs_router
from naungan.referrals.api import router as referrals_router
from naungan.reports.api import public_router as public_reports_router
from naungan.reports.api import router as reports_router
from naungan.risk.api import router as risk_router
from naungan.services.api import router as services_router
from naungan.stats.api import router as stats_router
from naungan.training.api import router as training_router

api = NinjaAPI(
    title="Naungan API",
    version="1",
    description=(
        "API Naungan untuk layanan perlindungan perempuan dan anak. Staff endpoints take "
        "`Authorization: Bearer <token>` (see `manage.py issue_token`). Errors are "
        '`{"detail": ...}`; lists are `{"items": [...], "count": N}`.'
    ),
    auth=token_auth,
    urls_namespace="api-v1",
)


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("Token tidak ada atau tidak sah.")}, status=401
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    # One body for "missing" and "not yours": nothing hints that a record exists.
    return api.create_response(request, {"detail": "Not Found"}, status=404)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": exc.errors}, status=422)


@api.exception_handler(DjangoValidationError)
def _model_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        detail: Any = [
            {"loc": ["body", field], "msg": " ".join(msgs)}
            for field, msgs in exc.message_dict.items()
        ]
    else:
        detail = [{"loc": ["body"], "msg": " ".join(exc.messages)}]
    response = api.create_response(request, {"detail": detail}, status=422)
    response["Cache-Control"] = "no-store"  # it may echo what was sent
    return response


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    # Every domain refusal (transition not allowed, wrong role on a visible case, …) in one
    # place: 403, 409 or 422 as the exception says, with its translated message. A refusal that
    # must look like a missing record answers exactly the 404 of one.
    if exc.status == 404:
        response = _not_found(request, exc)
    else:
        response = api.create_response(request, exc.body(), status=exc.status)
    for name, value in exc.headers.items():
        response[name] = value
    return response


@api.exception_handler(DecryptionError)
def _decryption_error(request: HttpRequest, exc: DecryptionError) -> HttpResponse:
    # A stored value that does not open for its row (moved, tampered or its key removed): the
    # log names table, column and row, never a value; the caller learns nothing more.
    logging.getLogger("naungan.crypto").error("stored value cannot be decrypted: %s", exc)
    return api.create_response(
        request,
        {"detail": _("Data tersimpan tidak dapat dibaca. Hubungi administrator.")},
        status=500,
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


def _database_unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
    # The database (or Redis) is busy or away: 503 with Retry-After, never 500 (CONTRACT §4).
    # Nothing is half-written (the failed transaction or statement is rolled back).
    return database_unavailable(request, exc)


for _exc_class in DATABASE_UNAVAILABLE:
    # (ninja types the handler against the union of the class and its instances.)
    api.add_exception_handler(_exc_class, _database_unavailable)  # type: ignore[arg-type]


# Each app's router once, under its own prefix (the cases routers: see naungan/cases/).
api.add_router("/regions", regions_router)
api.add_router("/me", accounts_router)
api.add_router("/public/reports", public_reports_router)
api.add_router("/reports", reports_router)
api.add_router("/cases", cases_router)
# The cases app's paths outside /cases (/reports/{id}/convert, /notifications).
api.add_router("", cases_outer_router)
# Services on a case (/cases/{id}/services…, /cases/{id}/partner-clocks, /shelters).
api.add_router("", services_router)
# Referrals (/cases/{id}/referrals, /referrals…).
api.add_router("", referrals_router)
# Trainings and competencies (/trainings…, /competencies…).
api.add_router("", training_router)
api.add_router("/stats", stats_router)
# The directory of partner providers (/providers).
api.add_router("", orgs_router)
# The community tier (/activities, /activities/summary, /sync).
api.add_router("", community_router)
# Risk assessment, conferences and safety plans (/cases/{id}/risk-assessments…).
api.add_router("", risk_router)
