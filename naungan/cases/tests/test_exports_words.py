"""Words, not codes, in what leaves the app (issue 11): the CSV and XLSX export of the case
list and the case summary PDF name vocabularies by their labels, people by name, unknown values
as such, in the user's language; the PDF writes dates in the one format of the language."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import TextBox

from naungan.accounts.models import User
from naungan.cases import services
from naungan.cases.selectors import CaseFilters
from naungan.cases.services import summary
from naungan.cases.services.exports import cases_export
from naungan.core.testing import words
from naungan.core.testing.matrix_api import CLASSIFICATION

from .factories import assign, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _indonesian():
    """The user's language is Indonesian unless a test says otherwise (an earlier test's
    request may have left another language active in this thread)."""
    with translation.override("id"):
        yield


@pytest.fixture
def named(personas):
    """The personas with full names: a username in a file is then a mistake."""
    for key, persona in personas.items():
        first, last = key.split("_")
        User.objects.filter(pk=persona.user.pk).update(
            first_name=f"Ibu {first.title()}", last_name=last.title()
        )
        persona.user.refresh_from_db()
    return personas


@pytest.fixture
def case(named):
    case = make_case(
        named["intake_bpp"].user,
        channel="hotline",
        triage="emergency",
        violence_types=["physical", "psychological", "neglect", "sexual"],
        victims=[{"name": "Ani"}],  # age and sex unknown
        perpetrators=[{"relationship": "intimate_partner"}],
    )
    sup, cw = named["supervisor_bpp"].user, named["caseworker_bpp"].user
    assign(sup, case, cw)
    services.incident_record(
        actor=cw,
        case=case,
        answers=dict.fromkeys(CLASSIFICATION, False) | {"sexual_contact": True},
        survivor_age=15,
        perpetrator_relationship="intimate_partner",
        money_goods_exchanged=True,
    )
    return case


def _problems(pieces: list[str], personas, *, dates: bool = True) -> list[str]:
    found = words.problems(
        pieces,
        codes=words.vocabulary_codes(),
        usernames=[p.user.username for p in personas.values()],
    )
    if not dates:  # CSV and XLSX keep ISO 8601 times on purpose (naungan/formats/__init__.py)
        found = [f for f in found if not f.startswith("date ")]
    return found


def _csv_cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def _xlsx_cells(content: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


def _pdf_pieces(html: str) -> list[str]:
    """The text WeasyPrint lays out in the PDF (no pdftotext or pypdf on this machine)."""
    document = HTML(string=html).render(stylesheets=[CSS(string=summary.PDF_CSS)])
    return [
        box.text
        for page in document.pages
        for box in page._page_box.descendants(placeholders=True)
        if isinstance(box, TextBox)
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_names_vocabularies_and_people_in_words(named, case, fmt):
    result = cases_export(actor=named["supervisor_bpp"].user, filters=CaseFilters(), fmt=fmt)
    cells = (_csv_cells if fmt == "csv" else _xlsx_cells)(result.content)
    assert _problems(cells, named, dates=False) == []
    assert "Fisik, Psikis, Penelantaran, Seksual" in cells
    assert "Ibu Caseworker Bpp" in cells


def test_the_export_speaks_the_users_language(named, case):
    with translation.override("en"):
        result = cases_export(actor=named["supervisor_bpp"].user, filters=CaseFilters(), fmt="csv")
    cells = _csv_cells(result.content)
    assert "Registration no." in cells
    assert "Physical, Psychological, Neglect, Sexual" in cells


def test_the_summary_pdf_is_written_in_words(named, case):
    sup = named["supervisor_bpp"].user
    html = summary.summary_html(actor=sup, case=case, at=timezone.now())
    watermark = summary.watermark_text(actor=sup, case=case, at=timezone.now())
    # The watermark names the printing account on purpose (who printed it): that username only.
    pieces = [p for p in _pdf_pieces(html) if p.strip()]
    text = " ".join(pieces)
    assert "supervisor_bpp" in watermark
    others = {k: p for k, p in named.items() if k != "supervisor_bpp"}
    assert _problems(pieces, others) == []
    assert "Fisik, Psikis, Penelantaran, Seksual" in text
    assert "usia tidak diketahui" in text
    assert "jenis kelamin tidak diketahui" in text
    assert "Kekerasan oleh pasangan intim" in text  # the IPV flag
    assert "Ibu Caseworker Bpp" in text
    assert re.search(
        r"Dicetak oleh Ibu Supervisor Bpp \(supervisor_bpp\) pada [1-9]\d? \w{3} ", text
    )


def test_the_summary_pdf_speaks_english_when_the_user_does(named, case):
    with translation.override("en"):
        html = summary.summary_html(
            actor=named["caseworker_bpp"].user, case=case, at=timezone.now()
        )
    assert '<html lang="en">' in html
    assert "Physical, Psychological, Neglect, Sexual" in html
    assert "physical" not in " ".join(words.visible_text(html))
