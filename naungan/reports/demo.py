"""Demo reports for ``seed_demo``: a few public reports and curhat in Balikpapan and Kalimantan
Tengah, one with a message thread, and an activist's field report whose checklist suggests an
emergency (first in the desk's queue). Idempotent: skipped when demo reports exist."""

from __future__ import annotations

from naungan.accounts.models import User

from .models import Report
from .services import ReportInput, report_message_from_reporter, report_submit, report_triage

DEMO = [
    (
        "complaint",
        "64.71.01.1001",
        ["physical", "psychological"],
        "Tetangga saya sering memukul "
        "istrinya pada malam hari, terdengar teriakan dan tangisan anak.",
    ),
    (
        "curhat",
        "64.71.04",
        [],
        "Saya merasa takut di rumah sendiri dan tidak tahu harus bercerita kepada siapa.",
    ),
    (
        "complaint",
        None,
        ["sexual"],
        "Anak perempuan di sekolah kami mengaku disentuh oleh orang dewasa yang dikenalnya.",
    ),
    (
        "complaint",
        "62.71.01.1001",
        ["neglect"],
        "Dua anak kecil sering ditinggal sendirian berhari-hari tanpa makanan yang cukup.",
    ),
]


def seed_reports() -> None:
    if Report.objects.exists():
        return
    for kind, area, types, text in DEMO:
        result = report_submit(
            actor=None,
            data=ReportInput(
                kind=kind,
                reporter_relation="witness",
                violence_types=types,
                description=text,
                area_code=area,
            ),
        )
        if result.report is not None and kind == "curhat":
            report_message_from_reporter(
                report=result.report, body="Apakah ada yang bisa saya ajak bicara malam ini?"
            )
    intake = User.objects.filter(username="intake_bpp").first()
    first = Report.objects.filter(area__code="64.71.01.1001").first()
    if intake is not None and first is not None:
        report_triage(actor=intake, report=first, level="high", checklist=["no_safe_place"])
    activist = User.objects.filter(username="aktivis_bpp").first()
    if activist is not None:
        report_submit(
            actor=activist,
            data=ReportInput(
                kind="complaint",
                reporter_relation="witness",
                violence_types=["physical"],
                description="Anak usia 8 tahun di RT 12 sering dipukul ayahnya dengan ikat "
                "pinggang; kemarin ayahnya mengancam dengan parang.",
                area_code="64.71.01.1001",
                channel="activist",
                victim_consent=False,
                reported_checklist=["threat_weapon", "child"],
            ),
        )
