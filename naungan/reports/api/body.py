"""Reading a JSON body once, before ninja: the size limit (413), malformed JSON (400), a body
that is not an object or has bad fields (422), each answered ``{"detail": ...}`` naming the
field in the user's language and never cached; and the OpenAPI request body of an endpoint
that reads its body this way."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import ValidationError as PydanticValidationError

from naungan.api_base import token_auth

from .. import conf
from ..schemas import RULE_ERROR

NO_STORE = "no-store"


def detail(status: int, message: Any) -> JsonResponse:
    """An error answer of the edge itself (input it cannot read): ``{"detail": message}``."""
    response = JsonResponse({"detail": message}, status=status)
    response["Cache-Control"] = NO_STORE
    return response


_TYPE_MESSAGES = {
    "missing": "Wajib diisi.",
    "int": "Harus bilangan bulat.",
    "bool": "Harus true atau false.",
    "string": "Harus berupa teks.",
    "list": "Harus berupa daftar.",
    "date": "Tanggal tidak valid (format TTTT-BB-HH).",
    "datetime": "Waktu tidak valid (format ISO 8601).",
    "model": "Harus berupa objek JSON.",
    "dict": "Harus berupa objek JSON.",
}


def _pydantic_message(error: Any) -> str:
    kind = str(error.get("type", ""))
    if kind == "literal_error":
        return _("Pilihan tidak dikenal. Pilihan: %(c)s") % {
            "c": str(error.get("ctx", {}).get("expected", ""))
        }
    for prefix, message in _TYPE_MESSAGES.items():
        if kind == prefix or kind.startswith(prefix + "_"):
            return _(message)
    return _("Nilai tidak valid.")


def _error_detail(exc: PydanticValidationError) -> list[dict[str, Any]]:
    return [
        {
            "loc": ["body", *e["loc"]],
            "msg": e["msg"] if e["type"] == RULE_ERROR else _pydantic_message(e),
        }
        for e in exc.errors()
    ]


def parse_body[S: Schema](request: HttpRequest, schema: type[S]) -> S | JsonResponse:
    """Read and validate a JSON body once: too big (413), malformed JSON (400), not an object
    or invalid fields (422), each answer ``{"detail": ...}`` naming the field in the user's
    language; else the validated schema."""
    too_big = detail(
        413,
        [{"loc": ["body"], "msg": _("Isi permintaan terlalu besar (maks. 64 KiB).")}],
    )
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > conf.MAX_JSON_BYTES:
        return too_big
    try:
        raw = request.body
    except RequestDataTooBig:
        return too_big
    if len(raw) > conf.MAX_JSON_BYTES:
        return too_big
    try:
        data = json.loads(raw or b"null")
    except (ValueError, UnicodeDecodeError):
        return detail(400, [{"loc": ["body"], "msg": _("JSON tidak valid.")}])
    if not isinstance(data, dict):
        return detail(422, [{"loc": ["body"], "msg": _("Harus berupa objek JSON.")}])
    try:
        return schema.model_validate(data)
    except PydanticValidationError as exc:
        return detail(422, _error_detail(exc))


def body_doc(schema: type[Schema]) -> dict[str, Any]:
    """OpenAPI request body of an endpoint that parses its body itself (``parse_body``)."""
    doc = schema.model_json_schema(mode="validation")
    defs = doc.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(defs[ref.removeprefix("#/$defs/")])
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    content = {"application/json": {"schema": inline(doc)}}
    return {"requestBody": {"content": content, "required": True}}


def json_body(schema: type[Schema], *, public: bool = False) -> Callable[..., Any]:
    """Guard a JSON endpoint before ninja parses it (``parse_body``'s answers). Nothing
    reaches the service unless this passes. Staff endpoints authenticate first, so that a
    caller without a token learns nothing but 401."""

    def decorator(run: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(run)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not public and token_auth(request) is None:
                return run(request, *args, **kwargs)  # ninja answers 401
            parsed = parse_body(request, schema)
            if isinstance(parsed, JsonResponse):
                return parsed
            return run(request, *args, **kwargs)

        return wrapper

    return decorator
