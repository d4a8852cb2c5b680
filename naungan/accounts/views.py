from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .models import ApiToken, User
from .selectors import tokens_of
from .services import token_issue, token_revoke


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """List the user's API tokens; issue a new one (shown once) or revoke one."""
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
        name = request.POST.get("name", "").strip()[:100]
        new_token = token_issue(user=user, name=name)
    return render(
        request, "accounts/tokens.html", {"tokens": tokens_of(user=user), "new_token": new_token}
    )
