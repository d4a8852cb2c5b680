"""What a person reads, and the checks that it is words, not codes (issue 11).

``visible_text`` turns a page into the pieces of text a person reads or hears: the text of the
document (``<title>``, buttons and options included; ``<script>``, ``<style>`` and
``<template>`` left out) and the attributes that are shown or read aloud (``placeholder``,
``title``, ``alt``, ``aria-label``, the ``value`` of a button). ``problems`` looks through those
pieces for

* a known **English phrase** of what Django, allauth, crispy-forms or our own templates could
  let through untranslated (``ENGLISH``);
* a **raw vocabulary code** (``physical``, ``walk_in``, ``police_report``): every value of every
  ``TextChoices`` of the project, matched case-sensitively as a whole word, except the few in
  ``CODES_ALLOWED`` that are also ordinary words of the page's language;
* an **unknown value written as a sign** (a lone ``?``, ``None``) instead of in words;
* a **date not in the one format** of the language (``DATE_FORMAT``/``DATETIME_FORMAT`` of
  ``naungan/formats/<lang>``: "5 Mei 2026", "5 Mei 2026 14:30");
* a **username** where a person is meant (the test world gives every user a full name).

Used by ``naungan/core/tests/test_words_sweep.py`` (every page of the URL resolver) and by the
export tests (CSV, XLSX, the HTML of the summary PDF)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

from django.db import models

from naungan.core.words import AUDIT_ACTORS, AUDIT_OUTCOMES

# --- the text a person reads --------------------------------------------------------------------

HIDDEN_ELEMENTS = frozenset({"script", "style", "template"})
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
SHOWN_ATTRIBUTES = ("placeholder", "title", "alt", "aria-label")
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._hidden: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in SHOWN_ATTRIBUTES:
            if values.get(name):
                self.pieces.append(str(values[name]))
        button = tag == "input" and (values.get("type") or "").lower() in BUTTON_INPUTS
        if button and values.get("value"):
            self.pieces.append(str(values["value"]))
        if tag in HIDDEN_ELEMENTS:
            self._hidden.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in HIDDEN_ELEMENTS:
            self._hidden.pop()

    def handle_endtag(self, tag: str) -> None:
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.pieces.append(" ".join(data.split()))


def visible_text(html: str) -> list[str]:
    """The pieces of text of ``html`` that a person reads or hears, whitespace collapsed."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.pieces


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, dict[str, str]]] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.forms.append((a.get("action", ""), {}))
        elif not self.forms or not a.get("name") or a["name"] == "csrfmiddlewaretoken":
            return
        elif tag == "input" and a.get("type", "text").lower() in ("hidden", "submit"):
            self.forms[-1][1].setdefault(a["name"], a.get("value", ""))
        elif tag == "input" and a.get("type", "").lower() in ("checkbox", "radio"):
            self.forms[-1][1].setdefault(a["name"], "x")
        elif tag in ("input", "textarea", "select") and a.get("type", "") != "file":
            self.forms[-1][1][a["name"]] = "x"


def forms_filled_wrongly(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every POST form of ``html`` (action, data) with "x" in each field a person fills in, so
    that sending it shows the page's validation messages ("Masukkan tanggal yang valid")."""
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


# --- English on an Indonesian page --------------------------------------------------------------

# Phrases Django, allauth, crispy-forms, django-ninja, Bootstrap snippets or a forgotten
# {% translate %} could show. Matched case-insensitively as whole words. Not listed, on purpose:
# words that are the same in Indonesian ("Status", "Token", "Data", "Total", "Supervisor",
# "Hotline", "Menu", "Online", "Filter", "April", "September", "November"), and proper nouns
# ("English" as the name of the language in the switch, "WhatsApp", "LPSK"), and loanwords
# of allauth's own Indonesian catalogue ("Reset Kata Sandi", "meresetnya", "email").
ENGLISH = (
    # forms and buttons
    "Select an option", "Submit", "Save", "Save changes", "Cancel", "Delete", "Remove",
    "Search", "Next", "Previous", "Back", "Continue", "Confirm", "Close", "Edit", "Update",
    "Add", "Upload", "Download", "Send", "Clear", "Currently", "Change", "Choose",
    "Yes", "No", "Maybe", "True", "False", "Loading", "Show", "Hide", "More", "Details",
    "Actions", "Apply", "Sort", "Results", "No results", "Page", "of", "Showing",
    # validation messages
    "required", "This field", "Enter a valid", "Ensure this value", "is not one of",
    "Select a valid choice", "invalid", "Invalid", "already exists", "must be", "at least",
    "at most", "characters", "Please", "correct the errors", "error", "errors",
    # accounts and second factor (allauth)
    "Password", "Username", "Email address", "E-mail address", "Log in", "Log out", "Login",
    "Logout", "Sign in", "Sign In", "Sign out", "Sign up", "Remember me", "Forgot",
    "Account", "Authenticator", "Recovery codes", "Two-factor", "Security key",
    "Reauthenticate", "Activate", "Deactivate", "Manage", "Verify", "Code",
    # pages and errors
    "Home", "Dashboard", "Not Found", "Page not found", "Server Error", "Forbidden",
    "Bad Request", "Permission denied", "Unknown", "None", "Other", "Welcome",
    "Notifications", "Tasks", "Cases", "Reports", "Report", "Case", "Task",
    # time
    "ago", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "today", "yesterday", "tomorrow", "now", "a.m.", "p.m.",
    "January", "February", "March", "May", "June", "July", "August", "October", "December",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Aug", "Oct", "Dec",
)  # fmt: skip
_ENGLISH_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(p) for p in sorted(ENGLISH, key=len, reverse=True)) + r")"
    r"(?![\w-])",
    re.IGNORECASE,
)
# Whole words of the list that are also Indonesian (or our product's vocabulary) and would
# otherwise match case-insensitively: "No." is "Nomor" ("No. registrasi"), "Code" ...
_ENGLISH_FALSE_FRIENDS = re.compile(r"^No\.$|^NO\.$")
_CASE_SENSITIVE = {"May", "Aug", "Oct", "Dec", "No", "Other", "Page", "Case", "Task", "Code"}


def english_in(pieces: Iterable[str]) -> list[str]:
    found = []
    for piece in pieces:
        for match in _ENGLISH_RE.finditer(piece):
            word = match.group(1)
            canonical = next(p for p in ENGLISH if p.lower() == word.lower())
            if canonical in _CASE_SENSITIVE and word != canonical:
                continue
            if word.lower() == "no" and piece[match.end() : match.end() + 1] == ".":
                continue  # "No. registrasi": the Indonesian abbreviation of "nomor"
            if _ENGLISH_FALSE_FRIENDS.match(word):
                continue
            found.append(f"English {word!r} in {piece!r}")
    return found


# --- raw vocabulary codes -----------------------------------------------------------------------

# Codes that are also ordinary words of an Indonesian page, with the reason they may appear.
CODES_ALLOWED = {
    "curhat": "Indonesian word (to pour one's heart out); also the label of the report kind",
    "dinas": "Indonesian word (government office), part of organisation names",
    "visum": "Indonesian legal-medical term (visum et repertum), part of its own label",
    "admin": "Indonesian loanword; the label of AuditAction.ADMIN is 'tindakan admin'",
    "supervisor": "the Indonesian word for the role, used in sentences ('supervisor lain')",
    "lpsk": "an acronym, never written in lower case by a person",
    "hotline": "Indonesian usage ('laporan dari hotline'); the label of Channel.HOTLINE too",
    "email": "Indonesian loanword of allauth's Indonesian catalogue ('alamat email Anda')",
}
MIN_CODE_LENGTH = 3  # "F"/"M" (sex) and "no" are not findable as words


def _subclasses(cls: type[models.TextChoices]) -> Iterator[type[models.TextChoices]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def vocabulary_codes() -> dict[str, str]:
    """Every value of every ``TextChoices`` of the project, and the stored codes of the audit
    trail's actors and outcomes (``naungan.core.words``) → the vocabularies it comes from."""
    codes: dict[str, str] = dict.fromkeys(AUDIT_ACTORS, "AuditEvent.actor_label")
    codes |= dict.fromkeys(AUDIT_OUTCOMES, "AuditEvent.outcome")
    for choices in _subclasses(models.TextChoices):
        if not choices.__module__.startswith("naungan."):
            continue
        for value in choices.values:
            if len(value) >= MIN_CODE_LENGTH and value not in CODES_ALLOWED:
                where = f"{choices.__module__.rsplit('.', 1)[-1]}.{choices.__qualname__}"
                codes[value] = f"{codes[value]}, {where}" if value in codes else where
    return codes


def codes_in(pieces: Iterable[str], codes: dict[str, str]) -> list[str]:
    pattern = re.compile(
        r"(?<![\w./-])("
        + "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
        # "/lapor/", "file.pdf", "t-uptd-bpp": paths, file names and slugs are not words
        + r")(?![\w/-]|\.\w)"
    )
    return [
        f"code {m.group(1)!r} ({codes[m.group(1)]}) in {piece!r}"
        for piece in pieces
        for m in pattern.finditer(piece)
    ]


# --- unknown values, dates, people --------------------------------------------------------------

# A lone "?", and Python's None or JavaScript's null/NaN (in English "None" is also a word).
_SIGN_FOR_UNKNOWN = {
    "id": re.compile(r"(?<!\S)\?(?!\S)|(?<![\w-])(None|null|nan|NaN)(?![\w-])"),
    "en": re.compile(r"(?<!\S)\?(?!\S)|(?<![\w-])(null|nan|NaN)(?![\w-])"),
}


def unknown_signs_in(pieces: Iterable[str], language: str = "id") -> list[str]:
    sign = _SIGN_FOR_UNKNOWN[language]
    return [f"{m.group(0)!r} for an unknown value in {p!r}" for p in pieces for m in
            sign.finditer(p)]  # fmt: skip


# The one date format per language ("5 Mei 2026"; a datetime adds " 14:30"); see
# naungan/formats/. Anything else that looks like a date is a second format.
MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
EXAMPLE = {"id": "5 Mei 2026", "en": "5 May 2026"}
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember", "January", "February", "March", "May", "June", "July",
    "August", "October", "December",
)  # fmt: skip
_MONTH = "|".join(sorted({*MONTH_NAMES, *MONTHS["id"], *MONTHS["en"]}, key=len, reverse=True))
_DATE_LIKE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # ISO
    r"|\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b"  # 05-01-2026, 1/5/2026 (not area codes 64.71.01)
    rf"|\b\d{{1,2}}\.? (?:{_MONTH})\b\.?(?: \d{{4}})?"  # 5 Jan 2026, 5 Jan, 5 Januari 2026
    rf"|\b(?:{_MONTH})\.? \d{{1,2}}, \d{{4}}\b"  # Jan 5, 2026
)


def dates_in(pieces: Iterable[str], language: str = "id") -> list[str]:
    one = re.compile(r"[1-9]\d? (?:" + "|".join(MONTHS[language]) + r") \d{4}")
    return [
        f"date {m.group(0)!r} not in the one format ({EXAMPLE[language]}) in {piece!r}"
        for piece in pieces
        for m in _DATE_LIKE.finditer(piece)
        if not one.fullmatch(m.group(0))
    ]


def usernames_in(pieces: Iterable[str], usernames: Iterable[str]) -> list[str]:
    names = sorted(usernames, key=len, reverse=True)
    if not names:
        return []
    pattern = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return [f"username {m.group(1)!r} instead of a name in {p!r}" for p in pieces for m in
            pattern.finditer(p)]  # fmt: skip


def problems(
    pieces: list[str],
    *,
    codes: dict[str, str],
    usernames: Iterable[str] = (),
    language: str = "id",
) -> list[str]:
    """Everything in ``pieces`` that is not words of ``language``."""
    out = codes_in(pieces, codes) if codes else []
    out += unknown_signs_in(pieces, language) + dates_in(pieces, language)
    out += usernames_in(pieces, usernames)
    if language == "id":
        out = english_in(pieces) + out
    return out
