"""What the service worker caches: the app shell (the forms that open without a connection)
and our own static files. No page holding a record (a report's status, a brief of a case) is
ever cached: the device holds only what the activist typed."""

from __future__ import annotations

from collections.abc import Iterable

from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse

# The forms of the app shell, by URL name; a name that does not exist (yet) is skipped.
SHELL_PAGES = (
    ("offline:report_new", "report"),
    ("community:activity_new", "activity"),
    ("offline:accompaniment_log_new", "accompaniment_log"),
)
ASSETS = (
    "vendor/bootstrap/css/bootstrap.min.css",
    "vendor/bootstrap/js/bootstrap.bundle.min.js",
    "vendor/htmx/htmx.min.js",
    "css/app.css",
    "css/offline.css",
    "js/app.js",
    "js/offline/vault.js",
    "js/offline/app.js",
    "img/favicon.svg",
    "img/icon-192.png",
    "img/icon-512.png",
    "offline/manifest.webmanifest",
)


def shell_forms() -> dict[str, str]:
    """The path of each shell form and the type of item it queues (``report``, ``activity``)."""
    forms: dict[str, str] = {}
    for name, kind in SHELL_PAGES:
        try:
            forms[reverse(name)] = kind
        except NoReverseMatch:
            continue
    return forms


def shell_urls() -> list[str]:
    return list(shell_forms())


def asset_urls(names: Iterable[str] = ASSETS) -> list[str]:
    return [static(name) for name in names]
