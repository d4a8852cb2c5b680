"""Writes on PPATBM groups (DESIGN §10): the group's profile, members (role, RW and RTs covered,
joined and left) and partners. Callers: supervisors whose area contains the group's kelurahan
(``GROUP_MANAGERS``); a new partner also the coordinators of its area (``PARTNER_CONNECTORS``:
the kecamatan's Kasi Kessos connects new partners); anyone else gets the 404 of a missing
group."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from naungan.accounts.models import Role, User
from naungan.accounts.roles import GROUP_MANAGERS, PARTNER_CONNECTORS, user_in
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation, OrgKind

from ..exceptions import MembershipConflict, NotFound
from ..models import GroupProfile, GroupRole, Membership, Partner, PartnerKind
from ._common import audit, latest_today, normalize_rt, save


def ensure_group_manager(
    actor: Any, group: Organisation, roles: frozenset[str] = GROUP_MANAGERS
) -> None:
    """Supervisors (or another role set) of an area containing the group's kelurahan; anyone
    else: NotFound."""
    if group.kind != OrgKind.PPATBM or not user_in(actor, roles):
        raise NotFound
    if not actor.in_scope(group.area):
        raise NotFound


@transaction.atomic
def group_create(*, actor: Any, kelurahan_code: str, name: str = "") -> Organisation:
    """Form the PPATBM group of a kelurahan that has none (one per kelurahan, DESIGN §10).
    Callers: supervisors whose area contains the kelurahan; anyone else, and a code that is
    not a kelurahan in scope, NotFound. A kelurahan with a group already: MembershipConflict."""
    from naungan.areas.models import Area, AreaLevel
    from naungan.orgs.services import org_create

    if not user_in(actor, GROUP_MANAGERS):
        raise NotFound
    area = Area.objects.filter(code=(kelurahan_code or "").strip()).first()
    if area is None or area.level != AreaLevel.VILLAGE or not actor.in_scope(area):
        raise NotFound
    if Organisation.objects.filter(kind=OrgKind.PPATBM, area=area).exists():
        raise MembershipConflict(_("Kelurahan ini sudah punya kelompok PPATBM."))
    group = org_create(
        actor=actor,
        slug="ppatbm-" + area.code.replace(".", "-"),
        name=(name or "").strip() or _("PPATBM Kelurahan %(name)s") % {"name": area.name},
        kind=OrgKind.PPATBM,
        area_code=area.code,
    )
    GroupProfile.objects.create(group=group)
    audit(actor, AuditAction.CREATE, group, area.code)
    return group


@dataclass
class MemberIn:
    user: User
    role: str = GroupRole.MEMBER
    rw: str = ""
    rts: list[str] = field(default_factory=list)
    joined_on: dt.date | None = None


def _clean_rts(rts: list[str], errors: dict[str, str]) -> list[str]:
    out: list[str] = []
    for value in rts:
        try:
            rt = normalize_rt(value)
        except ValueError as exc:
            errors["rts"] = str(exc)
            return []
        if rt and rt not in out:
            out.append(rt)
    return sorted(out)


@transaction.atomic
def membership_add(*, actor: Any, group: Organisation, member: MemberIn) -> Membership:
    """Make an activist a current member of ``group``. The activist's account must be scoped
    to the group's kelurahan; a person is a current member of one group only; a group has one
    current chair and one current secretary (refused with MembershipConflict, 409)."""
    ensure_group_manager(actor, group)
    errors: dict[str, str] = {}
    user = member.user
    if user.role != Role.ACTIVIST:
        errors["user"] = _("Hanya akun aktivis PPATBM yang dapat menjadi anggota kelompok.")
    elif user.area_id != group.area_id:
        errors["user"] = _("Wilayah tugas aktivis ini bukan kelurahan kelompok.")
    if member.role not in GroupRole.values:
        errors["role"] = _("Jabatan tidak dikenal.")
    try:
        rw = normalize_rt(member.rw, field="rw")
    except ValueError as exc:
        errors["rw"] = str(exc)
        rw = ""
    rts = _clean_rts(member.rts, errors)
    joined = member.joined_on or latest_today()
    if joined > latest_today():
        errors["joined_on"] = _("Tanggal bergabung tidak boleh di masa depan.")
    if errors:
        raise ValidationError(errors)
    membership = Membership(
        group=group,
        user=user,
        role=member.role,
        rw=rw,
        rts=rts,
        joined_on=joined,
        created_by=actor,
    )
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        raise MembershipConflict(
            _(
                "Aktivis ini sudah anggota kelompok lain, atau kelompok sudah punya ketua / "
                "sekretaris yang masih menjabat."
            )
        ) from None
    audit(actor, AuditAction.CREATE, membership, group.area.code)
    return membership


@transaction.atomic
def membership_end(
    *, actor: Any, membership: Membership, left_on: dt.date | None = None
) -> Membership:
    """Record that a member left (the history stays; a former member reaches nothing more of
    the group)."""
    ensure_group_manager(actor, membership.group)
    left = left_on or latest_today()
    if membership.left_on is not None:
        raise MembershipConflict(_("Anggota ini sudah keluar dari kelompok."))
    if left < membership.joined_on:
        raise ValidationError(
            {"left_on": _("Tanggal keluar tidak boleh sebelum tanggal bergabung.")}
        )
    if left > latest_today():
        raise ValidationError({"left_on": _("Tanggal keluar tidak boleh di masa depan.")})
    membership.left_on = left
    save(membership)
    audit(actor, AuditAction.UPDATE, membership, membership.group.area.code)
    return membership


@transaction.atomic
def group_profile_update(
    *,
    actor: Any,
    group: Organisation,
    rt_total: int,
    contact_name: str = "",
    contact_phone: str = "",
) -> GroupProfile:
    """The number of RTs in the group's kelurahan (for coverage) and the contact."""
    ensure_group_manager(actor, group)
    if rt_total < 0 or rt_total > 999:
        raise ValidationError({"rt_total": _("Jumlah RT harus antara 0 dan 999.")})
    profile, _created = GroupProfile.objects.get_or_create(group=group)
    profile.rt_total = rt_total
    profile.contact_name = contact_name.strip()
    profile.contact_phone = contact_phone.strip()
    save(profile)
    audit(actor, AuditAction.UPDATE, group, group.area.code)
    return profile


@transaction.atomic
def partner_add(
    *,
    actor: Any,
    group: Organisation,
    kind: str,
    name: str,
    contact: str = "",
    since: dt.date | None = None,
    organisation: Organisation | None = None,
) -> Partner:
    """A partner of the group (the kecamatan connects new partners, DESIGN §10): the group's
    supervisors and the coordinators (``PARTNER_CONNECTORS``) of an area containing it."""
    ensure_group_manager(actor, group, PARTNER_CONNECTORS)
    if kind not in PartnerKind.values:
        raise ValidationError({"kind": _("Jenis mitra tidak dikenal.")})
    if not name.strip():
        raise ValidationError({"name": _("Wajib diisi.")})
    if Partner.objects.filter(group=group, name=name.strip()).exists():
        raise ValidationError({"name": _("Mitra dengan nama ini sudah tercatat.")})
    partner = Partner(
        group=group,
        kind=kind,
        name=name.strip(),
        contact=contact.strip(),
        since=since,
        organisation=organisation,
    )
    save(partner)
    audit(actor, AuditAction.CREATE, group, group.area.code, reason="partner")
    return partner
