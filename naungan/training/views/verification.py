"""The public page that confirms a training certificate by its verification code
(``/sertifikat/cek/``, no login): anyone holding the code (an employer, a partner, the holder)
sees what the certificate says and whether it still holds.

- Only the exact code answers: an unknown code, a mistyped one and anything that is not a code
  answer the same 404 with the same body (the typed code is not echoed back).
- Lookups of unknown codes are rate-limited per client address
  (``NAUNGAN_TRAINING_VERIFY_RATE``, ``core.ratelimit``): beyond the limit every lookup answers
  429 with ``Retry-After``. A code found gives its unit back.
- Nothing about who looked is stored: no audit event, no record (the rate counter holds only a
  keyed hash of the address, deleted when its window ends). No cookie is set, the answer is
  never cached and not indexed.
- No quick-exit button: this is not a page for victims, and the button would tell a visitor
  that it is. The page is light: one small style sheet of our own, no script, no font."""

from __future__ import annotations

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from naungan.core import ratelimit

from .. import selectors

SCOPE = "certificate-verify"


def _page(request: HttpRequest, *, status: int = 200, **context: object) -> HttpResponse:
    response = render(request, "training/verify.html", context, status=status)
    response["Cache-Control"] = "no-store"
    response["Pragma"] = "no-cache"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    """``GET /sertifikat/cek/`` the form; ``?kode=`` the certificate with that code (200), or
    the same 404 for any code that is not one; 429 past the rate limit."""
    if "kode" not in request.GET:
        return _page(request)
    client = getattr(request, "client_ip", "") or ""
    rate = settings.TRAINING_VERIFY_RATE
    hit = ratelimit.count(SCOPE, client, rate)
    if hit is not None and not hit.allowed:
        retry = hit.retry_after
        response = _page(request, status=429, retry_minutes=max(1, math.ceil(retry / 60)))
        response["Retry-After"] = str(retry)
        return response
    found = selectors.certificate_check(request.GET.get("kode"), today=timezone.localdate())
    if found is None:
        return _page(request, status=404, unknown=True)
    ratelimit.give_back(SCOPE, client, rate)
    return _page(request, check=found)
