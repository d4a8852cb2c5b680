"""A user whose role must enrol a second factor and has not done so reaches nothing but the
enrolment itself, logout, the language switch and the public pages. The walk below covers every
URL pattern of naungan.urls, so a new page is covered without anyone remembering it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

ENROLMENT = "/accounts/2fa/totp/activate/"

# The only URL names a supervisor without a second factor may reach.
ALLOWED = {
    "mfa_activate_totp",
    "account_reauthenticate",  # allauth asks for the password before enrolment
    "mfa_reauthenticate",
    "account_logout",
    "set_language",
    "javascript-catalog",
    "healthz",
    "reports:lapor",
    "reports:status",
    "api-v1:regions",
    "api-v1:public_report_submit",
    "api-v1:public_report_status",
    "api-v1:public_report_message",
}

_DUMMY = {"uuid": str(uuid.UUID(int=1)), "int": "1", "slug": "x", "str": "x", "path": "1"}
_ROUTE_PARAM = re.compile(r"<(?:(\w+):)?\w+>")
_REGEX_GROUP = re.compile(r"\(\?P<\w+>([^()]*)\)")


def _fill_route(route: str) -> str:
    return _ROUTE_PARAM.sub(lambda m: _DUMMY.get(m.group(1) or "str", "x"), route)


def _fill_regex(regex: str) -> str:
    def value(match: re.Match[str]) -> str:
        for candidate in ("accounts", "x1", "1"):
            if re.fullmatch(match.group(1), candidate):
                return candidate
        raise AssertionError(f"no dummy value for {regex}")

    return _REGEX_GROUP.sub(value, regex).lstrip("^").rstrip("$")


def _fill(pattern: RoutePattern | RegexPattern) -> str:
    if isinstance(pattern, RegexPattern):
        return _fill_regex(pattern._regex)
    return _fill_route(str(pattern))


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    for p in patterns:
        path = prefix + _fill(p.pattern)  # type: ignore[arg-type]
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}".strip(":") if p.namespace else namespace
            yield from _walk(p.url_patterns, path, ns)
        else:
            name = f"{namespace}:{p.name}".strip(":") if p.name else f"{namespace}:?"
            yield "/" + path, name


ROUTES = sorted(set(_walk(get_resolver("naungan.urls").url_patterns)))


def test_the_walk_finds_the_staff_pages_and_the_allowed_ones():
    names = {name for _path, name in ROUTES}
    assert {"reports:queue", "reports:attachment", "tokens", "cases:detail", "home"} <= names
    assert names >= ALLOWED
    assert len(ROUTES) > 100


@pytest.fixture
def supervisor_without_totp(make_user, client):
    client.force_login(make_user("supervisor", "bpp", username="sup_baru"))
    return client


@pytest.mark.parametrize(("path", "name"), ROUTES, ids=[f"{n} {p}" for p, n in ROUTES])
def test_supervisor_without_totp_is_sent_to_enrolment_from_every_other_page(
    supervisor_without_totp, path, name
):
    response = supervisor_without_totp.get(path)
    if name in ALLOWED:
        assert response.get("Location") != ENROLMENT
    else:
        assert response.status_code == 302, (path, response.status_code)
        assert response["Location"] == ENROLMENT


@pytest.mark.parametrize(
    "path",
    [
        "/laporan/",
        "/laporan/baru/",
        "/accounts/tokens/",
        "/accounts/password/change/",
        "/accounts/email/",
        "/api/v1/reports",
        "/admin/",
    ],
)
def test_prefixes_of_allowed_paths_do_not_open_staff_pages(supervisor_without_totp, path):
    for method in ("get", "post"):
        response = getattr(supervisor_without_totp, method)(path)
        assert response.status_code == 302
        assert response["Location"] == ENROLMENT


def test_supervisor_without_totp_issues_no_token_on_the_tokens_page(supervisor_without_totp):
    from naungan.accounts.models import ApiToken

    supervisor_without_totp.post("/accounts/tokens/", {"name": "curian"})
    assert not ApiToken.objects.exists()


def test_supervisor_without_totp_reaches_the_enrolment_and_the_public_form(
    supervisor_without_totp,
):
    assert supervisor_without_totp.get("/lapor/").status_code == 200
    assert supervisor_without_totp.get("/healthz").status_code == 200
    assert supervisor_without_totp.get("/api/v1/regions").status_code == 200
    # allauth first asks for the password again, then shows the enrolment
    response = supervisor_without_totp.get(ENROLMENT)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert supervisor_without_totp.get(response["Location"]).status_code == 200


def test_a_bearer_token_is_a_credential_of_its_own(personas, make_user):
    """CONTRACT §2: a token issued by issue_token works without a second factor."""
    from django.test import Client

    from naungan.accounts.services import token_issue

    user = make_user("supervisor", "bpp", username="sup_api")
    token = token_issue(user=user, name="cli")
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["username"] == "sup_api"
