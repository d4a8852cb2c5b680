"""The API half of the authorisation matrix (``matrix.py`` explains the table): one line per
OpenAPI operation and method."""

from __future__ import annotations

from .matrix import (
    ACCOMPANIMENT,
    CASE_READERS,
    CASE_ROLES,
    CASE_WRITERS,
    MEDIATION,
    REPORT_READERS,
    STATS_READERS,
    STAY,
    SUPERVISOR_ONLY,
    TRAINED,
    TRAINING_MANAGERS,
    TRAINING_MANAGERS_BPP,
    TRAINING_READERS,
    UNASSIGNED,
    R,
    Rule,
)

# --- the API ----------------------------------------------------------------------------------

PUBLIC_REPORT = {
    "kind": "complaint",
    "reporter_relation": "victim",
    "anonymous": True,
    "violence_types": ["physical"],
    "description": "Saya dipukul oleh ayah tiri di rumah tadi malam.",
    "area_code": "64.71.01",
}
CLASSIFICATION = {
    "penetration": False,
    "sexual_contact": False,
    "physical_assault": True,
    "forced_marriage": False,
    "denial_of_resources": False,
    "psychological_abuse": False,
}
PIN = {"HTTP_X_REPORT_PIN": "{pin}"}
NEW_TRAINING = {
    "title": "Pencegahan radikalisme (uji)",
    "organiser": "t-dinas-bpp",
    "starts_on": "2026-02-02",
    "ends_on": "2026-02-03",
    "place": "Aula kecamatan",
}

# Referrals (naungan/referrals): the case's sent referral to the Posbakum of provider_bpp.
REFERRAL_BODY = {
    "organisation": "t-posbakum-bpp",
    "service_type": "legal_aid",
    "consent": {"given_by": "guardian", "data": ["identity"], "guardian_name": "Ibu"},
}
REFERRAL_READERS = f"{CASE_READERS} provider_bpp"
ACCEPTED_REFERRAL = {"referral_id": "accepted_referral"}

ACTIVITY = {
    "kind": "komsos",
    "held_on": "2026-01-05",
    "area_code": "64.71.01.1001",
    "topic": "Stop kekerasan di rumah",
    "attendance": {"women": 3, "men": 1, "girls": 0, "boys": 0},
}

API: list[Rule] = [
    R("GET", "/api/v1/regions", "public"),
    R("GET", "/api/v1/me", "*"),
    # public reporting
    R("POST", "/api/v1/public/reports", "public", data=PUBLIC_REPORT),
    R("GET", "/api/v1/public/reports/{tracking_code}", "public", headers=PIN, note="right PIN"),
    R(
        "GET",
        "/api/v1/public/reports/{tracking_code}",
        "",
        headers={"HTTP_X_REPORT_PIN": "000000"},
        public_route=True,
        note="a wrong PIN answers as an unknown code",
    ),
    R(
        "POST",
        "/api/v1/public/reports/{tracking_code}/messages",
        "public",
        headers=PIN,
        data={"body": "Terima kasih."},
    ),
    # reports
    R("GET", "/api/v1/reports", "*"),
    R(
        "POST",
        "/api/v1/reports",
        "activist intake supervisor",
        # Any other role: the standard 404 of a missing record (one access decorator).
        data={**PUBLIC_REPORT, "channel": "hotline"},
    ),
    R("GET", "/api/v1/reports/{report_id}", REPORT_READERS),
    R(
        "GET",
        "/api/v1/reports/{report_id}",
        f"activist_bpp {REPORT_READERS}",
        ids={"report_id": "activist_report"},
        note="an activist's own report",
    ),
    R(
        "GET",
        "/api/v1/reports/{report_id}",
        REPORT_READERS,
        ids={"report_id": "other_activist_report"},
        note="another activist's report of the same kelurahan: 404 for activist_bpp",
    ),
    R("POST", "/api/v1/reports/{report_id}/triage", REPORT_READERS, data={"level": "high"}),
    R("POST", "/api/v1/reports/{report_id}/messages", REPORT_READERS, data={"body": "Halo"}),
    R("POST", "/api/v1/reports/{report_id}/close", REPORT_READERS, data={"reason": "Selesai"}),
    R(
        "POST",
        "/api/v1/reports/{report_id}/hand-over",
        REPORT_READERS,
        data={"recipient": "Polres"},
    ),
    R("POST", "/api/v1/reports/{report_id}/convert", REPORT_READERS, data={}),
    # community (PPATBM): activities in the activist's kelurahan, the monthly summary (readers
    # without ?area and ?month get 422 naming month), the field app's sync
    R("POST", "/api/v1/activities", "activist_bpp", data=ACTIVITY),
    R("GET", "/api/v1/activities/summary", "activist supervisor analyst"),
    R("POST", "/api/v1/sync", "activist", data={"items": []}),
    # transfers, bulk assignment, caseloads, saved filters
    R(
        "POST",
        "/api/v1/cases/{case_id}/transfers",
        CASE_WRITERS,
        refused={"caseworker_bpp": 403},
        data={"to_organisation": "t-uptd-kalteng", "reason": "Korban pindah"},
    ),
    R("GET", "/api/v1/cases/transfers", "supervisor"),
    R("GET", "/api/v1/cases/transfers/{transfer_id}", "supervisor_bpp supervisor_kalteng"),
    # The receiving unit decides, the sending area cancels; each sees the other's button refused.
    R(
        "POST",
        "/api/v1/cases/transfers/{transfer_id}/accept",
        "supervisor_bpp supervisor_kalteng",
        refused={"supervisor_bpp": 403},
    ),
    R(
        "POST",
        "/api/v1/cases/transfers/{transfer_id}/decline",
        "supervisor_bpp supervisor_kalteng",
        refused={"supervisor_bpp": 403},
        data={"reason": "Penuh"},
    ),
    R(
        "POST",
        "/api/v1/cases/transfers/{transfer_id}/cancel",
        "supervisor_bpp supervisor_kalteng",
        refused={"supervisor_kalteng": 403},
    ),
    R(
        "POST",
        "/api/v1/cases/bulk-assign",
        "supervisor_bpp",
        data={"cases": ["{case_id}"], "username": "caseworker_bpp"},
    ),
    R("GET", "/api/v1/cases/caseload", "supervisor"),
    # Unified with the saved-filter pages: roles without case pages get 404 (was 200/403).
    R("GET", "/api/v1/cases/saved-filters", CASE_ROLES),
    R(
        "POST",
        "/api/v1/cases/saved-filters",
        CASE_ROLES,
        data={"name": "Baru", "query": "status=open"},
    ),
    R("DELETE", "/api/v1/cases/saved-filters/{filter_id}", "supervisor_bpp"),
    # cases
    # Unified with /kasus/: roles without case pages get 404 (was 200 with an empty list).
    R("GET", "/api/v1/cases", CASE_ROLES),
    R(
        "POST",
        "/api/v1/cases",
        "*",
        refused={"activist caseworker provider analyst admin": 403},
        data={"area_code": "64.71.01", "violence_types": ["physical"]},
    ),
    R("GET", "/api/v1/cases/matches", CASE_ROLES),  # as /api/v1/cases (was 200 and empty)
    R("GET", "/api/v1/cases/{case_id}", CASE_READERS),
    R(
        "GET",
        "/api/v1/cases/{case_id}",
        "intake_bpp supervisor_bpp",
        ids=UNASSIGNED,
        note="a case nobody leads",
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/assign",
        CASE_WRITERS,
        refused=SUPERVISOR_ONLY,
        data={"username": "caseworker_bpp"},
    ),
    R("GET", "/api/v1/cases/{case_id}/parties", CASE_READERS),
    R(
        "POST",
        "/api/v1/cases/{case_id}/parties",
        CASE_WRITERS,
        data={"role": "witness", "name": "Saksi baru"},
    ),
    R("PATCH", "/api/v1/cases/{case_id}/parties/{party_id}", CASE_WRITERS, data={"name": "Saksi"}),
    R(
        "POST",
        "/api/v1/cases/{case_id}/parties/{party_id}/remove",
        CASE_WRITERS,
        data={"reason": "Salah input"},
    ),
    R("POST", "/api/v1/cases/{case_id}/transition", CASE_WRITERS, data={"to": "assessment"}),
    R("POST", "/api/v1/cases/{case_id}/closure", CASE_WRITERS, data={"reason": "client_declined"}),
    R(
        "POST",
        "/api/v1/cases/{case_id}/closure/{closure_id}/decide",
        CASE_WRITERS,
        ids={"case_id": "closing_case"},
        refused=SUPERVISOR_ONLY,
        data={"approve": False, "note": "Belum"},
    ),
    R("POST", "/api/v1/cases/{case_id}/reopen", CASE_WRITERS, data={"reason": "Kembali"}),
    R(
        "POST",
        "/api/v1/cases/{case_id}/incidents",
        CASE_WRITERS,
        data={"classification": CLASSIFICATION},
    ),
    R(
        "PUT",
        "/api/v1/cases/{case_id}/incidents/{incident_id}",
        CASE_WRITERS,
        data={"classification": CLASSIFICATION, "reason": "Salah ketik"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/incidents/{incident_id}/withdraw",
        CASE_WRITERS,
        data={"reason": "Salah kasus"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/incidents/{incident_id}/reclassify",
        CASE_WRITERS,
        refused=SUPERVISOR_ONLY,
        data={"classification": CLASSIFICATION, "reason": "Koreksi"},
    ),
    R("GET", "/api/v1/cases/{case_id}/tasks", CASE_READERS),
    R("POST", "/api/v1/cases/{case_id}/tasks/{task_id}/complete", CASE_WRITERS),
    R(
        "POST",
        "/api/v1/cases/{case_id}/tasks/{task_id}/waive",
        CASE_WRITERS,
        refused={"caseworker_bpp": 403},
        data={"reason": "Tidak perlu"},
        note="a statutory task",
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/messages",
        CASE_WRITERS,
        data={"body": "Kami akan menghubungi Anda."},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/notes",
        CASE_WRITERS,
        data={"kind": "contact", "body": "Telepon"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/notes",
        "supervisor_bpp",
        ids=UNASSIGNED,
        data={"kind": "contact", "body": "Telepon"},
        note="a case nobody leads",
    ),
    # plans, monitoring, summary, notices
    R("GET", "/api/v1/cases/{case_id}/plans", CASE_READERS),
    R(
        "POST",
        "/api/v1/cases/{case_id}/plans",
        CASE_WRITERS,
        data={"goals": "Aman", "actions": [{"description": "Konseling"}]},
    ),
    R("POST", "/api/v1/cases/{case_id}/plans/{plan_id}/submit", CASE_WRITERS),
    R(
        "POST",
        "/api/v1/cases/{case_id}/plans/{plan_id}/decision",
        CASE_WRITERS,
        ids={"case_id": "plan_case", "plan_id": "submitted_plan"},
        refused=SUPERVISOR_ONLY,
        data={"approve": False, "reason": "Belum"},
    ),
    R("GET", "/api/v1/cases/{case_id}/monitoring", CASE_READERS),
    R(
        "POST",
        "/api/v1/cases/{case_id}/monitoring",
        CASE_WRITERS,
        data={"reviewed_on": "2026-01-05", "summary": "Baik"},
    ),
    R("GET", "/api/v1/cases/{case_id}/summary.pdf", CASE_READERS),
    R("GET", "/api/v1/notifications", "*"),
    R("POST", "/api/v1/notifications/{notification_id}/read", "caseworker_bpp"),
    # services on a case (naungan/services)
    R("GET", "/api/v1/cases/{case_id}/services", CASE_READERS),
    R("POST", "/api/v1/cases/{case_id}/services", CASE_WRITERS, data={"service": "outreach"}),
    R("GET", "/api/v1/cases/{case_id}/services/{episode_id}", CASE_READERS),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/end",
        CASE_WRITERS,
        data={"outcome": "Selesai"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/visits",
        CASE_WRITERS,
        data={"planned_at": "2030-01-01T10:00:00+08:00", "team": "Rina"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/visits/{visit_id}/safety-check",
        CASE_WRITERS,
        data={"perpetrator_present": False, "safe_for_victim": True},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/visits/{visit_id}/depart",
        CASE_WRITERS,
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/visits/{visit_id}/result",
        CASE_WRITERS,
        data={"result": "found"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/discharge",
        CASE_WRITERS,
        ids=STAY,
        data={"destination": "Rumah ibu"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/extensions",
        CASE_WRITERS,
        ids=STAY,
        data={"until": "2030-01-01T10:00:00+08:00", "reason": "Belum aman"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/extensions/{extension_id}/decide",
        CASE_WRITERS,
        ids=STAY,
        refused=SUPERVISOR_ONLY,
        data={"approve": False, "note": "Belum"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/sessions",
        CASE_WRITERS,
        ids=MEDIATION,
        data={"parties": "Klien, suami"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/agreement",
        CASE_WRITERS,
        ids=MEDIATION,
        data={"agreement": "Nafkah dibayar tiap bulan"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/services/{episode_id}/next-hearing",
        CASE_WRITERS,
        ids=ACCOMPANIMENT,
        data={"next_hearing_at": "2030-01-01T10:00:00+08:00"},
    ),
    R(
        "POST",
        "/api/v1/cases/{case_id}/partner-clocks",
        CASE_WRITERS,
        data={"clock": "lpsk_request"},
    ),
    R("GET", "/api/v1/shelters", "caseworker supervisor"),
    # referrals (naungan/referrals): a provider of another organisation, analysts, activists
    # and administrators see none; only the addressed provider answers a referral
    R("POST", "/api/v1/cases/{case_id}/referrals", CASE_WRITERS, data=REFERRAL_BODY),
    R("GET", "/api/v1/cases/{case_id}/referrals", CASE_READERS),
    R("GET", "/api/v1/referrals", "intake caseworker supervisor provider"),
    R("GET", "/api/v1/referrals/{referral_id}", REFERRAL_READERS),
    R("POST", "/api/v1/referrals/{referral_id}/accept", "provider_bpp"),
    R(
        "POST",
        "/api/v1/referrals/{referral_id}/decline",
        "provider_bpp",
        data={"reason": "Di luar kewenangan"},
    ),
    R(
        "POST",
        "/api/v1/referrals/{referral_id}/complete",
        "provider_bpp",
        ids=ACCEPTED_REFERRAL,
        data={"outcome": "Gugatan didaftarkan"},
    ),
    R(
        "POST",
        "/api/v1/referrals/{referral_id}/withdraw",
        CASE_READERS,
        refused={"intake_bpp": 403},
        data={"reason": "Korban pindah"},
    ),
    R(
        "POST",
        "/api/v1/referrals/{referral_id}/consent/withdraw",
        CASE_READERS,
        refused={"intake_bpp": 403},
        data={"reason": "Korban menarik persetujuan"},
    ),
    R("GET", "/api/v1/referrals/{referral_id}/letter.pdf", f"{CASE_WRITERS} provider_bpp"),
    # trainings and competencies (naungan/training)
    R("GET", "/api/v1/trainings", TRAINING_READERS),
    R(
        "POST",
        "/api/v1/trainings",
        TRAINING_MANAGERS,
        data=NEW_TRAINING,
        note="Balikpapan's managers 201, Kalimantan Tengah's 422 (organiser outside their area)",
    ),
    R("GET", "/api/v1/trainings/{training_id}", f"{TRAINING_MANAGERS_BPP} {TRAINED}"),
    R(
        "POST",
        "/api/v1/trainings/{training_id}/participants",
        TRAINING_MANAGERS_BPP,
        data={"participants": ["intake_bpp"]},
    ),
    R(
        "POST",
        "/api/v1/trainings/{training_id}/results",
        TRAINING_MANAGERS_BPP,
        data={"results": []},
    ),
    R(
        "GET",
        "/api/v1/trainings/{training_id}/participants/{participant_id}/certificate",
        f"{TRAINING_MANAGERS_BPP} caseworker_bpp",
    ),
    R(
        "GET",
        "/api/v1/trainings/{training_id}/participants/{participant_id}/certificate",
        f"{TRAINING_MANAGERS_BPP} activist_bpp",
        ids={"participant_id": "activist_participant"},
        note="the activist's own certificate; the caseworker gets 404",
    ),
    R("GET", "/api/v1/competencies", TRAINING_READERS),
    R("GET", "/api/v1/competencies/mine", TRAINING_READERS),
    R(
        "POST",
        "/api/v1/competencies/grants",
        TRAINING_MANAGERS,
        data={
            "username": "caseworker_bpp",
            "competency": "regulations",
            "granted_on": "2026-01-05",
        },
        note="Kalimantan Tengah's managers 422 (the person is outside their area)",
    ),
    R("GET", "/api/v1/competencies/expiring", f"{TRAINING_MANAGERS} analyst"),
    R("GET", "/api/v1/competencies/requirements", TRAINING_READERS),
    R("GET", "/api/v1/competencies/check", TRAINING_READERS, note="no action: 422 naming it"),
    # statistics (naungan/stats): the caller's own area and this year by default
    R("GET", "/api/v1/stats/summary", STATS_READERS),
    R("GET", "/api/v1/stats/breakdown", STATS_READERS),
    R("GET", "/api/v1/stats/simfoni.csv", STATS_READERS),
    R("GET", "/api/v1/stats/simfoni.xlsx", STATS_READERS),
    R("GET", "/api/v1/providers", "*"),
    # risk assessment, conferences, safety plans (naungan/risk)
    R(
        "POST",
        "/api/v1/cases/{case_id}/risk-assessments",
        CASE_WRITERS,
        data={"instrument": "dash", "answers": {"q1": "yes", "q2": "dont_know"}},
    ),
    R("GET", "/api/v1/cases/{case_id}/risk-assessments", CASE_READERS),
    R("GET", "/api/v1/cases/{case_id}/risk-assessments/{assessment_id}", CASE_READERS),
    R(
        "POST",
        "/api/v1/cases/{case_id}/risk-assessments/{assessment_id}/judgement",
        CASE_WRITERS,
        data={"professional_judgement": "high", "judgement_reason": "Ancaman baru"},
    ),
    R("POST", "/api/v1/cases/{case_id}/conferences", CASE_WRITERS, data={"held_on": "2025-07-01"}),
    R("GET", "/api/v1/cases/{case_id}/conferences", CASE_READERS),
    R(
        "POST",
        "/api/v1/cases/{case_id}/safety-plans",
        CASE_WRITERS,
        data={"review_on": "2030-01-01", "code_word": "Mangga"},
    ),
    R("GET", "/api/v1/cases/{case_id}/safety-plans", CASE_READERS),
]
