"""The field app's sync (CONTRACT §4 ``POST /api/v1/sync``, DESIGN §10 "Offline").

An offline queue arrives as a list of items, each with the UUID the phone made for it. Each
item is answered in the order sent, on its own: a bad item is an ``error`` naming its field and
never spoils the good ones; an item whose id the same user stored before is a ``duplicate``
with the same ``server_id`` and stores nothing new. The phone's UUID is the idempotency key,
unique per user in the database (``SyncItem``): of two concurrent replays, the second insert
fails on that constraint, its transaction (record included) rolls back, and it answers the
winner's ``server_id``. Report items go through the report service and its rules
(``reports.services.report_submit``), activity items through ``activity_create``, accompaniment
log items (``{"type": "accompaniment_log", "body": {"brief", "done_on", "place", "with_whom",
"what_happened", "finished"}}``) through ``brief_log``: a brief the activist is not, or no
longer, named on is an ``error`` naming ``brief``."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from pydantic import ValidationError

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.core.exceptions import DomainError
from naungan.reports.schemas import StaffReportIn
from naungan.reports.services import report_submit

from ..exceptions import BriefClosed, NotFound
from ..models import SyncItem, SyncItemType
from .accompaniment import LogInput, brief_log
from .activities import activity_create

MAX_ITEMS = 200


@dataclass(frozen=True)
class SyncResult:
    """The answer for one item: ``status`` is ``stored``, ``duplicate`` or ``error``."""

    id: Any
    status: str
    server_id: uuid.UUID | None = None
    detail: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "server_id": self.server_id,
            "detail": self.detail,
        }


class _ItemError(Exception):
    def __init__(self, detail: list[dict[str, Any]]) -> None:
        self.detail = detail
        super().__init__("sync item refused")


def _err(loc: list[Any], msg: object) -> list[dict[str, Any]]:
    return [{"loc": loc, "msg": str(msg)}]


def _pydantic_detail(exc: ValidationError) -> list[dict[str, Any]]:
    # Only where and why: never the input (it may hold a victim's details).
    return [{"loc": ["body", *e["loc"]], "msg": e["msg"]} for e in exc.errors()]


def _django_detail(exc: DjangoValidationError) -> list[dict[str, Any]]:
    if hasattr(exc, "error_dict"):
        return [
            {"loc": ["body", *name.split(".")], "msg": " ".join(msgs)}
            for name, msgs in exc.message_dict.items()
        ]
    return [{"loc": ["body"], "msg": " ".join(exc.messages)}]


def sync_apply(
    *, actor: Any, items: list[Any], request: HttpRequest | None = None
) -> list[SyncResult]:
    """Apply an offline queue of ``actor`` (an activist; anyone else: NotFound). Returns one
    result per item in the order sent. An item naming another ``user`` than the caller, or
    whose id another user's queue stored, is refused (``error`` naming ``user`` / ``id``)."""
    if not user_in(actor, ACTIVISTS):
        raise NotFound
    if len(items) > MAX_ITEMS:
        raise DjangoValidationError(
            {"items": _("Paling banyak %(n)d butir per sinkronisasi.") % {"n": MAX_ITEMS}}
        )
    return [_apply_one(actor=actor, item=item, request=request) for item in items]


def _apply_one(*, actor: Any, item: Any, request: HttpRequest | None) -> SyncResult:
    raw_id = item.get("id") if isinstance(item, dict) else None
    try:
        client_id, kind, body = _read_item(actor, item)
        done = _already(actor, client_id)
        if done is not None:
            return SyncResult(id=raw_id, status="duplicate", server_id=done)
        store = _parse(kind, body)
        status, server_id = _store_once(
            actor=actor, client_id=client_id, kind=kind, store=store, request=request
        )
        return SyncResult(id=raw_id, status=status, server_id=server_id)
    except _ItemError as exc:
        return SyncResult(id=raw_id, status="error", detail=exc.detail)
    except DjangoValidationError as exc:
        return SyncResult(id=raw_id, status="error", detail=_django_detail(exc))
    except NotFound:
        return SyncResult(
            id=raw_id,
            status="error",
            detail=_err(["body", "area_code"], _("Wilayah tidak ditemukan di wilayah tugas Anda.")),
        )
    except DomainError as exc:
        return SyncResult(id=raw_id, status="error", detail=_err(["body"], exc.message))


def _store_once(
    *,
    actor: Any,
    client_id: uuid.UUID,
    kind: str,
    store: Callable[[Any, HttpRequest | None], uuid.UUID],
    request: HttpRequest | None,
) -> tuple[str, uuid.UUID]:
    """Run ``store`` and record the phone's id in one transaction: ``("stored", id)``, or
    ``("duplicate", id)`` when this id of the caller's queue was stored before (also by a
    concurrent replay that won the unique constraint; ours then rolled back)."""
    done = _already(actor, client_id)
    if done is not None:
        return "duplicate", done
    try:
        with transaction.atomic():
            server_id = store(actor, request)
            SyncItem.objects.create(
                user=actor, client_id=client_id, item_type=kind, server_id=server_id
            )
    except IntegrityError:
        # A concurrent replay of the same item won: its record stands, ours rolled back.
        done = _already(actor, client_id)
        if done is None:
            raise
        return "duplicate", done
    return "stored", server_id


def accompaniment_log_once(
    *,
    actor: Any,
    client_id: uuid.UUID,
    brief: Any,
    data: LogInput,
    request: HttpRequest | None = None,
) -> tuple[str, uuid.UUID]:
    """A log typed on a page (the brief page, the offline log form without JavaScript) with
    the form's hidden submission key as its idempotency key, the same key space as the
    phone's queue: a form sent twice stores once. Refusals as ``brief_log`` (NotFound,
    BriefClosed, ValidationError)."""

    def store(actor: Any, request: HttpRequest | None) -> uuid.UUID:
        return brief_log(actor=actor, brief=brief, data=data, request=request).public_id

    try:
        return _store_once(
            actor=actor,
            client_id=client_id,
            kind=SyncItemType.ACCOMPANIMENT_LOG,
            store=store,
            request=request,
        )
    except _ItemError:
        raise NotFound from None


def _read_item(actor: Any, item: Any) -> tuple[uuid.UUID, str, dict[str, Any]]:
    if not isinstance(item, dict):
        raise _ItemError(_err([], _("Setiap butir harus berupa objek.")))
    try:
        client_id = uuid.UUID(str(item.get("id")))
    except ValueError:
        raise _ItemError(_err(["id"], _("Harus UUID yang dibuat perangkat."))) from None
    owner = item.get("user")
    if owner is not None and owner != actor.get_username():
        raise _ItemError(_err(["user"], _("Butir ini milik pengguna lain: tidak disimpan.")))
    kind = item.get("type")
    if kind not in SyncItemType.values:
        raise _ItemError(
            _err(
                ["type"],
                _("Jenis tidak dikenal. Pilihan: %(c)s") % {"c": ", ".join(SyncItemType.values)},
            )
        )
    body = item.get("body")
    if not isinstance(body, dict):
        raise _ItemError(_err(["body"], _("Wajib berupa objek.")))
    return client_id, str(kind), body


def _already(actor: Any, client_id: uuid.UUID) -> uuid.UUID | None:
    """The ``server_id`` stored before for this id of the caller's queue; a refusal when the
    id belongs to another user's queue; None for a new item."""
    rows = list(SyncItem.objects.filter(client_id=client_id).values_list("user_id", "server_id"))
    for owner_id, server_id in rows:
        if owner_id == actor.pk:
            return server_id  # type: ignore[no-any-return]
    if rows:
        raise _ItemError(_err(["id"], _("Butir ini milik pengguna lain: tidak disimpan.")))
    return None


def _parse(kind: str, body: dict[str, Any]) -> Any:
    """Validate the body (everything but the scope) before anything is written, and return
    the store step."""
    if kind == SyncItemType.REPORT:
        body = {"channel": "activist", **body}
        try:
            report_in = StaffReportIn.model_validate(body)
        except ValidationError as exc:
            raise _ItemError(_pydantic_detail(exc)) from None
        data, clean = report_in.cleaned

        def store_report(actor: Any, request: HttpRequest | None) -> uuid.UUID:
            submission = report_submit(actor=actor, data=data, clean=clean, request=request)
            assert submission.report is not None  # no idempotency key: never a replay
            return submission.report.public_id

        return store_report
    if kind == SyncItemType.ACCOMPANIMENT_LOG:
        return _parse_log(body)
    from ..schemas.activities import ActivityIn

    try:
        activity_in = ActivityIn.model_validate(body)
    except ValidationError as exc:
        raise _ItemError(_pydantic_detail(exc)) from None
    a_data, values = activity_in.cleaned

    def store_activity(actor: Any, request: HttpRequest | None) -> uuid.UUID:
        return activity_create(actor=actor, data=a_data, values=values, request=request).public_id

    return store_activity


def _not_named() -> _ItemError:
    return _ItemError(
        _err(
            ["body", "brief"],
            _("Anda tidak (lagi) ditunjuk mendampingi pada tugas ini: catatan tidak disimpan."),
        )
    )


def _parse_log(body: dict[str, Any]) -> Any:
    """An accompaniment log item: the fields as the log form reads them (its messages, in
    the user's language), then, when stored, the brief of the caller."""
    from ..forms.accompaniment import LogForm
    from ..selectors.accompaniment import briefs_for_activist

    try:
        brief_id = uuid.UUID(str(body.get("brief")))
    except ValueError:
        raise _ItemError(_err(["body", "brief"], _("Pilih tugas pendampingan."))) from None
    form = LogForm(
        data={
            name: value if isinstance(value, bool) else str(value)
            for name, value in body.items()
            if value is not None
        }
    )
    if not form.is_valid():
        raise _ItemError(
            [
                {"loc": ["body", name], "msg": " ".join(str(m) for m in messages)}
                for name, messages in form.errors.items()
            ]
        )
    data = form.to_input()

    def store_log(actor: Any, request: HttpRequest | None) -> uuid.UUID:
        brief = briefs_for_activist(actor).filter(public_id=brief_id).first()
        if brief is None:
            raise _not_named()
        try:
            log = brief_log(actor=actor, brief=brief, data=data, request=request)
        except NotFound:
            raise _not_named() from None
        except BriefClosed:
            raise _ItemError(
                _err(
                    ["body", "brief"],
                    _("Pendampingan ini sudah selesai atau ditarik: catatan tidak disimpan."),
                )
            ) from None
        return log.public_id

    return store_log
