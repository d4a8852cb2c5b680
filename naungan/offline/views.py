"""Pages and the session sync of the activists' offline field app (``/ppatbm/``, the scope of
its service worker). Thin: the rules are in ``services`` and ``selectors``."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import ACTIVISTS
from naungan.areas.models import Area, AreaLevel
from naungan.community.exceptions import NotFound
from naungan.community.forms.accompaniment import OfflineLogForm
from naungan.community.forms.activities import PHOTO_WARNING, ActivityForm
from naungan.community.models import BriefStatus
from naungan.community.selectors import briefs_for_activist
from naungan.community.services import accompaniment_log_once
from naungan.community.views.accompaniment import log_saved_text
from naungan.core.exceptions import DomainError
from naungan.core.http import error_text, form_errors_add
from naungan.reports.forms import StaffReportForm

from . import edits, selectors, services
from .exceptions import DeviceRevoked
from .shell import asset_urls, shell_urls

# A queue larger than this is refused whole (the community sync takes at most 200 items).
BODY_MAX = 2_000_000


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, at ``/ppatbm/sw.js`` so that its scope is the activist pages. Its
    code is the static file ``js/offline/sw.js``; this answer only names the app shell to
    cache (hashed static names: a new deployment is a new worker) and the offline page."""
    config = {
        "scope": "/ppatbm/",
        "shell": shell_urls(),
        "assets": asset_urls(),
        "offlinePage": render_to_string("offline/offline_page.html", request=None),
    }
    code = asset_urls(("js/offline/sw.js",))[0]
    text = json.dumps(config, sort_keys=True)
    version = hashlib.sha256(text.encode()).hexdigest()[:16]
    body = (
        f"self.NAUNGAN_OFFLINE = {text};\n"
        f"self.NAUNGAN_OFFLINE.version = {json.dumps(version)};\n"
        f"importScripts({json.dumps(code)});\n"
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@role_required(ACTIVISTS)
@require_GET
def report_new(request: HttpRequest) -> HttpResponse:
    """The activist's field report (channel ``activist``), a page of the app shell: it opens
    without a connection. With JavaScript the page saves it into the encrypted queue and sends
    it through ``sync``; without, the form posts to the staff report page (``reports:new``),
    whose hidden submission key stores it once."""
    form = StaffReportForm(actor=request.user)
    return render(request, "offline/report_new.html", {"form": form})


@role_required(ACTIVISTS)
@require_http_methods(["GET", "POST"])
def accompaniment_log_new(request: HttpRequest) -> HttpResponse:
    """The accompaniment log of the app shell: it opens without a connection. It names the
    activist's open accompaniments by reference and dates only (the brief itself is never kept
    on the phone). With JavaScript and no connection the page saves the log into the encrypted
    queue (an ``accompaniment_log`` sync item); online, or without JavaScript, it posts here,
    and its hidden submission key stores it once."""
    briefs = list(
        briefs_for_activist(request.user)
        .filter(status=BriefStatus.OPEN)
        .select_related("created_by")
        .order_by("created_at")
    )
    initial = {"brief": request.GET.get("brief", "")}
    form = OfflineLogForm(request.POST or None, briefs=briefs, initial=initial)
    if request.method == "POST" and form.is_valid():
        brief = form.briefs[form.cleaned_data["brief"]]
        try:
            status, _log_id = accompaniment_log_once(
                actor=request.user,
                client_id=form.key(),
                brief=brief,
                data=form.to_input(),
                request=request,
            )
            messages.success(request, log_saved_text(status))
            return redirect("community:brief", brief_id=brief.public_id)
        except NotFound:
            form.add_error("brief", _("Anda tidak lagi ditunjuk mendampingi pada tugas ini."))
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
    return render(
        request,
        "offline/accompaniment_log.html",
        {"form": form, "has_briefs": bool(briefs)},
        status=422 if form.errors else 200,
    )


def _json_error(message: str, status: int, **extra: Any) -> JsonResponse:
    return JsonResponse({"detail": message, **extra}, status=status)


@never_cache
@role_required(ACTIVISTS)
@require_http_methods(["GET", "POST"])
def sync(request: HttpRequest) -> HttpResponse:
    """The page's sync, in the activist's session (CSRF-protected): ``GET ?device=<id>``
    answers a fresh CSRF token and whether the device was revoked; ``POST`` takes
    ``{"device": {"id", "name"}, "items": [...]}`` (items as ``POST /api/v1/sync``) and answers
    ``{"results": [...]}`` in the order sent, or 403 ``{"revoked": true}``."""
    actor = request_user(request)
    if request.method == "GET":
        revoked = False
        try:
            device_id = uuid.UUID(request.GET.get("device", ""))
        except ValueError:
            pass
        else:
            revoked = services.device_is_revoked(actor=actor, device_id=device_id)
        return JsonResponse({"csrf": get_token(request), "revoked": revoked})
    if len(request.body) > BODY_MAX:
        return _json_error(_("Antrian terlalu besar untuk dikirim sekaligus."), 413)
    try:
        payload = json.loads(request.body)
    except ValueError:
        return _json_error(_("Isi permintaan bukan JSON."), 400)
    device = payload.get("device") if isinstance(payload, dict) else None
    items = payload.get("items") if isinstance(payload, dict) else None
    if not isinstance(items, list):
        return _json_error(_("Wajib berupa daftar."), 422, loc=["items"])
    try:
        device_id = uuid.UUID(str((device or {}).get("id")))
    except (ValueError, AttributeError):
        return _json_error(_("Harus UUID yang dibuat perangkat."), 422, loc=["device", "id"])
    name = str((device or {}).get("name") or "")
    try:
        _device, results = services.offline_sync(
            actor=actor, device_id=device_id, device_name=name, items=items, request=request
        )
    except ValidationError as exc:
        return _json_error(" ".join(exc.messages), 422, loc=["items"])
    except DomainError as exc:
        revoked = isinstance(exc, DeviceRevoked)
        return _json_error(error_text(exc), exc.status, revoked=revoked)
    return JsonResponse({"results": [r.as_dict() for r in results]})


@role_required(selectors.DEVICE_READERS)
@require_GET
def devices(request: HttpRequest) -> HttpResponse:
    """The devices that synced an offline queue: an activist's own, a supervisor's area's."""
    rows = list(selectors.devices_visible_to(request.user)[:200])
    return render(request, "offline/devices.html", {"devices": rows})


@role_required(selectors.DEVICE_READERS)
@require_POST
def device_revoke(request: HttpRequest, device_id: uuid.UUID) -> HttpResponse:
    device = selectors.device_get(user=request.user, device_id=device_id)
    services.device_revoke(actor=request.user, device=device, request=request)
    messages.success(
        request,
        _("Perangkat “%(name)s” dicabut. Antriannya dihapus saat perangkat itu tersambung lagi.")
        % {"name": device.name},
    )
    return redirect("offline:devices")


@role_required(ACTIVISTS)
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, activity_id: uuid.UUID) -> HttpResponse:
    """Change an activity the activist recorded, with the version it was based on: when it
    changed on the server meanwhile, both versions are shown and nothing is overwritten
    (``edits.activity_edit``). With JavaScript the page queues the edit (``activity_edit``
    item) and the sync answers the same conflict."""
    activity = edits.own_activity(actor=request.user, activity_id=activity_id)
    choices = _kelurahan_choices(request.user)
    version = request.POST.get("base_version") or edits.activity_version(activity)
    form = ActivityForm(request.POST or None, kelurahan=choices, initial=_initial(activity))
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            edits.activity_edit(
                actor=request.user,
                activity=activity,
                data=form.to_input(),
                base_version=version,
                request=request,
            )
            messages.success(request, _("Kegiatan diubah."))
            return redirect("community:activities")
        except edits.ActivityConflict as exc:
            conflict = exc.extra["server"]
            version = exc.extra["server_version"]
            form.add_error(None, error_text(exc))
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                name = field.split(".")[-1]
                form.add_error(name if name in form.fields else None, errors)
        except DomainError as exc:
            form.add_error(None, error_text(exc))
    context = {
        "form": form,
        "activity": activity,
        "base_version": version,
        "conflict": conflict,
        "photo_warning": PHOTO_WARNING,
    }
    return render(
        request, "offline/activity_edit.html", context, status=422 if form.errors else 200
    )


def _initial(activity: Any) -> dict[str, Any]:
    values = edits.activity_values(activity)
    return {**values, **values.pop("attendance")}


def _kelurahan_choices(user: Any) -> list[tuple[str, str]]:
    """The kelurahan an activist works in (as the community's activity form offers them)."""
    area = getattr(user, "area", None)
    if area is None:
        return []
    if area.level == AreaLevel.VILLAGE:
        return [(area.code, area.name)]
    villages = Area.objects.filter(area.contains_q(), level=AreaLevel.VILLAGE).order_by("name")
    return [(a.code, a.name) for a in villages]
