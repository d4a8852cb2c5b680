"""Documents of a case, scoped by the case's visibility."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from naungan.accounts.models import User
from naungan.cases.models import (
    Case,
    CaseDocument,
)
from naungan.cases.selectors.cases import cases_visible_to


def case_documents(*, case: Case) -> QuerySet[CaseDocument]:
    """Documents of a case already fetched through ``case_get`` (so visible to the reader);
    the encrypted content is not loaded."""
    return case.documents.defer("blob").select_related("uploaded_by").order_by("-created_at")


def case_document_get(*, user: User, case_id: UUID | str, document_id: UUID | str) -> CaseDocument:
    """A document of a case the user sees; 404 otherwise."""
    try:
        return CaseDocument.objects.select_related("case", "case__area").get(
            case__in=cases_visible_to(user), case__public_id=case_id, public_id=document_id
        )
    except (CaseDocument.DoesNotExist, ValidationError, ValueError, TypeError) as exc:
        raise Http404 from exc
