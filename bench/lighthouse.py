"""Lighthouse (mobile defaults) on pages of a running Naungan, with Debian's chromium.

    make lighthouse                      # starts nothing: serve the app first (make run)
    .venv/bin/python bench/lighthouse.py http://127.0.0.1:8000 /lapor/ /lapor/status/

Prints performance, accessibility and best-practices scores per page and every failing audit.
The field's yardstick for public pages is 90 or more in each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def audit(url: str) -> dict[str, object]:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                f"--chrome-flags={FLAGS}",
                "--only-categories=performance,accessibility,best-practices",
                "--output=json",
                f"--output-path={out.name}",
            ],
            check=True,
            env={
                **os.environ,
                "CHROME_PATH": os.environ.get("NAUNGAN_CHROMIUM", "/usr/bin/chromium"),
            },
        )
        return json.loads(Path(out.name).read_text())


def main() -> int:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    paths = sys.argv[2:] or ["/lapor/", "/lapor/status/", "/accounts/login/"]
    worst = 100
    for path in paths:
        report = audit(base + path)
        scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
        worst = min(worst, *scores.values())
        print(f"{path:<24} " + "  ".join(f"{k} {v}" for k, v in scores.items()))
        for a in report["audits"].values():
            if a.get("scoreDisplayMode") in ("binary", "numeric") and (a.get("score") or 0) < 0.9:
                print(f"    {a['id']}: {a.get('displayValue', '')} {a['title']}")
    print(f"lowest score: {worst}")
    return 0 if worst >= 90 else 1


if __name__ == "__main__":
    sys.exit(main())
