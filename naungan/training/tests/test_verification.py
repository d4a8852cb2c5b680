"""The certificate's verification code and the public check page (/sertifikat/cek/): the exact
code only, a wrong code answers like an unknown one, rate-limited, nothing stored about who
looked, valid / expired / revoked."""

from __future__ import annotations

import re
import zlib
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import TextBox

from naungan.core.models import AuditEvent, RateCounter
from naungan.core.words import person_name
from naungan.training import services
from naungan.training.codes import ALPHABET, verification_code_new, verification_code_normalize
from naungan.training.models import Competency, Participant, Training
from naungan.training.selectors import certificate_check
from naungan.training.services.certificates import CERTIFICATE_CSS
from naungan.training.views import verification

from .conftest import new_training, results

pytestmark = pytest.mark.django_db

CODE_RE = re.compile(r"^([2-9A-HJ-NP-Z]{4}-){3}[2-9A-HJ-NP-Z]{4}$")


def _passed(personas: dict[str, Any], training: Training, who: str = "caseworker_bpp") -> Any:
    services.training_results_record(
        actor=personas["supervisor_bpp"].user,
        training=training,
        results=results(training, **{who: (True, 40, 85)}),
    )
    return Participant.objects.get(training=training, user__username=who)


def _pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated (its objects, links included)."""
    out = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(out)


def _pdf_text(html: str) -> str:
    document = HTML(string=html).render(stylesheets=[CSS(string=CERTIFICATE_CSS)])
    boxes = [b for page in document.pages for b in page._page_box.descendants(placeholders=True)]
    return " ".join(b.text for b in boxes if isinstance(b, TextBox))


def test_codes_are_random_grouped_and_typed_in_any_case() -> None:
    codes = {verification_code_new() for _ in range(200)}
    assert len(codes) == 200
    assert all(CODE_RE.match(c) for c in codes)
    assert "0" not in ALPHABET
    assert "O" not in ALPHABET
    assert "1" not in ALPHABET
    code = next(iter(codes))
    assert verification_code_normalize(code.lower().replace("-", " ")) == code
    assert verification_code_normalize(code.replace("-", "")) == code
    assert verification_code_normalize(code[:-1]) is None
    assert verification_code_normalize(code[:-1] + "0") is None
    assert verification_code_normalize("") is None


def test_passing_gives_a_code_once_and_the_pdf_prints_it(
    personas: dict[str, Any], training: Training
) -> None:
    p = Participant.objects.get(training=training, user__username="caseworker_bpp")
    assert p.verification_code is None
    p = _passed(personas, training)
    code = p.verification_code
    assert code
    assert CODE_RE.match(code)
    # Recording the results again keeps the code (an issued certificate stays checkable).
    p = _passed(personas, training)
    assert p.verification_code == code
    html = services.certificate_html(p)
    assert code in html
    assert f"/sertifikat/cek/?kode={code}" in html
    text = _pdf_text(html)
    assert code in text
    assert "/sertifikat/cek/" in text
    pdf = services.certificate_print(actor=p.user, participant=p)
    assert pdf.startswith(b"%PDF")
    # The PDF itself (not only the HTML): its link to the check page carries the code.
    assert code.encode() in _pdf_objects(pdf)


def test_the_pdf_names_the_sites_address_when_it_is_configured(
    personas: dict[str, Any], training: Training, settings: Any
) -> None:
    settings.SITE_URL = "https://naungan.balikpapan.go.id/"
    p = _passed(personas, training)
    html = services.certificate_html(p)
    assert "https://naungan.balikpapan.go.id/sertifikat/cek/" in html


def test_the_check_says_valid_expired_and_revoked(
    personas: dict[str, Any], training: Training
) -> None:
    p = _passed(personas, training)
    on_day = training.ends_on + timedelta(days=1)
    found = certificate_check(p.verification_code, today=on_day)
    assert found is not None
    assert found.status == "valid"
    assert found.holder == person_name(p.user)  # the name as the certificate prints it
    assert found.holder in services.certificate_html(p)
    assert found.training == "Pendampingan KDRT"
    assert found.organiser == "DP3AKB (uji)"
    assert (found.starts_on, found.ends_on) == (date(2026, 3, 2), date(2026, 3, 3))
    labels = {c.label: c for c in found.competencies}
    assert len(labels) == 2
    # One competency is for good: the certificate holds even after the other ends.
    later = certificate_check(p.verification_code, today=date(2029, 1, 1))
    assert later is not None
    assert later.status == "valid"
    assert [c.expired for c in later.competencies].count(True) == 1
    # Recorded again without a pass: revoked (the competencies were taken back).
    services.training_results_record(
        actor=personas["supervisor_bpp"].user,
        training=training,
        results=results(training, caseworker_bpp=(True, 40, 20)),
    )
    revoked = certificate_check(p.verification_code, today=on_day)
    assert revoked is not None
    assert revoked.status == "revoked"


def test_a_certificate_whose_competencies_all_ended_is_expired(personas: dict[str, Any]) -> None:
    training = services.training_create(
        actor=personas["supervisor_bpp"].user,
        data=new_training(personas, competencies=[services.CompetencyIn("regulations", 12)]),
    )
    p = _passed(personas, training)
    assert certificate_check(p.verification_code, today=date(2027, 3, 3)).status == "valid"  # type: ignore[union-attr]
    assert certificate_check(p.verification_code, today=date(2027, 3, 4)).status == "expired"  # type: ignore[union-attr]


# --- the public page --------------------------------------------------------------------------


def test_anyone_confirms_a_certificate_by_its_code_without_login(
    personas: dict[str, Any], training: Training
) -> None:
    p = _passed(personas, training)
    audits = AuditEvent.objects.count()
    anonymous = Client()
    form = anonymous.get("/sertifikat/cek/")
    assert form.status_code == 200
    assert 'name="kode"' in form.content.decode()
    page = anonymous.get("/sertifikat/cek/", {"kode": p.verification_code.lower()})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Sertifikat asli dan berlaku" in text
    assert "Pendampingan KDRT" in text
    assert "DP3AKB (uji)" in text
    assert p.certificate_number in text
    assert str(Competency("kdrt_risk_assessment").label) in text
    assert person_name(p.user) in text
    assert "quick-exit" not in text  # not a page for victims
    assert "<script" not in text  # light: no script
    assert page["Cache-Control"] == "no-store"
    assert "noindex" in page["X-Robots-Tag"]
    assert not page.cookies  # no cookie set
    # Nothing about who looked is stored: no audit event, and no counter once the code is found.
    assert AuditEvent.objects.count() == audits
    # (Only this page's counters: other tests' rate counters outlive their transactions.)
    assert not RateCounter.objects.filter(
        key__contains=f":{verification.SCOPE}:", count__gt=0
    ).exists()


def test_a_wrong_code_answers_exactly_like_an_unknown_one(
    personas: dict[str, Any], training: Training
) -> None:
    p = _passed(personas, training)
    code = p.verification_code
    anonymous = Client()
    answers = [
        anonymous.get("/sertifikat/cek/", {"kode": kode})
        for kode in (
            verification_code_new(),  # a well-formed code that exists nowhere
            code[:-1] + ("A" if code[-1] != "A" else "B"),  # one character off
            code[:-1],  # too short
            "NGN-PLT-2026-ABCDEF12",  # the certificate number is not the code
            p.certificate_number,
            "",
        )
    ]
    assert {a.status_code for a in answers} == {404}
    assert len({a.content for a in answers}) == 1
    assert code.encode() not in answers[1].content  # what was typed is not echoed


def test_unknown_codes_are_rate_limited_per_address(
    personas: dict[str, Any], training: Training, settings: Any
) -> None:
    settings.TRAINING_VERIFY_RATE = "3/600"
    p = _passed(personas, training)
    anonymous = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        assert (
            anonymous.get("/sertifikat/cek/", {"kode": verification_code_new()}).status_code == 404
        )
    limited = anonymous.get("/sertifikat/cek/", {"kode": p.verification_code})
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "Terlalu banyak" in limited.content.decode()
    # Another address is not held back; a code found does not use up the allowance.
    other = Client(REMOTE_ADDR="203.0.113.10")
    for _ in range(5):
        assert other.get("/sertifikat/cek/", {"kode": p.verification_code}).status_code == 200


def test_the_page_answers_in_time_and_stays_small(
    personas: dict[str, Any], training: Training
) -> None:
    p = _passed(personas, training)
    page = Client().get("/sertifikat/cek/", {"kode": p.verification_code})
    assert len(page.content) < 8_000
    assert page.content.decode().count("<link") == 2  # the icon (data:) and one style sheet


def test_the_holder_finds_the_code_on_their_competencies_page(
    personas: dict[str, Any], training: Training
) -> None:
    p = _passed(personas, training)
    page = personas["caseworker_bpp"].client.get("/kompetensi/saya/")
    assert page.status_code == 200
    assert p.verification_code in page.content.decode()
    other = personas["activist_bpp"].client.get("/kompetensi/saya/")
    assert p.verification_code not in other.content.decode()
