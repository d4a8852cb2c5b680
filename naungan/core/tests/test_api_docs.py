"""``/api/v1/docs`` loads nothing from another host (CONTRACT §3): Swagger UI comes from our
own static files, and the page needs no inline script (our CSP allows none)."""

from __future__ import annotations

import re
from typing import Any

import pytest


@pytest.mark.django_db
def test_api_docs_load_only_same_origin_files(client: Any) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    urls = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']+)["\']', html)
    assert any(u.endswith(".js") for u in urls)
    for url in urls:
        assert url.startswith("/"), url
        assert not url.startswith("//"), url
    assert "http://" not in html
    assert "https://" not in html
    # Every inline <script> is data, not code.
    for attrs, _body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        assert "src=" in attrs or 'type="application/json"' in attrs, attrs
    assert "unsafe-inline" not in response.get("Content-Security-Policy", "")
    for url in urls:
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url
