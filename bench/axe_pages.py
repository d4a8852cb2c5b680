"""axe-core (node_modules/axe-core) on the public pages and the main staff pages of a running
Naungan with the demo data, in Debian's chromium at a 360×740 phone viewport.

    .venv/bin/python bench/axe_pages.py http://127.0.0.1:8000

Signs in as each demo role (password ``DEMO_PASSWORD``; the supervisor enrols a TOTP on the way,
so run it on a demo database). Prints every serious or critical finding per page (``--all``:
every finding) and exits 1 when there is one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from naungan.core.testing.browser import AXE_JS, CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PASSWORD = "Naungan-Demo-2026"  # noqa: S105 - naungan.demo.seed.DEMO_PASSWORD
PHONE = {"width": 360, "height": 740}
STAFF_PAGES = ("/", "/laporan/", "/kasus/", "/statistik/", "/mitra/", "/rujukan/")
ROLES = {
    "intake": "intake_bpp",
    "caseworker": "pendamping_bpp",
    "supervisor": "supervisor_bpp",
    "provider": "mitra_posbakum",
    "analyst": "analis_bpp",
    "activist": "aktivis_bpp",
}


def violations(page: Any, impacts: tuple[str, ...]) -> list[str]:
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['impact']:<8} {v['id']}: {[n['target'] for n in v['nodes']][:4]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


SECRETS = ROOT / "bench" / "out" / "axe-totp"


def second_factor(page: Any, username: str) -> bool:
    """Enrol a TOTP (the secret kept in bench/out/ for the next run) or answer with it."""
    import pyotp

    kept = SECRETS / username
    if page.get_by_test_id("totp-secret").count():
        secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
        page.fill("#id_code", pyotp.TOTP(secret).now())
        page.locator("main button[type=submit]").first.click()
        page.wait_for_url("**/recovery-codes/")
        SECRETS.mkdir(parents=True, exist_ok=True)
        kept.write_text(secret)
        return True
    if kept.exists():
        page.fill("#id_code", pyotp.TOTP(kept.read_text()).now())
        page.locator("main button[type=submit]").first.click()
        page.wait_for_load_state()
        return "/2fa/" not in page.url
    return False


def main() -> int:
    from playwright.sync_api import sync_playwright

    base = next((a for a in sys.argv[1:] if not a.startswith("-")), "http://127.0.0.1:8000")
    impacts = (
        ("minor", "moderate", "serious", "critical")
        if "--all" in sys.argv
        else (
            "serious",
            "critical",
        )
    )
    found = 0

    def check(page: Any, label: str) -> None:
        nonlocal found
        page.wait_for_load_state()
        out = violations(page, impacts)
        found += len([o for o in out if o.split()[0] in ("serious", "critical")])
        print(f"{label:<44} {len(out)} finding(s)")
        for line in out:
            print("    " + line)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)

        def context() -> Any:
            ctx = browser.new_context(locale="id-ID", bypass_csp=True, viewport=PHONE)
            ctx.set_default_timeout(15_000)
            return ctx

        # Public pages, each step.
        pg = context().new_page()
        pg.goto(f"{base}/lapor/")
        check(pg, "/lapor/")
        pg.get_by_test_id("submit").click()
        check(pg, "/lapor/ refused (errors)")
        pg.fill("#id_description", "Tetangga saya sering memukul anaknya sampai menangis.")
        pg.check("input[name=violence_types][value=psychological]")
        pg.get_by_test_id("submit").click()
        code = pg.get_by_test_id("tracking-code").inner_text().strip()
        pin = pg.get_by_test_id("pin").inner_text().strip()
        check(pg, "/lapor/ answer (code and PIN)")
        pg.get_by_test_id("lang-en").click()
        check(pg, "/lapor/ answer, English")
        pg.goto(f"{base}/lapor/status/")
        check(pg, "/lapor/status/")
        pg.fill("#id_tracking_code", code)
        pg.fill("#id_pin", "000000")
        pg.locator("[data-testid=status-form] button[type=submit]").click()
        check(pg, "/lapor/status/ wrong PIN")
        pg.fill("#id_pin", pin)
        pg.locator("[data-testid=status-form] button[type=submit]").click()
        check(pg, "/lapor/status/ result")
        pg.goto(f"{base}/accounts/login/")
        check(pg, "/accounts/login/")
        pg.fill("#id_login", "intake_bpp")
        pg.fill("#id_password", "wrong-password")
        pg.click("#login-submit")
        check(pg, "/accounts/login/ refused")
        pg.goto(f"{base}/accounts/password/reset/")
        check(pg, "/accounts/password/reset/")
        pg.context.close()

        for role, username in ROLES.items():
            pg = context().new_page()
            pg.goto(f"{base}/accounts/login/")
            pg.fill("#id_login", username)
            pg.fill("#id_password", PASSWORD)
            pg.click("#login-submit")
            pg.wait_for_load_state()
            if "/2fa/" in pg.url:
                check(pg, f"[{role}] {pg.url.removeprefix(base)}")
                if not second_factor(pg, username):
                    continue
                check(pg, f"[{role}] {pg.url.removeprefix(base)}")
            pages = ("/ppatbm/lapor/", "/", "/mitra/") if role == "activist" else STAFF_PAGES
            for path in pages:
                pg.goto(f"{base}{path}")
                check(pg, f"[{role}] {path}")
            if role in ("intake", "caseworker"):
                pg.goto(f"{base}/kasus/")
                link = pg.locator("a[href^='/kasus/'][href$='/']").filter(has_not_text="Baru")
                hrefs = [
                    h
                    for h in link.evaluate_all("els => els.map(e => e.getAttribute('href'))")
                    if h.count("/") == 3 and h != "/kasus/baru/"
                ]
                if hrefs:
                    pg.goto(f"{base}{hrefs[0]}")
                    check(pg, f"[{role}] case page")
            pg.context.close()
        # The second-factor prompt of an enrolled account (the supervisor, enrolled above).
        pg = context().new_page()
        pg.goto(f"{base}/accounts/login/")
        pg.fill("#id_login", ROLES["supervisor"])
        pg.fill("#id_password", PASSWORD)
        pg.click("#login-submit")
        pg.wait_for_load_state()
        check(pg, f"[supervisor] {pg.url.removeprefix(base)}")
        pg.fill("#id_code", "000000")
        pg.locator("main button[type=submit]").first.click()
        check(pg, "[supervisor] second factor refused")
        pg.context.close()
        browser.close()
    print(f"serious/critical findings: {found}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
