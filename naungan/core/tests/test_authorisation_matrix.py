"""One authorisation matrix over every route (issue 9): every page of ``naungan.urls`` and every
operation of the OpenAPI document, called as every persona, anonymously and with a bad token.
The table and its rules are in ``naungan/core/testing/matrix.py`` (read its docstring to
classify a new route).

The world (organisations, personas, one of every record in Balikpapan) is built once for the
module inside a transaction that is rolled back at the end; every request runs in a savepoint
that is rolled back too, so calls never see each other's writes."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from naungan.api import api
from naungan.core.testing import matrix
from naungan.core.testing.matrix import ANONYMOUS, BAD_TOKEN, STAFF, WEB, Rule
from naungan.core.testing.matrix_api import API
from naungan.core.testing.matrix_world import (
    FIXED,
    OTHER_RECORDS,
    WORLD_IDS,
    World,
    _share_handler,
    rolled_back_world,
)

LOGIN_URL = "/accounts/login/"
MISSING_PAGE = "/matriks-tidak-ada/"
API_NOT_FOUND = {"detail": "Not Found"}
CSRF_RE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*|(nonce=")[^"]*')

# Which record of the world a path parameter (or a ``{placeholder}`` in a body) names.
COUNTER = {"requests": 0}

# The mark makes pytest-django create the test database (it looks for marked tests) and gives
# each test a savepoint inside the module's transaction.
pytestmark = pytest.mark.django_db


# --- the world --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    with rolled_back_world(django_db_blocker) as built:
        yield built
    print(f"\nauthorisation matrix: {COUNTER['requests']} requests")  # noqa: T201


# --- calls ------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    location: str
    body: Any  # parsed JSON, or bytes without CSRF tokens

    def __str__(self) -> str:
        body = self.body if not isinstance(self.body, bytes) else self.body[:80]
        return f"{self.status} {self.location or ''} {body!r}"[:300]


def _answer(response: Any) -> Answer:
    location = response.get("Location", "") if 300 <= response.status_code < 400 else ""
    if location.startswith(LOGIN_URL):
        location = LOGIN_URL  # ?next= echoes the path asked for
    if response.get("Content-Type", "").startswith("application/json"):
        try:
            body: Any = json.loads(response.content)
        except ValueError:
            body = response.content
    elif response.streaming:
        body = b"".join(response.streaming_content)
    else:
        body = CSRF_RE.sub(lambda m: m.group(1) or m.group(2), response.content)
    return Answer(response.status_code, location, body)


def _random_values(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in FIXED:
            out[key] = value
        elif isinstance(value, uuid.UUID):
            out[key] = uuid.uuid4()
        elif isinstance(value, int):
            out[key] = 2_000_000_000 + len(out)
        else:
            out[key] = "NGN-" + uuid.uuid4().hex[:8].upper()
    return out


def _params(rule: Rule, names: list[str], values: dict[str, Any]) -> dict[str, Any]:
    """Values of path parameters and ``{placeholders}`` for one call."""
    keys = {name: rule.ids.get(name, WORLD_IDS.get(name, name)) for name in names}
    return {name: values[key] for name, key in keys.items()}


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _fill(obj: Any, params: dict[str, Any]) -> Any:
    if isinstance(obj, str):
        whole = PLACEHOLDER.fullmatch(obj)
        if whole:
            return str(params[whole.group(1)])
        return PLACEHOLDER.sub(lambda m: str(params[m.group(1)]), obj)
    if isinstance(obj, dict):
        return {k: _fill(v, params) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_fill(v, params) for v in obj]
    return obj


def _placeholders(rule: Rule, path_names: list[str]) -> list[str]:
    text = json.dumps([rule.data, rule.headers])
    return list(dict.fromkeys([*path_names, *PLACEHOLDER.findall(text)]))


def _has_ids(rule: Rule, names: list[str]) -> bool:
    return any(rule.ids.get(n, WORLD_IDS.get(n, n)) not in FIXED for n in names)


def _send(client: Client, method: str, path: str, **kwargs: Any) -> Answer:
    COUNTER["requests"] += 1
    cache.clear()  # rate limits and lockouts must not carry over from one call to the next
    # Nor flash messages: an earlier call's "saved" or "refused" (kept in a cookie, not in the
    # rolled-back database) would show on this page only, and in whatever order tests run.
    client.cookies.pop("messages", None)
    with transaction.atomic():
        response = getattr(client, method.lower())(path, **kwargs)
        transaction.set_rollback(True)
    return _answer(response)


# One request handler for every client: each handler loads the middleware on first use, and
# WhiteNoise's scan of the static files alone costs half a second.
_ANONYMOUS = _share_handler(Client())


def _web_client(world: World, who: str) -> Client:
    if who == ANONYMOUS:
        _ANONYMOUS.cookies.clear()  # nothing carries over from one call to the next
        return _ANONYMOUS
    return world.personas[who].client


def _web_call(world: World, who: str, rule: Rule, values: dict[str, Any]) -> Answer:
    pattern = WEB_PATTERNS[rule.route]
    names = _placeholders(rule, pattern.names)
    params = _params(rule, names, values)
    path = reverse(rule.route, kwargs={n: params[n] for n in pattern.names})
    kwargs: dict[str, Any] = {}
    if rule.data is not None:
        kwargs["data"] = _fill(rule.data, params)
    return _send(_web_client(world, who), rule.method, path, **kwargs)


def _api_call(world: World, who: str, rule: Rule, values: dict[str, Any]) -> Answer:
    names = _placeholders(rule, PLACEHOLDER.findall(rule.route))
    params = _params(rule, names, values)
    path = _fill(rule.route, params)
    kwargs: dict[str, Any] = {k: _fill(v, params) for k, v in rule.headers.items()}
    if who == BAD_TOKEN:
        kwargs["HTTP_AUTHORIZATION"] = "Bearer ngn_bukan-token-yang-sah"
    elif who != ANONYMOUS:
        kwargs["HTTP_AUTHORIZATION"] = f"Bearer {world.personas[who].token}"
    if rule.data is not None:
        kwargs["data"] = json.dumps(_fill(rule.data, params))
        kwargs["content_type"] = "application/json"
    _ANONYMOUS.cookies.clear()  # the bearer token is the only credential
    return _send(_ANONYMOUS, rule.method, path, **kwargs)


_DENIALS: dict[tuple[str, str], Answer] = {}


def _standard_denial(world: World, kind: str, who: str) -> Answer:
    """What someone who may not reach a route gets when it names no record."""
    if kind == "web" and who == ANONYMOUS:
        return Answer(302, LOGIN_URL, b"")
    if kind == "api" and who in (ANONYMOUS, BAD_TOKEN):
        return Answer(401, "", {"detail": "Token tidak ada atau tidak sah."})
    if kind == "api":
        return Answer(404, "", API_NOT_FOUND)
    if ("web", who) not in _DENIALS:
        _DENIALS["web", who] = _send(_web_client(world, who), "GET", MISSING_PAGE)
        assert _DENIALS["web", who].status == 404
    return _DENIALS["web", who]


def _same(a: Answer, b: Answer) -> bool:
    return (a.status, a.location, a.body) == (b.status, b.location, b.body)


def _check(world: World, kind: str, rule: Rule, callers: list[str]) -> list[str]:
    """Call ``rule`` as everyone in ``callers``; the list of what is wrong."""
    call = _web_call if kind == "web" else _api_call
    names = WEB_PATTERNS[rule.route].names if kind == "web" else PLACEHOLDER.findall(rule.route)
    with_ids = _has_ids(rule, _placeholders(rule, names))
    in_path = _has_ids(rule, names)
    reach = rule.personas()
    refused = rule.refusals()
    problems = []
    for who in callers:
        real = call(world, who, rule, world.values)
        standard = None if rule.public else _standard_denial(world, kind, who)
        # Those who reach it are told apart from the standard denial; the random call is for
        # everyone else (and for public routes, which have no standard denial).
        denied = who not in reach and who not in refused
        fake = None
        if with_ids and (denied or standard is None):
            fake = call(world, who, rule, _random_values(world.values))
        denial = fake if fake is not None and (denied or standard is None) else standard
        for label, answer in (("real ids", real), ("random ids", fake)):
            if answer is not None and answer.status >= 500:
                problems.append(f"{who}: {answer.status} with {label}: {answer}")
        if who in refused:
            if real.status != refused[who]:
                problems.append(f"{who}: expected {refused[who]}, got {real}")
        elif who in reach:
            if denial is not None and _same(real, denial):
                problems.append(f"{who} should reach it but got the denial: {real}")
            if real.status in (401, 403) or real.location == LOGIN_URL:
                problems.append(f"{who} should reach it but got {real}")
        else:
            if denial is not None and not _same(real, denial):
                problems.append(f"{who} out of scope: {real}\n    but not found is: {denial}")
            if in_path and standard is not None and fake is not None and not _same(fake, standard):
                problems.append(f"{who}: a missing record answers {fake}, not {standard}")
    return problems


# --- enumeration ------------------------------------------------------------------------------


@dataclass
class WebPattern:
    name: str
    path: str
    names: list[str]


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[WebPattern]:
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in (namespace, p.namespace or "") if x)
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            path = prefix + str(p.pattern)
            name = ":".join(x for x in (namespace, p.name or path) if x)
            yield WebPattern(name, path, list(p.pattern.converters))


def _all_patterns() -> list[WebPattern]:
    return list(_walk(get_resolver().url_patterns))


def _excluded(path: str) -> bool:
    if path in matrix.INCLUDED_DESPITE_PREFIX:
        return False
    return path.startswith(tuple(matrix.EXCLUDED_PREFIXES))


WEB_PATTERNS = {p.name: p for p in _all_patterns() if not _excluded(p.path)}
UNLISTED = [
    Rule(method, name, note="method not classified: same answer for everyone")
    for name in WEB_PATTERNS
    for method in ("GET", "POST")
    if not any(r.route == name and r.method == method for r in WEB)
]


def _api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {(m.upper(), path) for path, ops in schema["paths"].items() for m in ops}


def test_every_page_is_classified_in_the_matrix() -> None:
    known = {r.route for r in WEB}
    unknown = sorted(set(WEB_PATTERNS) - known)
    stale = sorted(known - set(WEB_PATTERNS))
    assert not unknown, (
        f"pages not in the authorisation matrix: {unknown}. Add one line per method to WEB in "
        "naungan/core/testing/matrix.py, e.g. R('GET', 'cases:detail', CASE_READERS), saying "
        "who reaches it (see the module docstring), or exclude its prefix with a reason."
    )
    assert not stale, f"the matrix names pages that do not exist: {stale}"


def test_every_api_operation_is_classified_in_the_matrix() -> None:
    known = {(r.method, r.route) for r in API}
    operations = _api_operations()
    unknown = sorted(operations - known)
    stale = sorted(known - operations)
    assert not unknown, (
        f"API operations not in the authorisation matrix: {unknown}. Add one line to API in "
        "naungan/core/testing/matrix_api.py, e.g. R('POST', '/api/v1/cases/{case_id}/notes', "
        "CASE_WRITERS, data={...a valid body...}), saying who reaches it."
    )
    assert not stale, f"the matrix names API operations that do not exist: {stale}"


def test_every_api_url_is_an_operation_of_the_openapi_document() -> None:
    """An endpoint hidden from the schema would escape the matrix."""
    paths = {path for _method, path in _api_operations()} | set(matrix.API_NON_OPERATIONS)
    urls = {
        "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", p.path)
        for p in _all_patterns()
        if p.path.startswith("api/v1/")
    }
    assert urls - paths == set(), "API routes missing from the OpenAPI document"


def test_the_matrix_names_only_known_personas_and_parameters() -> None:
    for rule in [*WEB, *API]:
        rule.personas()  # raises on a typo
        assert set(rule.refusals()) <= set(STAFF), rule.label
        for key in rule.ids.values():
            assert key in {*WORLD_IDS.values(), *OTHER_RECORDS}, f"{rule.label}: {key!r}?"


# --- the matrix -------------------------------------------------------------------------------


def _fail(rule: Rule, problems: list[str]) -> None:
    assert not problems, f"{rule.label}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("rule", WEB, ids=lambda r: r.label)
def test_page(world: World, rule: Rule) -> None:
    _fail(rule, _check(world, "web", rule, [*STAFF, ANONYMOUS]))


@pytest.mark.parametrize("rule", UNLISTED, ids=lambda r: f"{r.method} {r.route}")
def test_page_with_an_unclassified_method(world: World, rule: Rule) -> None:
    """Nobody is expected to reach it: real and random ids answer alike, never 500."""
    everyone = Rule(rule.method, rule.route, "public")  # no expectation beyond equality
    problems = []
    for who in [*STAFF, ANONYMOUS]:
        real = _web_call(world, who, everyone, world.values)
        fake = _web_call(world, who, everyone, _random_values(world.values))
        if real.status >= 500 or fake.status >= 500:
            problems.append(f"{who}: {real} / {fake}")
        elif WEB_PATTERNS[rule.route].names and not _same(real, fake):
            problems.append(f"{who}: {real}\n    but not found is: {fake}")
    _fail(rule, problems)


@pytest.mark.parametrize("rule", API, ids=lambda r: r.label)
def test_api(world: World, rule: Rule) -> None:
    _fail(rule, _check(world, "api", rule, [*STAFF, ANONYMOUS, BAD_TOKEN]))


@pytest.mark.parametrize("path", sorted(matrix.API_NON_OPERATIONS))
def test_api_documents_answer_without_a_token(world: World, path: str) -> None:
    answer = _send(_web_client(world, ANONYMOUS), "GET", path)
    assert answer.status in (200, 404), answer


def test_the_operations_without_a_token_are_exactly_those_classified_public() -> None:
    schema = api.get_openapi_schema()
    open_ops = {
        (m.upper(), path)
        for path, ops in schema["paths"].items()
        for m, op in ops.items()
        if not op.get("security")
    }
    public = {(r.method, r.route) for r in API if r.public}
    assert open_ops == public, (
        "an operation without authentication must be classified public in the matrix, and a "
        f"public one must need no token: unclassified {sorted(open_ops - public)}, "
        f"classified public but authenticated {sorted(public - open_ops)}"
    )
