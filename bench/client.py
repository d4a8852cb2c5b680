"""What the benchmark scripts share: a free loopback port and one public report sent over an
HTTP connection (each script keeps its own retry policy around it)."""

from __future__ import annotations

import http.client
import socket

PUBLIC_REPORTS = "/api/v1/public/reports"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def post_report(
    conn: http.client.HTTPConnection, body: str, key: str, *, close: bool = False
) -> tuple[int, bytes]:
    """POST one report with its Idempotency-Key; (status, body). Connection errors propagate
    (``OSError``, ``http.client.HTTPException``): the caller reconnects and retries."""
    headers = {"Content-Type": "application/json", "Idempotency-Key": key}
    if close:
        headers["Connection"] = "close"
    conn.request("POST", PUBLIC_REPORTS, body=body, headers=headers)
    resp = conn.getresponse()
    return resp.status, resp.read()
