"""Every domain error of every app derives from the one core base and is answered by the one
API exception handler: its status, its translated message, the 404 of a missing record."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil

import pytest
from django.http import HttpRequest

import naungan
from naungan.api import api
from naungan.core.exceptions import DomainError


def _domain_error_classes() -> list[type[DomainError]]:
    for info in pkgutil.walk_packages(naungan.__path__, "naungan."):
        if ".tests" in info.name or ".migrations" in info.name or "testing" in info.name:
            continue
        if info.name.endswith(("settings", "wsgi", "asgi")):
            continue
        importlib.import_module(info.name)

    def walk(cls: type[DomainError]) -> list[type[DomainError]]:
        out = []
        for sub in cls.__subclasses__():
            out.append(sub)
            out.extend(walk(sub))
        return out

    return sorted(set(walk(DomainError)), key=lambda c: f"{c.__module__}.{c.__qualname__}")


ERRORS = _domain_error_classes()


def test_the_apps_declare_their_errors_on_the_core_base() -> None:
    modules = {cls.__module__.split(".")[1] for cls in ERRORS}
    assert {"cases", "reports"} <= modules


def test_no_exception_with_a_status_lives_outside_the_base() -> None:
    strays = []
    for info in pkgutil.walk_packages(naungan.__path__, "naungan."):
        if ".tests" in info.name or ".migrations" in info.name or "testing" in info.name:
            continue
        module = importlib.import_module(info.name)
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, Exception)
                and obj.__module__ == module.__name__
                and ("status" in vars(obj) or "status_code" in vars(obj))
                and not issubclass(obj, DomainError)
            ):
                strays.append(f"{obj.__module__}.{obj.__qualname__}")
    assert strays == [], f"domain errors must derive from core.exceptions.DomainError: {strays}"


@pytest.mark.parametrize("cls", ERRORS, ids=lambda c: c.__qualname__)
def test_the_one_handler_answers_every_domain_error(cls: type[DomainError], rf) -> None:
    request: HttpRequest = rf.get("/api/v1/anything")
    handler = api._lookup_exception_handler(cls("Pesan uji"))
    assert handler is not None
    response = handler(request, cls("Pesan uji"))
    assert response.status_code == cls.status
    body = response.content.decode()
    if cls.status == 404:
        assert body == '{"detail": "Not Found"}'
    else:
        assert "Pesan uji" in body


def test_extra_fields_and_headers_reach_the_answer(rf) -> None:
    class Full(DomainError):
        status = 409
        headers = {"Retry-After": "3"}

    request = rf.get("/api/v1/anything")
    exc = Full("Penuh", free_beds=0)
    response = api._lookup_exception_handler(exc)(request, exc)
    assert response.status_code == 409
    assert response["Retry-After"] == "3"
    assert response.content.decode() == '{"detail": "Penuh", "free_beds": 0}'


def _answer(rf, exc: DomainError):
    return api._lookup_exception_handler(exc)(rf.get("/api/v1/anything"), exc)


def test_report_refusals_are_never_cached(rf) -> None:
    from naungan.reports.services import IdempotencyMismatch, TransitionNotAllowed

    for exc in (TransitionNotAllowed("Sudah ditutup."), IdempotencyMismatch("Isi lain.")):
        response = _answer(rf, exc)
        assert response.status_code == exc.status
        assert response["Cache-Control"] == "no-store"
        assert json.loads(response.content) == {"detail": exc.message}


def test_a_race_on_one_idempotency_key_answers_409_with_retry_after(rf) -> None:
    from naungan.reports.services import SubmissionInProgress

    response = _answer(rf, SubmissionInProgress("Sedang diproses."))
    assert response.status_code == 409
    assert response["Retry-After"] == "1"


def test_throttled_submissions_and_locked_codes_answer_429_with_their_retry_after(rf) -> None:
    from naungan.reports.services import ReporterLocked, SubmissionsThrottled

    for cls in (SubmissionsThrottled, ReporterLocked):
        response = _answer(rf, cls("Terlalu banyak.", retry_after=120))
        assert response.status_code == 429
        assert response["Retry-After"] == "120"
        assert json.loads(response.content) == {"detail": "Terlalu banyak."}


def test_an_unknown_tracking_code_answers_the_standard_not_found(rf) -> None:
    from naungan.reports.services import NotAllowed, ReporterNotFound

    for exc in (ReporterNotFound(), NotAllowed()):
        response = _answer(rf, exc)
        assert response.status_code == 404
        assert response.content.decode() == '{"detail": "Not Found"}'
