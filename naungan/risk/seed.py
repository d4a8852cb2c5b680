"""Demo risk data (``seed_demo``; idempotent: skipped when the demo case already has an
assessment). On the Balikpapan demo case of an adult woman abused by her partner: a DASH
assessment three months ago (standard), one last week reaching high (14 or more "yes": the
conference referral, the supervisor's task and the banner), the multi-agency conference held
since with two actions, and a safety plan with a review date. On the Kalimantan Tengah case of
a woman abused by her former partner: one DASH assessment at medium. Recorded by the cases'
caseworkers, who hold the competency the demo UPTD requires for DASH (training seed)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from naungan.accounts.models import User
from naungan.cases.models import Case
from naungan.orgs.models import Organisation
from naungan.training.exceptions import CompetencyRequired

from .models import RiskAssessment
from .services import AssessmentIn, SafetyPlanIn, assessment_create, safety_plan_save
from .services.conferences import ActionIn, ConferenceIn, conference_record

# (intake who created the case, its area, the caseworker, [(days ago, "yes" count), …])
DEMO_CASES = [
    ("intake_bpp", "64.71.04", "pendamping_bpp", [(90, 8), (7, 15)]),
    ("intake_kalteng", "62.71", "pendamping_kalteng", [(5, 11)]),
]


def _answers(yes: int) -> dict[str, str]:
    """The first ``yes`` questions yes, two don't know, the rest no."""
    out = {}
    for i in range(1, 25):
        out[f"q{i}"] = "yes" if i <= yes else ("dont_know" if i <= yes + 2 else "no")
    return out


def seed_risk() -> None:
    now = timezone.now()
    for intake, area, caseworker_name, assessments in DEMO_CASES:
        case = (
            Case.objects.filter(created_by__username=intake, area__code=area)
            .order_by("created_at")
            .first()
        )
        caseworker = User.objects.filter(username=caseworker_name).first()
        if case is None or caseworker is None or RiskAssessment.objects.filter(case=case).exists():
            continue
        try:
            for days, yes in assessments:
                assessment_create(
                    actor=caseworker,
                    case=case,
                    data=AssessmentIn(
                        instrument="dash",
                        answers=_answers(yes),
                        assessed_at=now - timedelta(days=days),
                        children_in_household=intake == "intake_bpp",
                    ),
                )
        except CompetencyRequired:
            continue  # a demo without the training's grants: no assessment rather than a crash
        if intake != "intake_bpp":
            continue
        today = timezone.localdate()
        supervisor = User.objects.filter(username="supervisor_bpp").first()
        conference_record(
            actor=caseworker,
            case=case,
            data=ConferenceIn(
                held_on=today - timedelta(days=3),
                agencies=list(
                    Organisation.objects.filter(
                        slug__in=["polresta-unit-ppa", "rsud-beriman", "posbakum-aisyiyah"]
                    )
                ),
                outcome=(
                    "Risiko tinggi (DASH 15). Polisi memproses laporan dan permohonan perintah "
                    "perlindungan; korban dan anak pindah sementara ke rumah aman."
                ),
                actions=[
                    ActionIn(
                        description="Ajukan permohonan perintah perlindungan ke Polresta",
                        due_on=today + timedelta(days=2),
                        owner=caseworker,
                    ),
                    ActionIn(
                        description="Tinjau penempatan di rumah aman",
                        due_on=today + timedelta(days=7),
                        owner=supervisor,
                    ),
                ],
            ),
        )
        safety_plan_save(
            actor=caseworker,
            case=case,
            data=SafetyPlanIn(
                review_on=today + timedelta(days=30),
                parts={
                    "safe_places": "Rumah kakak di Gunung Sari Ilir; rumah aman UPTD PPA.",
                    "contacts": "Kakak (Bu Ani); pendamping UPTD PPA; Babinsa kelurahan.",
                    "code_word": "Kirim pesan «jemput jemuran» ke kakak bila dalam bahaya.",
                    "emergency_bag": "KTP, KK, buku nikah, akta anak, obat, uang tunai, "
                    "pengisi daya ponsel: dititipkan di rumah kakak.",
                    "escape_routes": "Pintu belakang ke gang samping masjid.",
                    "children": "Anak tahu nomor kakak dan boleh lari ke tetangga sebelah.",
                    "phone_safety": "Matikan berbagi lokasi; ganti kata sandi media sosial.",
                    "protection_steps": "Permohonan perintah perlindungan sedang diajukan.",
                    "hotlines": "SAPA 129; Polisi 110; UPTD PPA Balikpapan.",
                },
            ),
        )
