"""The parties of a case after it was opened: add one (search first), correct one, remove one
entered by mistake. The case's writers only (everyone else: the 404 of a missing case)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors, services
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.people import PartyForm, PartyRemoveForm
from naungan.cases.models import Case, CaseParty, CaseStatus, PartyRole
from naungan.cases.services import PersonIn
from naungan.cases.views.cases import form_errors_add

MATCH_LABELS = {
    "nik": gettext_lazy("NIK"),
    "phone": gettext_lazy("telepon"),
    "name": gettext_lazy("nama dan usia"),
}


def _writable_open_case(request: HttpRequest, case_id: UUID) -> tuple[User, Case] | None:
    """The case, when the user writes on it; ``None`` (after a message) when it is closed."""
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    if case.status == CaseStatus.CLOSED:
        messages.error(request, _("Kasus sudah ditutup; buka kembali kasus untuk mengubah pihak."))
        return None
    return user, case


def _guardian_of(case: Case, form: PartyForm) -> CaseParty | None:
    value = form.cleaned_data.get("guardian_of")
    if form.role_value != PartyRole.GUARDIAN or not value:
        return None
    return selectors.case_party_get(case=case, party_id=value)


def _duplicates(user: User, data: PersonIn, exclude: Any = None) -> list[dict[str, Any]]:
    """Search before create for the typed person; out-of-scope matches are only recorded."""
    matches, hidden = selectors.party_duplicates(
        user=user,
        nik=data.nik,
        phone=data.phone,
        name=data.name,
        birth_year=data.birth_date.year if data.birth_date else None,
        age=data.age,
        exclude_person=exclude,
    )
    services.match_hidden_alert(actor=user, cases=hidden)
    for m in matches:
        m["match_label"] = MATCH_LABELS.get(m["match"], m["match"])
        m["role_label"] = PartyRole(m["role"]).label
    return matches


@login_required
@require_http_methods(["GET", "POST"])
def party_add(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Add a party. "Cari dulu" lists people already recorded who may be this one (link one
    instead of entering them twice); saving a new person who matches someone shows the matches
    first and asks again ("Tetap simpan sebagai orang baru")."""
    found = _writable_open_case(request, case_id)
    if found is None:
        return redirect("cases:detail", case_id=case_id)
    user, case = found
    initial = {"role": request.GET.get("peran", PartyRole.WITNESS)}
    form = PartyForm(request.POST or None, case=case, initial=initial)
    matches: list[dict[str, Any]] | None = None
    status = 200
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "save")
        data = form.to_person()
        if action == "search" or (action == "save" and not data.person_id):
            matches = _duplicates(user, data)
        if action == "save_new" or (action == "save" and (data.person_id or not matches)):
            try:
                party = services.party_add(
                    actor=user,
                    case=case,
                    role=form.role_value,
                    person=data,
                    guardian_of=_guardian_of(case, form),
                )
            except (ValidationError, CaseError) as exc:
                form_errors_add(form, exc)
                status = 422
            else:
                messages.success(
                    request, _("Pihak ditambahkan: %(role)s.") % {"role": party.get_role_display()}
                )
                return redirect("cases:detail", case_id=case.public_id)
    elif request.method == "POST":
        status = 422
    context = {
        "case": case,
        "form": form,
        "matches": matches,
        "warn_duplicates": bool(matches) and request.POST.get("action") == "save",
    }
    return render(request, "cases/party_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def party_edit(request: HttpRequest, case_id: UUID, party_id: UUID) -> HttpResponse:
    """Correct a party's details; the audit names the fields changed."""
    found = _writable_open_case(request, case_id)
    if found is None:
        return redirect("cases:detail", case_id=case_id)
    user, case = found
    party = selectors.case_party_get(case=case, party_id=party_id)
    form = PartyForm(
        request.POST or None, case=case, party=party, initial=PartyForm.initial_for(party)
    )
    if request.method == "POST":
        if form.is_valid():
            data = form.to_person()
            name_changed = data.name.strip() != party.person.name
            try:
                services.party_update(
                    actor=user, party=party, person=data, guardian_of=_guardian_of(case, form)
                )
            except (ValidationError, CaseError) as exc:
                form_errors_add(form, exc)
            else:
                messages.success(request, _("Data pihak diperbarui."))
                others = [
                    m
                    for m in _duplicates(user, data, exclude=party.person)
                    if m["match"] != "name" or name_changed
                ]
                if others:
                    messages.warning(
                        request,
                        _(
                            "Orang yang mungkin sama sudah tercatat pada kasus %(cases)s. "
                            "Periksa apakah ini data ganda."
                        )
                        % {
                            "cases": ", ".join(
                                sorted({m["case"].registration_number for m in others})
                            )
                        },
                    )
                return redirect("cases:detail", case_id=case.public_id)
        return _render_edit(request, user, case, party, form=form, status=422)
    services.case_read_audit(actor=user, case=case, categories="identity,contact", request=request)
    return _render_edit(request, user, case, party, form=form)


def _render_edit(
    request: HttpRequest,
    user: User,
    case: Case,
    party: CaseParty,
    *,
    form: PartyForm,
    remove_form: PartyRemoveForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "case": case,
        "party": party,
        "form": form,
        "remove_form": remove_form or PartyRemoveForm(),
        "shared_cases": selectors.person_other_cases(user=user, person=party.person, case=case),
    }
    return render(request, "cases/party_form.html", context, status=status)


@login_required
@require_POST
def party_remove(request: HttpRequest, case_id: UUID, party_id: UUID) -> HttpResponse:
    """Remove a party entered by mistake, with a reason (kept, audited)."""
    found = _writable_open_case(request, case_id)
    if found is None:
        return redirect("cases:detail", case_id=case_id)
    user, case = found
    party = selectors.case_party_get(case=case, party_id=party_id)
    remove_form = PartyRemoveForm(request.POST)
    if remove_form.is_valid():
        try:
            services.party_remove(
                actor=user, party=party, reason=remove_form.cleaned_data["reason"]
            )
        except (ValidationError, CaseError) as exc:
            form_errors_add(remove_form, exc)
        else:
            messages.success(
                request,
                _("Pihak dihapus dari kasus: %(role)s.") % {"role": party.get_role_display()},
            )
            return redirect("cases:detail", case_id=case.public_id)
    form = PartyForm(case=case, party=party, initial=PartyForm.initial_for(party))
    return _render_edit(request, user, case, party, form=form, remove_form=remove_form, status=422)
