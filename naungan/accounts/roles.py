"""Named role sets: who may call an action, said once.

Views, API endpoints, services and templates name one of these sets instead of writing a tuple
of role strings (``@role_required(CASE_CREATORS)``, ``user_in(user, CASE_WRITERS)``,
``{% if user|in_roles:"CASE_CREATORS" %}``). A set says which roles may reach a kind of page
or action at all; *which records* they reach is the selectors' business (area, assignment).
"""

from __future__ import annotations

from typing import Any

from .models import Role

# Roles that work with cases at all: caseworkers (their assigned cases), supervisors (their
# area), intake officers (the cases they created, read only). Everyone else: 404.
CASE_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR, Role.INTAKE})
# Who opens a case (from a report or directly): intake officers and supervisors (CONTRACT §4).
CASE_CREATORS = frozenset({Role.INTAKE, Role.SUPERVISOR})
# Roles that may write on a case they see (the case's assignment or area decides which).
CASE_WRITER_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR})
# Who can be assigned to a case.
ASSIGNABLE_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR})
# The intake desk: the report queue in scope (CONTRACT §3 /laporan/).
REPORT_DESK = frozenset({Role.INTAKE, Role.SUPERVISOR})
# Who records a report taken by staff (hotline, walk-in) or in the field.
REPORT_TAKERS = frozenset({Role.INTAKE, Role.SUPERVISOR, Role.ACTIVIST})
# PPATBM activists: the reports (and activities) they record themselves.
ACTIVISTS = frozenset({Role.ACTIVIST})
# Caseworkers only (e.g. the empty case list tells them a supervisor will assign cases).
CASEWORKERS = frozenset({Role.CASEWORKER})
# Supervisors only: assignment, approvals, transfers, caseloads, exports.
SUPERVISORS = frozenset({Role.SUPERVISOR})
# Who reads the audit log (supervisors: their area; administrators: everything).
AUDIT_READERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
# Statistics (CONTRACT §3 /statistik/).
STATISTICS_READERS = frozenset({Role.SUPERVISOR, Role.ANALYST})
ADMINS = frozenset({Role.ADMIN})
# Partner providers: the referrals addressed to their own organisation (DESIGN §9).
PROVIDERS = frozenset({Role.PROVIDER})
# Who sees referrals at all: the case roles (referrals of the cases they see) and providers
# (their organisation's). Analysts, activists and administrators: 404.
REFERRAL_READERS = CASE_ROLES | PROVIDERS
# Trainings and competencies (naungan/training): supervisors and the dinas's administrators
# record trainings and competencies in their area (trainings are not case content, so the
# administrator's "no case content" rule does not keep them out).
TRAINING_MANAGERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
# Who holds competencies and takes part in trainings: the UPTD PPA's staff and the PPATBM
# activists, one standard for all (DESIGN §10); each sees their own.
COMPETENCY_HOLDERS = frozenset({Role.ACTIVIST, Role.INTAKE, Role.CASEWORKER, Role.SUPERVISOR})
# Who reaches the training pages at all (their own, or their area's).
TRAINING_READERS = TRAINING_MANAGERS | COMPETENCY_HOLDERS
# Every staff role: the directory of partner providers (public information, no case data).
STAFF_ROLES = frozenset(Role.values)
# The community tier (DESIGN §10). Who sees the PPATBM coverage of a kecamatan or the city and
# manages groups' members: supervisors (and the dinas' data staff, analysts, for coverage).
COMMUNITY_COORDINATORS = frozenset({Role.SUPERVISOR, Role.ANALYST})
GROUP_MANAGERS = frozenset({Role.SUPERVISOR})
# Monthly prevention summaries: activists (their kelurahan), supervisors and analysts (area).
ACTIVITY_SUMMARY_READERS = frozenset({Role.ACTIVIST, Role.SUPERVISOR, Role.ANALYST})
# The coordinators of the community tier who are no case worker: analysts, the dinas' data staff
# and the kecamatan's Kasi Kessos (an analyst account of the kecamatan office whose area is the
# kecamatan, docs/community.md). Their home page shows the coordination work of their area.
PREVENTION_COORDINATORS = frozenset({Role.ANALYST})
# Who records a new partner of a PPATBM group of their area ("the kecamatan connects new
# partners", DESIGN §10): the group's supervisors and the coordinators (partners are public
# organisations, no personal or case data).
PARTNER_CONNECTORS = GROUP_MANAGERS | PREVENTION_COORDINATORS
# Who sees which activists of their area need a training before a competency expires: the
# training managers (everyone who holds competencies in their area) and the coordinators (the
# activists of their area only: the names of volunteers, never of anyone in a case).
COMPETENCY_EXPIRY_READERS = TRAINING_MANAGERS | PREVENTION_COORDINATORS

ROLE_SETS: dict[str, frozenset[str]] = {
    "CASE_ROLES": CASE_ROLES,
    "CASE_CREATORS": CASE_CREATORS,
    "CASE_WRITER_ROLES": CASE_WRITER_ROLES,
    "ASSIGNABLE_ROLES": ASSIGNABLE_ROLES,
    "REPORT_DESK": REPORT_DESK,
    "REPORT_TAKERS": REPORT_TAKERS,
    "ACTIVISTS": ACTIVISTS,
    "CASEWORKERS": CASEWORKERS,
    "SUPERVISORS": SUPERVISORS,
    "AUDIT_READERS": AUDIT_READERS,
    "STATISTICS_READERS": STATISTICS_READERS,
    "ADMINS": ADMINS,
    "PROVIDERS": PROVIDERS,
    "REFERRAL_READERS": REFERRAL_READERS,
    "TRAINING_MANAGERS": TRAINING_MANAGERS,
    "COMPETENCY_HOLDERS": COMPETENCY_HOLDERS,
    "TRAINING_READERS": TRAINING_READERS,
    "STAFF_ROLES": STAFF_ROLES,
    "COMMUNITY_COORDINATORS": COMMUNITY_COORDINATORS,
    "GROUP_MANAGERS": GROUP_MANAGERS,
    "ACTIVITY_SUMMARY_READERS": ACTIVITY_SUMMARY_READERS,
    "PREVENTION_COORDINATORS": PREVENTION_COORDINATORS,
    "PARTNER_CONNECTORS": PARTNER_CONNECTORS,
    "COMPETENCY_EXPIRY_READERS": COMPETENCY_EXPIRY_READERS,
}


def user_in(user: Any, roles: frozenset[str]) -> bool:
    """Whether ``user`` is a signed-in, active staff member whose role is in ``roles``."""
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and getattr(user, "role", "") in roles
    )
