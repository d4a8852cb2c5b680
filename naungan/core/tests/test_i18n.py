"""The English catalogue stays complete.

msgids are Indonesian; English is the second language. Every English entry must be translated
and not fuzzy, keep the msgid's ``%(name)s`` placeholders, and the compiled .mo must match the
.po (a stale .mo means new translations never reach users). Besides the project catalogue
(``locale/en``) this also checks any app-level ``naungan/<app>/locale/en`` catalogue.

After adding strings: ``manage.py makemessages -l en -l id`` (see docs or the README for the
``--ignore`` flags), translate the new entries, then ``manage.py compilemessages``.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

BASE = Path(settings.BASE_DIR)
PROJECT_PO = BASE / "locale" / "en" / "LC_MESSAGES" / "django.po"
CATALOGUES = [PROJECT_PO, *sorted(BASE.glob("naungan/*/locale/en/LC_MESSAGES/django.po"))]
IDS = [str(p.relative_to(BASE)) for p in CATALOGUES]

# %(name)s, %(n)d, %(x).2f ... as used by Python formatting and blocktranslate.
NAMED = re.compile(r"%\(([^)]+)\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")


def _live(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete]


def _forms(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def _show(msgids: list[str]) -> str:
    return "\n".join(f"  - {m!r}" for m in msgids)


@pytest.fixture(params=CATALOGUES, ids=IDS)
def po_path(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_the_project_catalogue_exists():
    assert PROJECT_PO.is_file(), f"{PROJECT_PO} is missing; run makemessages -l en"
    assert len(_live(polib.pofile(str(PROJECT_PO)))) > 100


def test_every_entry_is_translated_and_not_fuzzy(po_path: Path):
    po = polib.pofile(str(po_path))
    fuzzy = [e.msgid for e in _live(po) if "fuzzy" in e.flags]
    untranslated = [e.msgid for e in _live(po) if not all(_forms(e))]
    problems = []
    if untranslated:
        problems.append(f"{len(untranslated)} untranslated:\n{_show(untranslated)}")
    if fuzzy:
        problems.append(
            f"{len(fuzzy)} fuzzy (check the translation, drop the flag):\n{_show(fuzzy)}"
        )
    assert not problems, f"{po_path.relative_to(BASE)}\n" + "\n".join(problems)


def test_translations_keep_the_placeholders(po_path: Path):
    po = polib.pofile(str(po_path))
    broken = []
    for entry in _live(po):
        sources = [entry.msgid] + [entry.msgid_plural] * (len(_forms(entry)) - 1)
        for source, target in zip(sources, _forms(entry), strict=True):
            want, got = set(NAMED.findall(source)), set(NAMED.findall(target))
            if target and want != got:
                broken.append(
                    f"{entry.msgid!r} -> {target!r} (want {sorted(want)}, got {sorted(got)})"
                )
    assert not broken, "placeholders differ from the msgid:\n" + "\n".join(broken)


def test_the_compiled_catalogue_is_not_stale(po_path: Path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.is_file(), f"{mo_path.relative_to(BASE)} is missing; run compilemessages"
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(mo_path))

    def key(e: polib._BaseEntry) -> tuple[str | None, str, tuple[str, ...]]:
        return (e.msgctxt, e.msgid, tuple(_forms(e)))

    in_po = {key(e) for e in po.translated_entries()}
    in_mo = {key(e) for e in mo if e.msgid}
    assert len(in_mo) == len(in_po), (
        f"{mo_path.relative_to(BASE)} has {len(in_mo)} translated entries, the .po has "
        f"{len(in_po)}; run compilemessages"
    )
    changed = sorted(m for _ctx, m, _s in in_po ^ in_mo)
    assert not changed, f"the .mo differs from the .po; run compilemessages:\n{_show(changed)}"


@pytest.mark.parametrize(
    ("msgid", "english"),
    [
        ("Masuk untuk petugas", "Staff sign in"),
        ("Keluar cepat", "Quick exit"),
        ("Cek status laporan", "Check report status"),
    ],
)
def test_english_is_served_at_runtime(msgid: str, english: str):
    with translation.override("en"):
        assert translation.gettext(msgid) == english
    with translation.override("id"):
        assert translation.gettext(msgid) == msgid
