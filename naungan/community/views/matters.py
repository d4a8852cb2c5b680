"""The micro-matter form: handled at RT level, or reported (violence against a woman or a
child), never settled locally (sexual violence)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from naungan.accounts.access import role_required
from naungan.accounts.roles import ACTIVISTS
from naungan.core.exceptions import DomainError
from naungan.core.http import form_errors_add

from .. import services
from ..forms.matters import RULE_TEXT, MatterForm
from ._common import kelurahan_choices


@role_required(ACTIVISTS)
@require_http_methods(["GET", "POST"])
def matter_new(request: HttpRequest) -> HttpResponse:
    form = MatterForm(request.POST or None, kelurahan=kelurahan_choices(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            matter = services.micro_matter_record(
                actor=request.user, data=form.to_input(), request=request
            )
            if matter.report is not None:
                messages.success(
                    request,
                    _("Tercatat, dan dilaporkan ke UPTD PPA dengan kode %(code)s.")
                    % {"code": matter.report.tracking_code},
                )
            else:
                messages.success(request, _("Tercatat sebagai masalah yang ditangani di RT."))
            return redirect("community:home")
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
    status = 422 if form.errors else 200
    return render(
        request, "community/matter_form.html", {"form": form, "rule_text": RULE_TEXT}, status=status
    )
