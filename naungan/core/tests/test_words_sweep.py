"""Words, not codes (issue 11): every page of the URL resolver, rendered in Indonesian as every
persona and as an anonymous visitor, shows no English phrase, no raw vocabulary code, no "?"
for an unknown value, no date in a second format and no username where a person is meant.

The records are the authorisation matrix's world (``naungan/core/testing/matrix_world.py``: one
of every record in Balikpapan), its users given full names. Each page is asked for with every
record of the world its URL can name; the answers that are HTML pages (200, or the 404 and 403
pages) are read as a person reads them (``naungan/core/testing/words.py``). The forms of the
POST routes are sent twice, empty and filled as in the matrix, and every form of a page is also
sent filled wrongly ("x" in each field) by one persona per role: the page they lead to (the form
with its errors, or the page with the confirmation) is read too. A new page is covered
without anyone remembering it."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.cases import services
from naungan.cases.models import CaseTransfer
from naungan.cases.services import plans
from naungan.core.testing import matrix, words
from naungan.core.testing.matrix import ANONYMOUS, STAFF
from naungan.core.testing.matrix_api import CLASSIFICATION
from naungan.core.testing.matrix_world import (
    OTHER_RECORDS,
    WORLD_IDS,
    World,
    _share_handler,
    rolled_back_world,
)
from naungan.orgs.models import Organisation

pytestmark = pytest.mark.django_db

NOT_PAGES = ("api/", "static/", "i18n/", "jsi18n/", settings.ADMIN_URL)
# The full names of the world's people: a username on a page is then a mistake.
NAMES = {
    "activist_bpp": ("Rina", "Wulandari"),
    "intake_bpp": ("Ayu", "Lestari"),
    "caseworker_bpp": ("Dewi", "Sartika"),
    "supervisor_bpp": ("Hendra", "Gunawan"),
    "provider_bpp": ("Yusuf", "Hakim"),
    "analyst_bpp": ("Maya", "Putri"),
    "admin_bpp": ("Budi", "Santoso"),
    "activist_kalteng": ("Nur", "Aini"),
    "intake_kalteng": ("Rahmat", "Hidayat"),
    "caseworker_kalteng": ("Sri", "Rahayu"),
    "supervisor_kalteng": ("Agus", "Salim"),
    "provider_kalteng": ("Fitri", "Handayani"),
    "analyst_kalteng": ("Eko", "Prasetyo"),
    "admin_kalteng": ("Lina", "Marlina"),
}
# Which records of the world a path parameter may name (the first is the default).
CANDIDATES = {
    "case_id": (
        "case",
        "plan_case",
        "closing_case",
        "unassigned_case",
        "moving_case",
        "rich_case",
        "closed_case",
    ),
    "report_id": ("report", "activist_report"),
    "plan_id": ("plan", "submitted_plan"),
    "referral_id": ("referral", "accepted_referral"),
}
# Where a username is what the reader needs, with the reason.
USERNAMES_SHOWN = {
    "tokens": "the page of one's own API tokens names the account they belong to",
    "audit_log": "the audit trail names the account that acted beside the person's name",
}
CHECKED: dict[str, int] = {"pages": 0, "requests": 0}


# Records of this sweep beside the matrix's world.
OWN_RECORDS = {"rich_case", "moving_case", "closed_case"}


def _rich_case(world: World) -> Any:
    """A case showing what the matrix's cases leave out: a victim of unknown age and sex, a
    partner as perpetrator, an incident with context flags, an approved plan whose action names
    a service and an organisation, a co-worker, a triage level."""
    user = {key: p.user for key, p in world.personas.items()}
    intake, cw, sup = user["intake_bpp"], user["caseworker_bpp"], user["supervisor_bpp"]
    case = services.case_create(
        actor=intake,
        area=Area.objects.get(code="64.71.01"),
        channel="hotline",
        triage="emergency",
        violence_types=["sexual", "neglect", "psychological"],
        description="Kronologi lengkap",
        victims=[services.PersonIn(name="Ani")],
        perpetrators=[services.PersonIn(relationship="intimate_partner")],
    )
    services.case_assign(actor=sup, case=case, assignee=cw, lead=True)
    services.case_assign(actor=sup, case=case, assignee=sup, lead=False)
    services.incident_record(
        actor=cw,
        case=case,
        answers=dict.fromkeys(CLASSIFICATION, False) | {"sexual_contact": True},
        survivor_age=15,
        perpetrator_relationship="intimate_partner",
        money_goods_exchanged=True,
        place="household",
        tpks_type="physical_harassment",
    )
    services.note_add(actor=cw, case=case, kind="home_visit", body="Kunjungan rumah")
    plan = plans.plan_draft(
        actor=cw,
        case=case,
        goals="Korban aman",
        made_with="klien",
        actions=[
            plans.PlanActionIn(
                description="Konseling",
                service="psychosocial",
                responsible_user=cw,
                responsible_org=Organisation.objects.get(slug="t-posbakum-bpp"),
                due_on=date(2026, 2, 1),
            )
        ],
    )
    plans.plan_submit(actor=cw, plan=plan)
    plans.plan_decide(actor=sup, plan=plan, approve=True)
    return case


def _closed_case(world: World) -> Any:
    """A closed case: its page offers to reopen it."""
    cw, sup = world.personas["caseworker_bpp"].user, world.personas["supervisor_bpp"].user
    case = services.case_create(
        actor=world.personas["intake_bpp"].user,
        area=Area.objects.get(code="64.71.01"),
        channel="web",
        violence_types=["exploitation"],
        victims=[services.PersonIn(name="Rani", age=30, sex="F")],
    )
    services.case_assign(actor=sup, case=case, assignee=cw, lead=True)
    closure = services.closure_request(actor=cw, case=case, reason="client_declined", summary="-")
    services.closure_decide(actor=sup, closure=closure, approve=True)
    return case


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    with rolled_back_world(django_db_blocker) as built:
        for key, (first, last) in NAMES.items():
            User.objects.filter(pk=built.personas[key].user.pk).update(
                first_name=first, last_name=last
            )
        built.values["rich_case"] = _rich_case(built).public_id
        built.values["closed_case"] = _closed_case(built).public_id
        transfer = CaseTransfer.objects.get(public_id=built.values["transfer"])
        built.values["moving_case"] = transfer.case.public_id  # a transfer waits
        yield built
    print(f"\nwords sweep: {CHECKED['requests']} requests, {CHECKED['pages']} pages read")  # noqa: T201


@dataclass(frozen=True)
class Page:
    name: str
    route: str  # with <converter:name> or a regex
    names: tuple[str, ...]
    regex: bool


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[Page]:
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in (namespace, p.namespace or "") if x)
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            route = prefix + str(p.pattern)
            name = ":".join(x for x in (namespace, p.name or route) if x)
            names = tuple(p.pattern.converters) or tuple(p.pattern.regex.groupindex)
            yield Page(name, route, names, isinstance(p.pattern, RegexPattern))


# Routes that answer files, not pages (what a person reads in the summary PDF is checked by
# naungan/cases/tests/test_exports_words.py; documents and attachments are what people uploaded).
DOWNLOADS = {
    "cases:summary_pdf",
    "cases:document_download",
    "reports:attachment",
    "referrals:letter",
    "mfa_download_recovery_codes",
}
PAGES = [
    p
    for p in _walk(get_resolver().url_patterns)
    if not p.route.startswith(NOT_PAGES) and p.name not in DOWNLOADS
]
_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^()]*\)")


def _paths(page: Page, world: World) -> list[str]:
    """The page's path for every combination of the world's records its parameters name."""
    if page.regex:  # allauth's e-mail confirmation and password-reset keys: a key nobody has
        return ["/" + _REGEX_GROUP.sub("x1", page.route.replace("^", "").replace("$", ""))]
    options = [CANDIDATES.get(n, (WORLD_IDS.get(n, n),)) for n in page.names]
    if len(options) > 1:  # no combinations: the default records, and those the matrix names
        options = [(o[0],) for o in options]
    combos = {tuple(c) for c in itertools.product(*options)}
    for rule in matrix.WEB:
        if rule.route == page.name and rule.ids:
            combos.add(tuple(rule.ids.get(n, WORLD_IDS.get(n, n)) for n in page.names))
    out = []
    for combo in sorted(combos):
        assert set(combo) <= {*WORLD_IDS.values(), *OTHER_RECORDS, *OWN_RECORDS}, combo
        ids = {name: world.values[key] for name, key in zip(page.names, combo, strict=True)}
        out.append("/" + _PARAM.sub(lambda m, ids=ids: str(ids[m.group(1)]), page.route))
    return out


_ANONYMOUS = _share_handler(Client())


def _client(world: World, who: str) -> Client:
    if who == ANONYMOUS:
        _ANONYMOUS.cookies.clear()
        return _ANONYMOUS
    return world.personas[who].client


def _html(response: Any) -> str | None:
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return None
    if response.status_code not in (200, 403, 404):
        return None
    return str(response.content.decode())


_READ: set[str] = set()


def _read(
    html: str, *, usernames: set[str], codes: dict[str, str], language: str = "id"
) -> list[str]:
    digest = hashlib.sha256(html.encode()).hexdigest()
    if digest in _READ:
        return []
    _READ.add(digest)
    CHECKED["pages"] += 1
    pieces = words.visible_text(html)
    return words.problems(pieces, codes=codes, usernames=usernames, language=language)


def _request(
    client: Client, method: str, path: str, data: Any = None, language: str = "id"
) -> str | None:
    CHECKED["requests"] += 1
    cache.clear()  # no rate limit or lockout carries over
    cookies = client.cookies  # a new session cookie would name a session that is rolled back
    client.cookies = type(cookies)(cookies)
    if language != settings.LANGUAGE_CODE:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    try:
        return _rolled_back(client, method, path, data)
    finally:
        client.cookies = cookies


def _rolled_back(client: Client, method: str, path: str, data: Any) -> str | None:
    with transaction.atomic():
        if method == "GET":
            response = client.get(path, follow=True)
        else:
            response = client.post(path, data or {}, follow=True)
        html = _html(response)
        transaction.set_rollback(True)
    return html


def _fill(obj: Any, values: dict[str, Any]) -> Any:
    if isinstance(obj, str):
        return re.sub(r"\{(\w+)\}", lambda m: str(values[WORLD_IDS.get(m[1], m[1])]), obj)
    if isinstance(obj, dict):
        return {k: _fill(v, values) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_fill(v, values) for v in obj]
    return obj


EVERYONE = frozenset({*STAFF, ANONYMOUS})
# Who also sends every form of the pages they read, filled wrongly, to read the messages.
WRONG_FORM_SENDERS = frozenset(
    {"supervisor_bpp", "caseworker_bpp", "intake_bpp", "activist_bpp", "admin_bpp", ANONYMOUS}
)


def _callers(page: Page) -> list[str]:
    """Who reads the page: those the matrix says reach it, or everyone (allauth's pages)."""
    rules = [r for r in matrix.WEB if r.route == page.name and r.method == "GET"]
    who = frozenset().union(*(r.personas() for r in rules)) if rules else EVERYONE
    return sorted(who & EVERYONE)


def _calls(page: Page, world: World) -> Iterator[tuple[str, str, Any, str]]:
    """(method, path, form, who): every GET the page answers to its readers, and its forms
    sent empty and filled, by those who may send them, with the default records."""
    paths = _paths(page, world)
    for path in paths:
        for who in _callers(page):
            yield "GET", path, None, who
    for rule in matrix.WEB:
        if rule.route == page.name and rule.method == "POST":
            for who in sorted(rule.personas() & EVERYONE):
                yield "POST", paths[0], None, who
                if rule.data:
                    yield "POST", paths[0], _fill(rule.data, world.values), who


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_speaks_indonesian_words(world: World, page: Page) -> None:
    codes = words.vocabulary_codes()
    usernames = set() if page.name in USERNAMES_SHOWN else set(NAMES)
    problems: dict[str, list[str]] = {}  # what is wrong -> where
    for method, path, data, who in _calls(page, world):
        html = _request(_client(world, who), method, path, data)
        answers = [(f"{method} {path}", html)]
        if html and method == "GET" and who in WRONG_FORM_SENDERS:
            for action, form in words.forms_filled_wrongly(html):
                target = action or path
                answers.append((f"POST {target} filled wrongly", _request(
                    _client(world, who), "POST", target, form)))  # fmt: skip
        for where, answer in answers:
            for problem in _read(answer, usernames=usernames, codes=codes) if answer else []:
                problems.setdefault(problem, []).append(f"{where} as {who}")
    assert not problems, f"{page.name}: not words of Indonesian\n" + "\n".join(
        f"  {problem}\n    ({where[0]}" + (f" and {len(where) - 1} more" if where[1:] else "") + ")"
        for problem, where in problems.items()
    )


# English is the second language: its catalogue is completed after merging, and its labels
# share words with the codes ("contact", "open"), so an English page is checked for the one date
# format, unknown values in words and names, as one persona per role and a visitor.
ENGLISH_READERS = frozenset({*(f"{role}_bpp" for role in matrix.ROLES), ANONYMOUS})


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_in_english_writes_dates_people_and_unknowns_in_words(
    world: World, page: Page
) -> None:
    problems: dict[str, list[str]] = {}
    for method, path, data, who in _calls(page, world):
        if method != "GET" or who not in ENGLISH_READERS:
            continue
        html = _request(_client(world, who), method, path, data, language="en")
        found = _read(html, usernames=set(NAMES), codes={}, language="en") if html else []
        for problem in found:
            problems.setdefault(problem, []).append(f"{method} {path} as {who}")
    assert not problems, f"{page.name} in English\n" + "\n".join(
        f"  {problem}\n    ({where[0]})" for problem, where in problems.items()
    )


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_the_error_pages_speak_indonesian_words(world: World, who: str) -> None:
    html = _request(_client(world, who), "GET", "/halaman-yang-tidak-ada/")
    assert html is not None
    assert not _read(html, usernames=set(NAMES), codes=words.vocabulary_codes())


def test_the_sweep_walks_the_staff_and_the_public_pages() -> None:
    names = {p.name for p in PAGES}
    assert {"home", "cases:detail", "reports:detail", "reports:lapor", "account_login"} <= names
    assert {"mfa_index", "cases:plans", "cases:bulk_assign", "audit_log"} <= names


def test_every_model_has_a_name_in_words() -> None:
    """The audit log and the admin name records by their model's verbose name: never the one
    Django makes up from the class name ("closure request")."""
    from django.apps import apps

    unnamed = [
        m._meta.label
        for m in apps.get_models()
        if m.__module__.startswith("naungan.") and "verbose_name" not in m._meta.original_attrs
    ]
    assert unnamed == []
