"""Template tags that add the supervisor tools to the shared case list and case pages without
those views having to know about them."""

from __future__ import annotations

from typing import Any

from django import template

from naungan.accounts.roles import SUPERVISORS, user_in

from ..forms.documents import DocumentForm
from ..forms.saved_filters import SavedFilterForm
from ..forms.transfers import TransferRequestForm
from ..selectors import (
    case_documents,
    case_open_transfer,
    saved_filters_of,
    transfer_destinations,
)
from ..services.saved_filters import clean_filter_query

register = template.Library()


@register.inclusion_tag("cases/partials/list_tools.html", takes_context=True)
def case_list_tools(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    user = request.user
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "user": user,
        "query": query.urlencode(),
        "saved": list(saved_filters_of(user=user)),
        "save_form": SavedFilterForm(initial={"query": clean_filter_query(query.urlencode())}),
        "is_supervisor": user_in(user, SUPERVISORS),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("cases/partials/case_extras.html", takes_context=True)
def case_extras(context: template.Context) -> dict[str, Any]:
    case = context["case"]
    can_write = bool(context.get("can_write"))
    is_supervisor = bool(context.get("is_supervisor"))
    open_transfer = case_open_transfer(case=case)
    return {
        "case": case,
        "can_write": can_write,
        "open_transfer": open_transfer,
        "transfer_form": (
            TransferRequestForm(destinations=transfer_destinations(case=case))
            if is_supervisor and open_transfer is None and case.status != "closed"
            else None
        ),
        "documents": list(case_documents(case=case)),
        "document_form": DocumentForm() if can_write else None,
        "csrf_token": context.get("csrf_token"),
    }
