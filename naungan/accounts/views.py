from __future__ import annotations

from typing import cast

from allauth.core.exceptions import ReauthenticationRequired
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from naungan.core.http import remember_language

from .access import signed_in_recently
from .forms import PreferencesForm
from .models import ApiToken, User
from .selectors import tokens_of, user_has_second_factor
from .services import token_issue, token_revoke, user_language_set


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """The user's own settings: the language of their pages and of every e-mail sent to them.
    Saving also sets this browser session's language (the switch's cookie), so the choice
    shows at once even where the header switch had chosen the other language."""
    user = cast(User, request.user)
    form = PreferencesForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        user_language_set(user=user, language=form.cleaned_data["language"])
        translation.activate(user.preferred_language)
        messages.success(request, _("Pengaturan disimpan."))
        return remember_language(redirect("preferences"), user.preferred_language)
    return render(request, "accounts/preferences.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """List the user's API tokens; issue a new one (shown once) or revoke one. Issuing needs
    the second factor where the role requires it and a recent sign-in: a stolen or unattended
    session must not turn into a long-lived credential."""
    user = cast(User, request.user)
    new_token = None
    if request.method == "POST":
        if "revoke" in request.POST:
            try:
                token_revoke(user=user, token_id=int(request.POST["revoke"]))
            except (ApiToken.DoesNotExist, ValueError) as exc:
                raise Http404 from exc
            messages.success(request, _("Token dicabut."))
            return redirect("tokens")
        if user.requires_second_factor and not user_has_second_factor(user):
            messages.error(request, _("Aktifkan verifikasi dua langkah sebelum membuat token."))
            return redirect("mfa_activate_totp")
        if not signed_in_recently(request):
            # allauth's middleware keeps this request, asks for the password (or TOTP) again
            # and then replays it.
            messages.info(request, _("Demi keamanan, masuk kembali untuk membuat token API."))
            raise ReauthenticationRequired()
        name = request.POST.get("name", "").strip()[:100]
        new_token = token_issue(user=user, name=name)
    return render(
        request,
        "accounts/tokens.html",
        {
            "tokens": tokens_of(user=user),
            "new_token": new_token,
            "max_age_days": settings.TOKEN_MAX_AGE_DAYS,
        },
    )
