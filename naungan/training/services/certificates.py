"""The certificate of a participant who passed a training: an A4 landscape PDF rendered by
WeasyPrint (as the case summary is) that loads nothing from outside (fonts are the system's,
every URL is refused), with the certificate's number (``Participant.certificate_number``) and
its verification code (``Participant.verification_code``), which anyone may check on the public
page ``/sertifikat/cek/`` (its address printed beside it). Printing is audited."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from naungan.core.audit import audit_record
from naungan.core.models import AuditAction

from ..exceptions import CertificateNotIssued
from ..models import Participant

CERTIFICATE_CSS = """
@page { size: A4 landscape; margin: 14mm; }
body { font-family: "DejaVu Sans", sans-serif; color: #1a1a1a; }
.frame { border: 2.5pt double #1f4e79; padding: 12mm 16mm; height: 160mm; position: relative; }
.org { font-size: 12pt; text-transform: uppercase; letter-spacing: 1pt; color: #1f4e79; }
h1 { font-size: 28pt; margin: 8mm 0 2mm 0; color: #1f4e79; }
.lead { font-size: 11pt; margin: 0; }
.name { font-size: 22pt; font-weight: bold; margin: 5mm 0; border-bottom: 0.5pt solid #777;
  display: inline-block; padding: 0 8mm 1mm 8mm; }
.title { font-size: 14pt; font-weight: bold; margin: 2mm 0; }
.muted { color: #555; font-size: 9.5pt; }
ul { margin: 2mm 0 0 0; padding-left: 6mm; font-size: 10pt; }
.ref { position: absolute; bottom: 10mm; left: 16mm; right: 16mm; font-size: 8.5pt;
  color: #333; border-top: 0.4pt solid #999; padding-top: 2mm; }
.center { text-align: center; }
.vcode { font-family: "DejaVu Sans Mono", monospace; font-size: 10pt; letter-spacing: 0.5pt; }
"""


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Nothing outside the document: no web fonts, images or style sheets from anywhere.
    raise ValueError(f"external resource refused: {url[:60]}")


def render_certificate_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML  # heavy import, only when printing

    pdf: bytes = HTML(string=html, url_fetcher=_no_fetch).write_pdf(
        stylesheets=[CSS(string=CERTIFICATE_CSS)]
    )
    return pdf


def verify_page_url(request: HttpRequest | None = None) -> str:
    """The address of the public check page as printed: ``NAUNGAN_SITE_URL`` when set, else the
    address the request came to, else the path alone."""
    path = reverse("training:verify")
    site = str(getattr(settings, "SITE_URL", "") or "").rstrip("/")
    if site:
        return site + path
    if request is not None:
        return request.build_absolute_uri(path)
    return path


def certificate_html(participant: Participant, *, request: HttpRequest | None = None) -> str:
    training = participant.training
    page = verify_page_url(request)
    code = participant.verification_code or ""
    return render_to_string(
        "training/certificate_pdf.html",
        {
            "participant": participant,
            "training": training,
            "verify_page": page,
            "verify_link": f"{page}?{urlencode({'kode': code})}" if code else "",
            "grants": list(participant.grants.order_by("competency")),
            "resources": list(training.resource_organisations.all()),
            "resource_persons": [
                line.strip() for line in training.resource_persons.splitlines() if line.strip()
            ],
        },
    )


@transaction.atomic
def certificate_print(
    *, actor: Any, participant: Participant, request: HttpRequest | None = None
) -> bytes:
    """The certificate of ``participant`` (obtained through ``participant_get`` for the
    actor: the participant themselves or a manager of the training). Only for a participant
    who passed (else 409, ``CertificateNotIssued``). Audited as ``print``."""
    if not participant.passed or not participant.certificate_number:
        raise CertificateNotIssued
    pdf = render_certificate_pdf(certificate_html(participant, request=request))
    audit_record(
        actor=actor,
        action=AuditAction.PRINT,
        obj=participant,
        area_code=participant.training.organiser.area.code,
        reason=f"training certificate printed at {timezone.now().isoformat()}",
        request=request,
    )
    return pdf


def certificate_filename(participant: Participant) -> str:
    return f"sertifikat-{participant.certificate_number or 'pelatihan'}.pdf".lower()
