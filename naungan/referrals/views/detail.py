"""One referral's page and the actions on it. The addressed provider sees the case's data of
the consented categories only (absent, not masked) and accepts, declines or reports back; the
case's writers withdraw the referral or its consent and print the letter; the case's readers
see its status and feedback. Everyone else: 404, as a missing record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import Role, User
from naungan.cases.exceptions import NotPermitted
from naungan.core.exceptions import DomainError
from naungan.core.http import download_response, error_text, form_errors_add

from .. import selectors, services
from ..forms.referrals import CATEGORY_LABELS, CompleteForm, ReasonForm
from ..models import DataCategory, Referral, ReferralStatus

Handler = Callable[[HttpRequest, User, Referral, Any], str]


def consented_labels(referral: Referral) -> list[str]:
    """The consented categories in words, in the categories' order."""
    chosen = set(referral.consent.categories or [])
    return [str(CATEGORY_LABELS[DataCategory(c)]) for c in DataCategory.values if c in chosen]


def detail_context(request: HttpRequest, user: User, referral: Referral) -> dict[str, Any]:
    provider = selectors.referral_is_addressed_to(user=user, referral=referral)
    writer = not provider and selectors.referral_is_writable(user=user, referral=referral)
    shares = selectors.referral_shares(referral)
    context: dict[str, Any] = {
        "referral": referral,
        "case": referral.case,
        "zone": referral.case.area.timezone,
        "is_provider": provider,
        "can_write": writer,
        "shares": shares,
        "can_letter": shares and (provider or writer),
        "categories": consented_labels(referral),
        "events": list(selectors.referral_events(referral=referral)),
        "statuses": ReferralStatus,
        "decline_form": ReasonForm(),
        "complete_form": CompleteForm(),
        "withdraw_form": ReasonForm(),
        "consent_form": ReasonForm(),
        "refusal": "",
    }
    if provider:
        # The provider's read is audited and kept in the sharing record.
        context["packet"] = services.referral_read(actor=user, referral=referral, request=request)
    if writer:
        context["sharings"] = list(selectors.referral_sharings(referral=referral)[:20])
    return context


def render_detail(
    request: HttpRequest, user: User, referral: Referral, *, status: int = 200, **extra: Any
) -> HttpResponse:
    context = detail_context(request, user, referral) | extra
    return render(request, "referrals/detail.html", context, status=status)


@login_required
def referral_page(request: HttpRequest, referral_id: UUID) -> HttpResponse:
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    return render_detail(request, user, referral)


def _may(user: User, referral: Referral, who: str) -> None:
    """Provider actions: the addressed provider only (404 for everyone else). Writer actions:
    the case's writers; a provider gets 404, a reader of the case 403 (as the services do)."""
    if who == "provider":
        if not selectors.referral_is_addressed_to(user=user, referral=referral):
            raise Http404
        return
    if selectors.referral_is_writable(user=user, referral=referral):
        return
    if user.role == Role.PROVIDER:
        raise Http404
    raise PermissionDenied(NotPermitted().message)


def referral_action(
    who: str, form_key: str | None = None, form_class: type[forms.Form] | None = None
) -> Callable[[Handler], Callable[..., HttpResponse]]:
    """A POST on one referral. The handler calls the service and returns the success message.
    An invalid form shows the referral's page again with the text kept and the error next to
    the field (422); a transition not allowed shows its message (409); a record the user may
    not act on answers as a missing one (404)."""

    def decorate(handler: Handler) -> Callable[..., HttpResponse]:
        @login_required
        @require_POST
        def view(request: HttpRequest, referral_id: UUID) -> HttpResponse:
            user = request_user(request)
            referral = selectors.referral_get(user=user, referral_id=referral_id)
            _may(user, referral, who)
            form = form_class(request.POST) if form_class is not None else None
            status, refusal = 422, ""
            if form is None or form.is_valid():
                try:
                    message = handler(request, user, referral, form)
                except ValidationError as exc:
                    if form is not None:
                        form_errors_add(form, exc)
                    else:
                        refusal = error_text(exc)
                except DomainError as exc:
                    if exc.status == 404:
                        raise Http404 from exc
                    if exc.status == 403:
                        raise PermissionDenied(exc.message) from exc
                    status, refusal = exc.status, exc.message
                else:
                    messages.success(request, message)
                    if who == "writer" and request.POST.get("next") == "case":
                        url = reverse("cases:detail", args=[referral.case.public_id])
                        return redirect(f"{url}#rujukan")
                    return redirect("referrals:detail", referral_id=referral.pk)
            fresh = selectors.referral_get(user=user, referral_id=referral.pk)
            extra: dict[str, Any] = {"refusal": refusal}
            if form_key and form is not None:
                extra[form_key] = form
            return render_detail(request, user, fresh, status=status, **extra)

        view.__name__ = handler.__name__
        view.__doc__ = handler.__doc__
        return view

    return decorate


@referral_action("provider")
def accept(request: HttpRequest, user: User, referral: Referral, form: Any) -> str:
    """The provider accepts the referral."""
    services.referral_accept(actor=user, referral=referral)
    return _("Rujukan diterima. Laporkan hasilnya setelah layanan diberikan.")


@referral_action("provider", "decline_form", ReasonForm)
def decline(request: HttpRequest, user: User, referral: Referral, form: ReasonForm) -> str:
    """The provider declines the referral with a reason."""
    services.referral_decline(actor=user, referral=referral, reason=form.cleaned_data["reason"])
    return _("Rujukan ditolak. Alasannya dikirim kepada petugas kasus.")


@referral_action("provider", "complete_form", CompleteForm)
def complete(request: HttpRequest, user: User, referral: Referral, form: CompleteForm) -> str:
    """The provider reports the service given and its outcome."""
    services.referral_complete(
        actor=user,
        referral=referral,
        outcome=form.cleaned_data["outcome"],
        service_given=form.cleaned_data["service_given"],
    )
    return _("Hasil layanan dilaporkan. Terima kasih.")


@referral_action("writer", "withdraw_form", ReasonForm)
def withdraw(request: HttpRequest, user: User, referral: Referral, form: ReasonForm) -> str:
    """The caseworker withdraws the referral with a reason."""
    services.referral_withdraw(actor=user, referral=referral, reason=form.cleaned_data["reason"])
    return _("Rujukan %(ref)s ditarik.") % {"ref": referral.reference}


@referral_action("writer", "consent_form", ReasonForm)
def consent_withdraw(request: HttpRequest, user: User, referral: Referral, form: ReasonForm) -> str:
    """The victim (or guardian) withdraws the consent: nothing more is shared."""
    services.consent_withdraw(
        actor=user, consent=referral.consent, reason=form.cleaned_data["reason"]
    )
    return _("Persetujuan ditarik: data korban tidak lagi dibagikan kepada %(org)s.") % {
        "org": referral.organisation.name
    }


@login_required
def letter(request: HttpRequest, referral_id: UUID) -> HttpResponse:
    """The referral letter (PDF) for the addressed provider and the case's writers; after a
    withdrawn consent or a declined or withdrawn referral, the page says why not (409)."""
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    try:
        pdf = services.referral_letter_pdf(actor=user, referral=referral, request=request)
    except DomainError as exc:
        if exc.status == 404:
            raise Http404 from exc
        return render_detail(request, user, referral, status=exc.status, refusal=exc.message)
    return download_response(
        pdf, filename=services.referral_letter_filename(referral), content_type="application/pdf"
    )
