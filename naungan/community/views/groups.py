"""Group pages: the activist's own group (the chair also sees the group's report counts), the
supervisor's group page with members, partners and profile, and the coverage view."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from naungan.accounts.access import role_required
from naungan.accounts.models import Role, User
from naungan.accounts.roles import (
    ACTIVISTS,
    COMMUNITY_COORDINATORS,
    GROUP_MANAGERS,
    PARTNER_CONNECTORS,
    user_in,
)
from naungan.areas.models import Area, AreaLevel
from naungan.core.exceptions import DomainError
from naungan.core.http import form_errors_add
from naungan.orgs.models import Organisation

from .. import selectors, services
from ..forms.groups import MemberEndForm, MemberForm, PartnerForm, ProfileForm
from ..models import GroupProfile, Membership
from ._common import not_found_as_404


@role_required(ACTIVISTS)
def my_group(request: HttpRequest) -> HttpResponse:
    membership = selectors.current_membership(request.user)
    context: dict[str, object] = {"membership": membership}
    if membership is not None:
        group = membership.group
        context.update(
            group=group,
            members=list(selectors.group_members(group, current=True)),
            partners=list(group.ppatbm_partners.all()),  # type: ignore[attr-defined]
            profile=GroupProfile.objects.filter(group=group).first(),
            is_chair=selectors.is_chair(request.user, group),
        )
        if context["is_chair"]:
            context["counts"] = selectors.group_report_counts(group)
    return render(request, "community/my_group.html", context)


def _candidates(group: Organisation) -> object:
    """Activist accounts of the group's kelurahan that are no current member of any group."""
    current = Membership.objects.filter(left_on__isnull=True).values("user_id")
    return (
        User.objects.filter(role=Role.ACTIVIST, is_active=True, area=group.area)
        .exclude(pk__in=current)
        .order_by("first_name", "last_name", "username")
    )


def _group_page(request: HttpRequest, group: Organisation, **forms: object) -> HttpResponse:
    profile = GroupProfile.objects.filter(group=group).first()
    context = {
        "group": group,
        "profile": profile,
        "current": list(selectors.group_members(group, current=True)),
        "former": list(selectors.group_members(group, current=False)),
        "partners": list(group.ppatbm_partners.all()),
        "counts": selectors.group_report_counts(group),
        "profile_form": forms.get("profile_form")
        or ProfileForm(
            initial={
                "rt_total": profile.rt_total if profile else 0,
                "contact_name": profile.contact_name if profile else "",
                "contact_phone": profile.contact_phone if profile else "",
            }
        ),
        "member_form": forms.get("member_form") or MemberForm(candidates=_candidates(group)),
        "partner_form": forms.get("partner_form") or PartnerForm(),
        "end_form": MemberEndForm(),
    }
    status = 422 if any(forms.values()) else 200
    return render(request, "community/group.html", context, status=status)


@role_required(GROUP_MANAGERS)
@require_http_methods(["GET", "POST"])
@not_found_as_404
def group_detail(request: HttpRequest, group_slug: str) -> HttpResponse:
    """A group as its supervisors manage it; POST updates the profile."""
    group = selectors.group_managed_get(user=request.user, slug=group_slug)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.group_profile_update(actor=request.user, group=group, **form.cleaned_data)
                messages.success(request, _("Profil kelompok disimpan."))
                return redirect("community:group", group_slug=group.slug)
            except (ValidationError, DomainError) as exc:
                form_errors_add(form, exc)
        return _group_page(request, group, profile_form=form)
    return _group_page(request, group)


@role_required(GROUP_MANAGERS)
@require_POST
@not_found_as_404
def member_add(request: HttpRequest, group_slug: str) -> HttpResponse:
    group = selectors.group_managed_get(user=request.user, slug=group_slug)
    form = MemberForm(request.POST, candidates=_candidates(group))
    if form.is_valid():
        try:
            services.membership_add(actor=request.user, group=group, member=form.to_input())
            messages.success(request, _("Anggota ditambahkan."))
            return redirect("community:group", group_slug=group.slug)
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
    return _group_page(request, group, member_form=form)


@role_required(GROUP_MANAGERS)
@require_POST
@not_found_as_404
def member_end(request: HttpRequest, group_slug: str, membership_id: str) -> HttpResponse:
    group = selectors.group_managed_get(user=request.user, slug=group_slug)
    membership = selectors.membership_get(
        user=request.user, group=group, membership_id=membership_id
    )
    form = MemberEndForm(request.POST)
    if form.is_valid():
        try:
            services.membership_end(
                actor=request.user, membership=membership, left_on=form.cleaned_data["left_on"]
            )
            messages.success(request, _("Keanggotaan diakhiri; riwayatnya tetap tercatat."))
        except (ValidationError, DomainError) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("community:group", group_slug=group.slug)


def _partners_page(
    request: HttpRequest, group: Organisation, form: PartnerForm | None = None
) -> HttpResponse:
    """The group's partners and the form for a new one, for a coordinator (the Kasi Kessos):
    no member, no report count, only the partners (public organisations)."""
    return render(
        request,
        "community/partners.html",
        {
            "group": group,
            "partners": list(group.ppatbm_partners.all()),  # type: ignore[attr-defined]
            "partner_form": form or PartnerForm(),
        },
        status=422 if form is not None else 200,
    )


@role_required(PARTNER_CONNECTORS)
@require_http_methods(["GET", "POST"])
@not_found_as_404
def partner_add(request: HttpRequest, group_slug: str) -> HttpResponse:
    """A new partner of a group: its supervisors (from the group page) and the coordinators of
    its area (``PARTNER_CONNECTORS``: the kecamatan connects new partners, DESIGN §10)."""
    group = selectors.group_partnered_get(user=request.user, slug=group_slug)
    manager = user_in(request.user, GROUP_MANAGERS)
    if request.method == "GET":
        return _partners_page(request, group)
    form = PartnerForm(request.POST)
    if form.is_valid():
        try:
            services.partner_add(actor=request.user, group=group, **form.cleaned_data)
            messages.success(request, _("Mitra ditambahkan."))
            if manager:
                return redirect("community:group", group_slug=group.slug)
            return redirect("community:partner_add", group_slug=group.slug)
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
    if manager:
        return _group_page(request, group, partner_form=form)
    return _partners_page(request, group, form)


@role_required(GROUP_MANAGERS)
@require_POST
@not_found_as_404
def group_create(request: HttpRequest) -> HttpResponse:
    """Form the group of a kelurahan without one (from the coverage view)."""
    code = request.POST.get("area_code", "")
    try:
        group = services.group_create(actor=request.user, kelurahan_code=code)
    except DomainError as exc:
        if exc.status == 404:
            raise
        messages.error(request, exc.message)
        return redirect(f"{reverse('community:coverage')}?area={code[:8]}")
    messages.success(request, _("Kelompok dibentuk. Tambahkan anggotanya."))
    return redirect("community:group", group_slug=group.slug)


@role_required(COMMUNITY_COORDINATORS)
@not_found_as_404
def coverage(request: HttpRequest) -> HttpResponse:
    """Kelurahan with and without an active group, RTs with and without a member, per
    kecamatan (``?area=`` a kecamatan) or for the whole city (the default: the user's area)."""
    area = selectors.coverage_area(user=request.user, area_code=request.GET.get("area", ""))
    districts = selectors.coverage(user=request.user, area=area)
    choices = _area_choices(request.user)
    return render(
        request,
        "community/coverage.html",
        {
            "area": area,
            "districts": districts,
            "single": area.level == AreaLevel.DISTRICT,
            "area_choices": choices,
            "can_manage": user_in(request.user, GROUP_MANAGERS),
            "can_connect": user_in(request.user, PARTNER_CONNECTORS),
        },
    )


def _area_choices(user: object) -> list[tuple[str, str]]:
    area: Area | None = getattr(user, "area", None)
    if area is None:
        return []
    out = [(area.code, area.name)] if area.level != AreaLevel.VILLAGE else []
    districts = (
        Area.objects.filter(area.contains_q(), level=AreaLevel.DISTRICT)
        .exclude(pk=area.pk)  # a kecamatan account: its kecamatan once
        .order_by("name")
    )
    if area.level == AreaLevel.PROVINCE:
        districts = districts.none()
        regencies = Area.objects.filter(area.contains_q(), level=AreaLevel.REGENCY).order_by("name")
        out += [(a.code, a.name) for a in regencies]
    out += [(a.code, a.name) for a in districts]
    return out
