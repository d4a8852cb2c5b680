"""Shared fixtures: personas (one user per role) in two areas, Kota Balikpapan (64.71) and
Provinsi Kalimantan Tengah (62). Every endpoint gets a test where the persona of the other
area receives 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client

from naungan.accounts.models import User
from naungan.accounts.services import staff_create, token_issue
from naungan.orgs.models import Organisation
from naungan.orgs.services import org_create

pytest_plugins = ["naungan.core.testing.browser"]

PASSWORD = "Uji-Persona-2026!"

AREAS = {"bpp": "64.71", "kalteng": "62"}
ORG_SPECS = {
    "bpp": [
        ("t-uptd-bpp", "UPTD PPA Balikpapan (uji)", "uptd_ppa", "64.71", [], ""),
        ("t-ppatbm-bpp", "PPATBM Manggar (uji)", "ppatbm", "64.71.01.1001", [], ""),
        ("t-posbakum-bpp", "Posbakum (uji)", "provider", "64.71", ["legal_aid"], "legal_aid"),
        ("t-dinas-bpp", "DP3AKB (uji)", "dinas", "64.71", [], ""),
    ],
    "kalteng": [
        ("t-uptd-kalteng", "UPTD PPA Kalteng (uji)", "uptd_ppa", "62", [], ""),
        ("t-ppatbm-kalteng", "PPATBM Pahandut (uji)", "ppatbm", "62.71.01.1001", [], ""),
        ("t-rsud-kalteng", "RSUD (uji)", "provider", "62.71", ["health"], "health"),
        ("t-dinas-kalteng", "Dinas P3APPKB (uji)", "dinas", "62", [], ""),
    ],
}
ROLE_ORG = {
    "activist": (1, "ppatbm"),
    "intake": (0, None),
    "caseworker": (0, None),
    "supervisor": (0, None),
    "provider": (2, None),
    "analyst": (3, None),
    "admin": (3, None),
}


@pytest.fixture(autouse=True)
def _fast_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``make test`` runs two workers, ``--dist loadgroup``) every browser
    test goes to one worker, so that one app server (migrate + demo data) serves them all; every
    other test file runs whole on one worker, in its own order (module-scoped worlds are built
    once, and a file's tests run in the order they were written for)."""
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.xdist_group("browser"))
        else:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    """After a transactional test's flush (which empties the regions table the migration
    loaded), load the regions again at once, so that the next test finds them whatever kind
    it is and in whatever order a worker runs the tests."""
    result = yield
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        blocker = item.session.config.stash.get(_DB_BLOCKER, None)
        if blocker is not None:
            with blocker.unblock():
                from naungan.areas.loader import load_regions
                from naungan.areas.models import Area

                if not Area.objects.filter(code="64.71").exists():
                    load_regions(Area)
    return result


_DB_BLOCKER = pytest.StashKey[Any]()


@pytest.fixture(autouse=True, scope="session")
def _keep_db_blocker(request: pytest.FixtureRequest, django_db_blocker: Any) -> None:
    request.config.stash[_DB_BLOCKER] = django_db_blocker


@pytest.fixture(autouse=True)
def _default_language() -> Any:
    """Every test starts in the default language (Indonesian), whatever an earlier test on the
    same worker activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _regions_after_a_flush(request: pytest.FixtureRequest) -> None:
    """A transactional test ends with a flush that empties the regions table the migration
    loaded; the next transactional test (pytest-django runs them last, in any order) gets the
    regions back before its other fixtures make organisations and personas in them."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from naungan.areas.loader import load_regions
    from naungan.areas.models import Area

    if not Area.objects.filter(code="64.71").exists():
        load_regions(Area)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    """Nothing in a local-memory or Redis cache carries over between tests (the database cache,
    the default, is rolled back with each test's transaction)."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    cache = caches["default"]
    if isinstance(cache, DatabaseCache):
        yield
        return
    cache.clear()
    yield
    cache.clear()


def build_orgs() -> dict[str, dict[str, Organisation]]:
    """The test organisations of both areas (plain function: module-scoped fixtures use it)."""
    out: dict[str, dict[str, Organisation]] = {}
    for key, specs in ORG_SPECS.items():
        out[key] = {}
        for slug, name, kind, area, services, ptype in specs:
            out[key][slug] = org_create(
                actor=None,
                slug=slug,
                name=name,
                kind=kind,
                area_code=area,
                services=services,
                provider_type=ptype,
            )
    return out


@pytest.fixture
def orgs(db: Any) -> dict[str, dict[str, Organisation]]:
    return build_orgs()


def build_user(role: str, where: str = "bpp", username: str | None = None) -> User:
    """A staff account of ``role`` in the organisation of that role in ``where``."""
    index, _ = ROLE_ORG[role]
    spec = ORG_SPECS[where][index]
    area = spec[3] if role == "activist" else AREAS[where]
    return staff_create(
        actor=None,
        username=username or f"{role}_{where}",
        password=PASSWORD,
        role=role,
        org_slug=spec[0],
        area_code=area,
        check_password=False,
    )


@pytest.fixture
def make_user(orgs: dict[str, dict[str, Organisation]]) -> Callable[..., User]:
    return build_user


class Persona:
    """One user with a logged-in web client and an API token."""

    def __init__(self, user: User) -> None:
        self.user = user
        if user.requires_second_factor:
            # Personas are fully set up staff: those who must have a second factor have one.
            TOTP.activate(user, "JBSWY3DPEHPK3PXP")
        self.client = Client()
        self.client.force_login(user)
        self._token: str | None = None

    @property
    def token(self) -> str:
        if self._token is None:
            self._token = token_issue(user=self.user, name="test")
        return self._token

    def api(self, method: str, path: str, data: Any = None, **extra: Any) -> Any:
        c = Client()
        kwargs: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {self.token}", **extra}
        if data is not None:
            kwargs["data"] = data
            kwargs["content_type"] = "application/json"
        return getattr(c, method.lower())(path, **kwargs)


def build_personas() -> dict[str, Persona]:
    """Every role in both areas (the organisations must exist: ``build_orgs``)."""
    out = {}
    for where in AREAS:
        for role in ROLE_ORG:
            out[f"{role}_{where}"] = Persona(build_user(role, where))
    return out


@pytest.fixture
def personas(make_user: Callable[..., User]) -> dict[str, Persona]:
    """Keys like ``intake_bpp`` and ``supervisor_kalteng``: every role in both areas."""
    return build_personas()
