"""Case summary PDF: who may print it, the watermark on every page, the audit of the print, no
address in it."""

from __future__ import annotations

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import TextBox

from naungan.cases.models import Person, TaskKind
from naungan.cases.services import summary as pdf
from naungan.cases.services import task_create
from naungan.core.models import AuditEvent

from .factories import assign, make_case


def pages_text(html: str) -> list[str]:
    """The text WeasyPrint lays out on each page (no pdftotext on this machine)."""
    document = HTML(string=html).render(stylesheets=[CSS(string=pdf.PDF_CSS)])
    out = []
    for page in document.pages:
        boxes = page._page_box.descendants(placeholders=True)
        out.append(" ".join(b.text for b in boxes if isinstance(b, TextBox)))
    return out


@pytest.fixture
def printed_case(personas):
    case = make_case(
        personas["intake_bpp"].user,
        violence_types=["sexual"],
        victims=[{"name": "Siti Aminah", "age": 15, "address": "Jl. Rumah Aman No. 7"}],
    )
    assign(personas["supervisor_bpp"].user, case, personas["caseworker_bpp"].user)
    return case


def test_lead_caseworker_downloads_pdf_and_the_print_is_audited(personas, printed_case):
    r = personas["caseworker_bpp"].client.get(f"/kasus/{printed_case.public_id}/ringkasan.pdf")
    assert r.status_code == 200
    assert r.content.startswith(b"%PDF")
    assert r["Content-Type"] == "application/pdf"
    assert r["Cache-Control"] == "no-store"
    assert r["Content-Disposition"].startswith("attachment;")
    event = AuditEvent.objects.get(action="print")
    assert event.actor == personas["caseworker_bpp"].user
    assert event.object_id == str(printed_case.public_id)
    assert event.area_code == printed_case.area.code


@pytest.mark.parametrize("who", ["supervisor_kalteng", "provider_bpp", "caseworker_kalteng"])
def test_pdf_is_404_for_those_who_do_not_see_the_case(personas, printed_case, who):
    r = personas[who].client.get(f"/kasus/{printed_case.public_id}/ringkasan.pdf")
    assert r.status_code == 404
    api = personas[who].api("get", f"/api/v1/cases/{printed_case.public_id}/summary.pdf")
    assert api.status_code == 404
    assert not AuditEvent.objects.filter(action="print").exists()


def test_api_pdf_for_area_supervisor(personas, printed_case):
    r = personas["supervisor_bpp"].api("get", f"/api/v1/cases/{printed_case.public_id}/summary.pdf")
    assert r.status_code == 200
    assert r.content.startswith(b"%PDF")
    assert r["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(action="print", actor=personas["supervisor_bpp"].user).exists()


def test_watermark_names_printer_and_local_time_on_every_page(personas, printed_case):
    for day in range(60):  # enough rows to run over several pages
        task_create(
            case=printed_case,
            kind=TaskKind.FOLLOW_UP,
            due_at=timezone.now() + timedelta(days=day),
        )
    user = personas["caseworker_bpp"].user
    at = timezone.now().replace(hour=1, minute=30)  # 09:30 WITA
    html = pdf.summary_html(actor=user, case=printed_case, at=at)
    local = timezone.localtime(at, timezone=ZoneInfo("Asia/Makassar"))
    expected = re.compile(rf"caseworker_bpp\) pada {local.day} \w{{3}} {local.year} 09:30 WITA")
    texts = pages_text(html)
    assert len(texts) >= 2
    for page in texts:
        assert expected.search(page)


def test_summary_has_parties_incident_classification_and_no_address(personas, printed_case):
    person = Person.objects.get(parties__case=printed_case, parties__role="victim")
    assert person.address  # stored, encrypted
    html = pdf.summary_html(
        actor=personas["supervisor_bpp"].user, case=printed_case, at=timezone.now()
    )
    assert "Siti Aminah" in html
    assert "Lapor ke polisi" in html
    assert "Rumah Aman" not in html
    assert person.nik == "" or person.nik not in html


def test_a_withdrawn_incident_is_not_printed_and_a_correction_is(personas, printed_case):
    from naungan.cases.services import incident_correct, incident_record, incident_withdraw

    from .factories import answers

    cw = personas["caseworker_bpp"].user
    wrong = incident_record(actor=cw, case=printed_case, answers=answers("forced_marriage"))
    fixed = incident_record(actor=cw, case=printed_case, answers=answers("physical_assault"))
    incident_withdraw(actor=cw, incident=wrong, reason="Salah kasus")
    incident_correct(actor=cw, incident=fixed, answers=answers("sexual_contact"))
    text = " ".join(pages_text(pdf.summary_html(actor=cw, case=printed_case, at=timezone.now())))
    assert "Kekerasan seksual (kontak)" in text
    assert "Perkawinan paksa" not in text
    assert "Kekerasan fisik" not in text
