"""The authorisation matrix: who reaches every route, and how everyone else is answered.

``naungan/core/tests/test_authorisation_matrix.py`` walks every URL pattern of
``naungan.urls`` and every operation of the OpenAPI document, and calls each one as every
persona (7 roles x Balikpapan/Kalimantan Tengah, see ``conftest.py``), as an anonymous visitor
and, for the API, with no token and with a bad token. The records named in a route (a case, its
task, plan, transfer ...) are real records in Balikpapan (``bpp``); each call is repeated with
random ids that exist nowhere. The test asserts, per route and persona:

* **in** ``reach``: the answer differs from the "not found" answer (the persona gets at the
  record, or at the page); ``refused`` names personas who see the record but may not do this,
  with the status they get instead (403 where the code says "your role may not", CONTRACT §4);
* **everyone else**: the answer equals, status and body, the answer to the same call with
  random ids (the "not found" answer), which is itself the standard 404 (for the API
  ``{"detail": "Not Found"}``, for pages the 404 page); a route without any id answers the
  standard 404 itself. Anonymous visitors of a staff page are sent to the login page; the API
  without a token, or with a bad one, answers 401;
* **nobody** ever gets a 500.

How to classify a route: add one line to ``WEB`` (URL name, method) or, in ``matrix_api.py``,
``API`` (method, OpenAPI path). ``reach`` is a space-separated list of personas:
``supervisor_bpp`` is one persona, ``supervisor`` is that role in both areas, ``*`` is every
staff persona and ``public`` is everyone, anonymous visitors included. The records of Balikpapan
are made by ``intake_bpp``, led by ``caseworker_bpp`` and supervised by ``supervisor_bpp``.
``ids`` picks which record of the test world a path parameter names when it is not the default
one of that name (see ``WORLD_IDS`` in ``matrix_world.py``); ``data`` is the JSON body (API) or the
form (pages), where ``"{case_id}"`` and the like are replaced by the ids of the call. A route
may have several lines (e.g. an activist's own report and someone else's), each with a ``note``.

Web routes are tested with GET and POST: the methods a line does not list are answered the
same with real and random ids by everybody (e.g. 405 for a GET on a POST-only action).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ROLES = ("activist", "intake", "caseworker", "supervisor", "provider", "analyst", "admin")
WHERE = ("bpp", "kalteng")
STAFF = tuple(f"{role}_{where}" for where in WHERE for role in ROLES)
ANONYMOUS = "anonymous"
BAD_TOKEN = "bad_token"  # noqa: S105 - API only: a bearer token that is not one

# Who reaches the records of Balikpapan (made by intake_bpp, led by caseworker_bpp).
CASE_READERS = "intake_bpp caseworker_bpp supervisor_bpp"
CASE_WRITERS = "caseworker_bpp supervisor_bpp"
REPORT_READERS = "intake_bpp supervisor_bpp"
CASE_ROLES = "intake caseworker supervisor"  # roles with case pages at all
NO_CASES = "activist provider analyst admin"  # roles that never see case content
NO_REPORTS = "caseworker provider analyst admin"  # roles that never see reports
# A writer of the case who is not its supervisor: "only the area's supervisor may" (403).
SUPERVISOR_ONLY = {"caseworker_bpp": 403}
# A case of Balikpapan made by intake_bpp that nobody leads (caseworker_bpp does not see it).
UNASSIGNED = {"case_id": "unassigned_case"}
# Every staff persona of Balikpapan (the directory's providers of Balikpapan).
BPP_STAFF = " ".join(f"{role}_bpp" for role in ROLES)
# Services: the shelter stay on the case, and the mediation on the plan case (not sexual).
STAY = {"episode_id": "stay_episode"}
MEDIATION = {"case_id": "plan_case", "episode_id": "mediation_episode"}
ACCOMPANIMENT = {"episode_id": "accompaniment_episode"}
# Trainings: the roles with training pages at all, those who manage them, and the participants
# of the world's training (organised by the Balikpapan dinas: the caseworker and the activist).
TRAINING_READERS = "activist intake caseworker supervisor admin"
TRAINING_MANAGERS = "supervisor admin"
TRAINING_MANAGERS_BPP = "supervisor_bpp admin_bpp"
TRAINED = "caseworker_bpp activist_bpp"
# Statistics (CONTRACT §3 /statistik/): supervisors and analysts, of their own area.
STATS_READERS = "supervisor analyst"
# Referrals: the world's referrals of the case to provider_bpp's Posbakum (one sent, one
# accepted). Their readers are the case's readers and that provider; provider_kalteng (another
# organisation), analysts, activists and admins see no referral (404).
REFERRAL_READERS = f"{CASE_READERS} provider_bpp"
REFERRAL_PRINTERS = f"{CASE_WRITERS} provider_bpp"
# The case's intake officer reads the referral but does not act on it (403, as on the case).
READER_ONLY = {"intake_bpp": 403}


@dataclass(frozen=True)
class Rule:
    method: str
    route: str  # web: URL name ("cases:detail"); API: OpenAPI path ("/api/v1/cases/{case_id}")
    reach: str = ""
    refused: dict[str, int] = field(default_factory=dict)  # who (as in reach) -> status
    ids: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    note: str = ""
    public_route: bool = False  # no login or token needed, even when nobody reaches a record

    def personas(self) -> frozenset[str]:
        return expand(self.reach)

    def refusals(self) -> dict[str, int]:
        return {who: status for key, status in self.refused.items() for who in expand(key)}

    @property
    def public(self) -> bool:
        return self.public_route or "public" in self.reach.split()

    @property
    def label(self) -> str:
        return f"{self.method} {self.route}" + (f" ({self.note})" if self.note else "")


def expand(who: str) -> frozenset[str]:
    out: set[str] = set()
    for part in who.split():
        if part == "public":
            out |= {*STAFF, ANONYMOUS, BAD_TOKEN}
        elif part == "*":
            out |= set(STAFF)
        elif part in ROLES:
            out |= {f"{part}_{where}" for where in WHERE}
        elif part in STAFF:
            out.add(part)
        else:
            raise ValueError(f"unknown persona or role {part!r} in the matrix")
    return frozenset(out)


def R(method: str, route: str, reach: str = "", **kwargs: Any) -> Rule:
    return Rule(method, route, reach, **kwargs)


# --- exclusions -------------------------------------------------------------------------------

# URL prefixes that are deliberately not in the matrix, with the reason.
EXCLUDED_PREFIXES: dict[str, str] = {
    "admin/": "the Django admin: its own permission system (staff flag, model permissions, "
    "allauth login with second factor); covered by accounts/tests/test_access.py",
    "accounts/": "allauth internals (login, logout, password, MFA enrolment): public or "
    "self-service pages with no record of anyone else; accounts/tokens/ is ours and classified",
    "i18n/": "Django's set_language: changes a cookie, no record",
    "jsi18n/": "Django's JavaScript catalogue: public, no record",
    "static/": "static files (WhiteNoise): public",
    "api/v1/": "the API is enumerated from its OpenAPI document (see API below)",
}
# Routes under an excluded prefix that are ours and classified all the same.
INCLUDED_DESPITE_PREFIX = {"accounts/tokens/", "accounts/pengaturan/"}

# API URL patterns that are not operations of the OpenAPI document.
API_NON_OPERATIONS: dict[str, str] = {
    "/api/v1/": "ninja's API root (404 for everyone, no record)",
    "/api/v1/openapi.json": "the OpenAPI document: public (CONTRACT §4)",
    "/api/v1/docs": "the interactive docs: public (CONTRACT §4)",
}


# --- the web pages ----------------------------------------------------------------------------

WEB: list[Rule] = [
    R("GET", "home", "*"),
    R("GET", "healthz", "public"),
    R("GET", "audit_log", "supervisor admin"),
    R("GET", "tokens", "*"),
    R("POST", "tokens", "intake_bpp", data={"revoke": "{token_id}"}, note="revoke a token"),
    R("GET", "preferences", "*"),
    R("POST", "preferences", "*", data={"language": "id"}, note="one's own language"),
    # reports
    R("GET", "reports:lapor", "public"),
    R("POST", "reports:lapor", "public"),
    R("GET", "reports:status", "public"),
    R(
        "POST",
        "reports:status",
        "public",
        data={"tracking_code": "{tracking_code}", "pin": "{pin}"},
    ),
    # community (PPATBM): the activist's pages, summaries, coverage, groups, briefs
    R("GET", "community:home", "activist"),
    R("GET", "community:my_group", "activist"),
    R("GET", "community:activities", "activist supervisor analyst"),
    R("GET", "community:activity_new", "activist"),
    R("POST", "community:activity_new", "activist", data={"kind": "komsos"}),
    R("GET", "community:summary", "activist supervisor analyst"),
    R("GET", "community:summary_print", "activist supervisor analyst"),
    R("GET", "community:matter_new", "activist"),
    R("POST", "community:matter_new", "activist", data={"summary": "x"}),
    R("GET", "community:brief", "activist_bpp", note="the activist named companion"),
    R("POST", "community:brief", "activist_bpp", data={"place": "Polres"}),
    R("GET", "community:coverage", "supervisor analyst"),
    R("POST", "community:group_create", "supervisor_bpp", data={"area_code": "64.71.01.1002"}),
    R("GET", "community:group", "supervisor_bpp"),
    R("POST", "community:group", "supervisor_bpp", data={"rt_total": "12"}),
    R("POST", "community:member_add", "supervisor_bpp", data={"role": "member"}),
    R("POST", "community:member_end", "supervisor_bpp", data={"left_on": ""}),
    # A new partner: the group's supervisor and the coordinators of its area (analysts: the
    # kecamatan's Kasi Kessos connects new partners); analyst_kalteng's area lacks the group.
    R("GET", "community:partner_add", "supervisor_bpp analyst_bpp"),
    R(
        "POST",
        "community:partner_add",
        "supervisor_bpp analyst_bpp",
        data={"kind": "police", "name": "Polsek"},
    ),
    R("GET", "community:case_brief_new", CASE_WRITERS),
    R("POST", "community:case_brief_new", CASE_WRITERS, data={"brief": "x"}),
    R("POST", "community:case_brief_close", CASE_WRITERS, data={"status": "done"}),
    R("GET", "reports:queue", "activist intake supervisor"),
    R("GET", "reports:new", "activist intake supervisor"),
    R("POST", "reports:new", "activist intake supervisor"),
    R("GET", "reports:detail", REPORT_READERS),
    R("POST", "reports:detail", REPORT_READERS, data={"action": "message", "body": "Halo"}),
    R(
        "GET",
        "reports:detail",
        f"activist_bpp {REPORT_READERS}",
        ids={"report_id": "activist_report"},
        note="an activist's own report",
    ),
    R(
        "GET",
        "reports:detail",
        REPORT_READERS,
        ids={"report_id": "other_activist_report"},
        note="another activist's report of the same kelurahan: 404 for activist_bpp",
    ),
    R("GET", "reports:attachment", REPORT_READERS),
    R("POST", "cases:convert_report", REPORT_READERS),
    # cases
    R("GET", "cases:list", CASE_ROLES),
    R("GET", "cases:create", "intake supervisor"),
    R("POST", "cases:create", "intake supervisor"),
    R("GET", "cases:detail", CASE_READERS),
    R("GET", "cases:detail", REPORT_READERS, ids=UNASSIGNED, note="a case nobody leads"),
    R("POST", "cases:detail", CASE_READERS),
    R("GET", "cases:incident_create", CASE_WRITERS),
    R("POST", "cases:incident_create", CASE_WRITERS),
    R("GET", "cases:incident_edit", CASE_WRITERS),
    R("POST", "cases:incident_edit", CASE_WRITERS),
    R("GET", "cases:incident_withdraw", CASE_WRITERS),
    R("POST", "cases:incident_withdraw", CASE_WRITERS, data={"reason": "Salah kasus"}),
    R("GET", "cases:party_add", CASE_WRITERS),
    R(
        "POST",
        "cases:party_add",
        CASE_WRITERS,
        data={"role": "witness", "name": "Saksi baru", "action": "save_new"},
    ),
    R("GET", "cases:party_edit", CASE_WRITERS),
    R("POST", "cases:party_edit", CASE_WRITERS, data={"name": "Saksi"}),
    R("POST", "cases:party_remove", CASE_WRITERS, data={"reason": "Salah input"}),
    R("POST", "cases:assign", CASE_WRITERS),
    R("POST", "cases:transition", CASE_WRITERS),
    R("POST", "cases:closure_request", CASE_WRITERS),
    R(
        "POST",
        "cases:closure_decide",
        CASE_WRITERS,
        ids={"case_id": "closing_case"},
        data={"approve": "no", "note": "Belum"},
    ),
    R("POST", "cases:reopen", CASE_WRITERS),
    R("POST", "cases:note_add", CASE_WRITERS),
    R("POST", "cases:message", CASE_WRITERS, data={"body": "Kami akan menghubungi Anda."}),
    R("POST", "cases:task_complete", CASE_WRITERS),
    R("POST", "cases:task_waive", CASE_WRITERS),
    # supervisor pages
    R("GET", "cases:transfer_list", "supervisor"),
    R("GET", "cases:transfer_detail", "supervisor_bpp supervisor_kalteng"),
    R("POST", "cases:transfer_detail", "supervisor_bpp supervisor_kalteng"),
    R("POST", "cases:transfer_accept", "supervisor_bpp supervisor_kalteng"),
    R("POST", "cases:transfer_decline", "supervisor_bpp supervisor_kalteng"),
    R("POST", "cases:transfer_cancel", "supervisor_bpp supervisor_kalteng"),
    R("POST", "cases:transfer_request", CASE_WRITERS),
    R("GET", "cases:bulk_assign", "supervisor"),
    R(
        "POST",
        "cases:bulk_assign",
        "supervisor_bpp",
        data={"cases": ["{case_id}"], "assignee": "{caseworker_pk}"},
    ),
    R("GET", "cases:caseload", "supervisor"),
    R("GET", "cases:export", "supervisor"),
    R("POST", "cases:export", "supervisor"),
    R("GET", "cases:saved_filters", CASE_ROLES),
    R("POST", "cases:saved_filters", CASE_ROLES),
    R("POST", "cases:saved_filter_delete", "supervisor_bpp"),
    R("POST", "cases:document_upload", CASE_WRITERS),
    R("GET", "cases:document_download", CASE_READERS),
    R("POST", "cases:document_download", CASE_READERS, note="answers POST as GET"),
    # plans, monitoring, summary, notices
    R("GET", "cases:plans", CASE_READERS),
    R("POST", "cases:plans", CASE_READERS),
    R("POST", "cases:plan_submit", CASE_WRITERS),
    R(
        "POST",
        "cases:plan_decide",
        CASE_WRITERS,
        ids={"case_id": "plan_case", "plan_id": "submitted_plan"},
        data={"approve": "no", "reason": "Belum"},
    ),
    R("POST", "cases:monitoring_add", CASE_WRITERS),
    R("GET", "cases:summary_pdf", CASE_READERS),
    R("POST", "cases:summary_pdf", CASE_READERS, note="answers POST as GET"),
    R("GET", "cases:notifications", "*"),
    R("POST", "cases:notification_read", "caseworker_bpp"),
    R("POST", "cases:notifications_read_all", "*"),
    # services on a case (naungan/services)
    R("GET", "services:case_services", CASE_READERS),
    R("POST", "services:case_services", CASE_READERS, note="answers POST as GET"),
    R(
        "POST",
        "services:open",
        CASE_WRITERS,
        data={"service": "outreach", "planned_at": "2030-01-01T10:00", "team": "Rina"},
    ),
    R("POST", "services:partner_clock", CASE_WRITERS, data={"clock": "lpsk_request"}),
    R("GET", "services:episode", CASE_READERS),
    R("POST", "services:episode", CASE_READERS, note="answers POST as GET"),
    R("POST", "services:end", CASE_WRITERS, data={"outcome": "Selesai"}),
    R("POST", "services:discharge", CASE_WRITERS, ids=STAY, data={"destination": "Rumah ibu"}),
    R(
        "POST",
        "services:extension",
        CASE_WRITERS,
        ids=STAY,
        data={"until": "2030-01-01", "reason": "Belum aman"},
    ),
    R(
        "POST",
        "services:extension_decide",
        CASE_WRITERS,
        ids=STAY,
        data={"approve": "no", "note": "Belum"},
        note="a caseworker is told only a supervisor decides",
    ),
    R(
        "POST",
        "services:visit_plan",
        CASE_WRITERS,
        data={"planned_at": "2030-01-01T10:00", "team": "Rina"},
    ),
    R(
        "POST",
        "services:visit_safety",
        CASE_WRITERS,
        data={"perpetrator_present": "no", "safe_for_victim": "yes"},
    ),
    R("POST", "services:visit_depart", CASE_WRITERS),
    R("POST", "services:visit_result", CASE_WRITERS, data={"result": "found"}),
    R("POST", "services:session", CASE_WRITERS, ids=MEDIATION, data={"parties": "Klien"}),
    R("POST", "services:agreement", CASE_WRITERS, ids=MEDIATION, data={"agreement": "Sepakat"}),
    R(
        "POST",
        "services:next_hearing",
        CASE_WRITERS,
        ids=ACCOMPANIMENT,
        data={"next_hearing_at": "2030-01-01T10:00"},
    ),
    R("GET", "services:occupancy", "caseworker supervisor"),
    # trainings and competencies (naungan/training)
    R("GET", "training:list", TRAINING_READERS),
    R("GET", "training:create", TRAINING_MANAGERS),
    R("POST", "training:create", TRAINING_MANAGERS, note="an empty form answers 422"),
    R("GET", "training:detail", f"{TRAINING_MANAGERS_BPP} {TRAINED}"),
    R("POST", "training:participants_add", TRAINING_MANAGERS_BPP),
    R("POST", "training:results", TRAINING_MANAGERS_BPP, data={"attended_x": "on"}),
    R("GET", "training:certificate", f"{TRAINING_MANAGERS_BPP} caseworker_bpp"),
    R(
        "GET",
        "training:certificate",
        f"{TRAINING_MANAGERS_BPP} activist_bpp",
        ids={"participant_id": "activist_participant"},
        note="the activist's own certificate; the caseworker gets 404",
    ),
    R("GET", "training:mine", TRAINING_READERS),
    R("GET", "training:expiring", f"{TRAINING_MANAGERS} analyst", note="analysts: activists"),
    # The public check of a certificate by its verification code (no login): the form, the
    # world's caseworker's certificate by its code (a random code answers the same 404).
    R("GET", "training:verify", "public", note="the form"),
    R("GET", "training:verify", "public", data={"kode": "{verification_code}"}, note="a code"),
    R("GET", "training:grant", TRAINING_MANAGERS),
    R("POST", "training:grant", TRAINING_MANAGERS, note="an empty form answers 422"),
    # statistics (naungan/stats): aggregates of the user's own area, by default
    R("GET", "stats:dashboard", STATS_READERS),
    R("GET", "stats:simfoni_csv", STATS_READERS),
    R("GET", "stats:simfoni_xlsx", STATS_READERS),
    R("GET", "stats:reports", STATS_READERS),
    R(
        "GET",
        "stats:report_download",
        "supervisor_bpp",
        note="the supervisors' version of Balikpapan's report; analysts have their own",
    ),
    # The directory of partner providers: every staff role; a provider's page for those whose
    # area it serves (the world's Posbakum of Balikpapan).
    R("GET", "orgs:directory", "*"),
    R("GET", "orgs:provider", BPP_STAFF),
    # referrals (naungan/referrals): the queue or the provider's portal, one referral, its
    # answers (the addressed provider only), withdrawal (the case's writers), the letter
    R("GET", "referrals:list", "intake caseworker supervisor provider"),
    R("GET", "referrals:detail", REFERRAL_READERS),
    R("POST", "referrals:detail", REFERRAL_READERS, note="answers POST as GET"),
    R("GET", "referrals:letter", REFERRAL_PRINTERS),
    R("POST", "referrals:letter", REFERRAL_PRINTERS, note="answers POST as GET"),
    R("POST", "referrals:accept", "provider_bpp"),
    R("POST", "referrals:decline", "provider_bpp", data={"reason": "Kuota penuh"}),
    R(
        "POST",
        "referrals:complete",
        "provider_bpp",
        ids={"referral_id": "accepted_referral"},
        data={"outcome": "Didampingi"},
    ),
    R(
        "POST",
        "referrals:withdraw",
        CASE_WRITERS,
        refused=READER_ONLY,
        data={"reason": "Korban pindah"},
    ),
    R(
        "POST",
        "referrals:consent_withdraw",
        CASE_WRITERS,
        refused=READER_ONLY,
        data={"reason": "Korban menelepon"},
    ),
    R("GET", "referrals:create", CASE_WRITERS),
    R(
        "POST",
        "referrals:create",
        CASE_WRITERS,
        data={
            "service_type": "legal_aid",
            "organisation": "t-posbakum-bpp",
            "given_by": "guardian",
            "guardian_name": "Ibu Siti",
            "categories": ["identity"],
        },
    ),
    # risk assessment, conferences, safety plans (naungan/risk)
    R("GET", "risk:case_risk", CASE_READERS),
    R("GET", "risk:assess", CASE_WRITERS),
    R("POST", "risk:assess", CASE_WRITERS, data={"instrumen": "dash", "q1": "yes"}),
    R("GET", "risk:result", CASE_READERS),
    R(
        "POST",
        "risk:judge",
        CASE_WRITERS,
        data={"professional_judgement": "high", "judgement_reason": "Ancaman baru"},
    ),
    R("GET", "risk:conferences", CASE_READERS),
    R("GET", "risk:conference_new", CASE_WRITERS),
    R("POST", "risk:conference_new", CASE_WRITERS, data={"held_on": "2026-01-05"}),
    R("GET", "risk:conference", CASE_READERS),
    R(
        "POST",
        "risk:conference_action",
        CASE_WRITERS,
        data={"description": "Rujuk psikolog", "owner": "{caseworker_pk}", "due_on": "2030-01-01"},
    ),
    R("GET", "risk:safety_plans", CASE_READERS),
    R(
        "POST",
        "risk:safety_plans",
        CASE_WRITERS,
        data={"review_on": "2030-01-01", "code_word": "Mangga"},
    ),
    R("GET", "risk:safety_plan_print", CASE_READERS),
    # the activists' offline field app (naungan/offline): the service worker (no record), the
    # field report form of the app shell, the session sync (a form body is not JSON: 400),
    # the devices that synced (an activist's own, a supervisor's area's) and their revocation
    R("GET", "offline:sw", "public"),
    R("GET", "offline:report_new", "activist"),
    # the accompaniment log of the app shell: every activist (it lists their own open briefs)
    R("GET", "offline:accompaniment_log_new", "activist"),
    R("POST", "offline:accompaniment_log_new", "activist", data={"place": "Polres"}),
    R("GET", "offline:sync", "activist"),
    R("POST", "offline:sync", "activist", data={"items": "[]"}, note="not JSON: 400"),
    R("GET", "offline:devices", "activist supervisor"),
    R("POST", "offline:device_revoke", "activist_bpp supervisor_bpp"),
    R("GET", "offline:activity_edit", "activist_bpp", note="the activity's author only"),
    R("POST", "offline:activity_edit", "activist_bpp", data={"topic": "Ubah"}),
]

# The API lines are in ``matrix_api.py``.
