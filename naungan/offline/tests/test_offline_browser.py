"""Browser journey of the offline field app (issue 14, "Offline field use"), on a 360 × 740
phone in Debian chromium: an activist opens the field report form, the network goes off, a
reload still shows the form (from the service worker), the report is saved into the encrypted
queue ("Luring — 1 laporan menunggu dikirim"), the network comes back, and the report reaches
the intake queue exactly once, also when the page sends it a second time (an answer lost)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from naungan.core.testing.browser import create_staff, login, new_page

pytestmark = pytest.mark.browser
PASSWORD = "Laporan-Luring-2026!"
ACTIVIST = "aktivis_luring"
STORY = "Anak di RT 05 sering dipukul ayahnya tiap malam (uji luring)."
SHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


def _count(app_server) -> int:
    out = app_server.shell(
        "from naungan.reports.models import Report\n"
        f"print(Report.objects.filter(channel='activist', created_by__username='{ACTIVIST}')"
        ".count())"
    )
    return int(out.splitlines()[-1])


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"offline-{name}.png"), full_page=False)


def _wait_for_cached_shell(page) -> None:
    """Until the service worker controls the page and has cached the form."""
    deadline = time.monotonic() + 45  # the worker fetches the whole shell; CI runs two workers
    while time.monotonic() < deadline:
        ready = page.evaluate(
            """async () => {
                if (!navigator.serviceWorker.controller) return false;
                for (const name of await caches.keys()) {
                    const hit = await (await caches.open(name)).match('/ppatbm/lapor/');
                    if (hit) return true;
                }
                return false;
            }"""
        )
        if ready:
            return
        time.sleep(0.3)
    pytest.fail("the service worker did not cache the field report form")


def test_field_report_filed_offline_reaches_the_intake_queue_once(app_server, browser):
    base = app_server.url
    create_staff(app_server, ACTIVIST, "activist", password=PASSWORD, area="64.71.01.1001")
    page = new_page(browser, viewport={"width": 360, "height": 740})
    context = page.context
    login(page, base, ACTIVIST, PASSWORD)
    page.goto(f"{base}/ppatbm/lapor/")
    expect(page.get_by_test_id("offline-strip")).to_contain_text("Semua terkirim")
    _wait_for_cached_shell(page)

    # The network goes off: a reload still shows the form, from the service worker.
    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="Laporkan kasus yang Anda ketahui")).to_be_visible()
    strip = page.get_by_test_id("offline-strip")
    expect(strip).to_contain_text("Luring")

    page.get_by_label("Fisik").check()
    page.locator("#id_description").fill(STORY)
    page.locator("#id_kelurahan").select_option("64.71.01.1001")
    page.locator("#id_victim_consent").select_option("1")
    page.locator('input[name="reported_checklist"][value="child"]').check()
    page.get_by_test_id("field-report-submit").click()
    expect(strip).to_contain_text("Luring — 1 laporan menunggu dikirim")
    expect(page.locator("#offline-notice")).to_contain_text("Tersimpan di ponsel")
    _shot(page, "waiting")
    assert _count(app_server) == 0

    # Another page of the scope that is not part of the shell: the offline page, not a copy.
    page.goto(f"{base}/ppatbm/perangkat/")
    expect(page.get_by_role("heading", name="Luring")).to_be_visible()
    page.go_back()
    expect(strip).to_contain_text("1 laporan menunggu dikirim")

    # On the phone: ciphertext under a key the page cannot export, no plain text of the story.
    stored = page.evaluate(
        """async () => {
            const db = await new Promise((ok, ko) => {
                const r = indexedDB.open('naungan-luring'); r.onsuccess = () => ok(r.result);
                r.onerror = () => ko(r.error);
            });
            const get = (store, key) => new Promise(ok => {
                const q = db.transaction(store).objectStore(store);
                const r = key === undefined ? q.getAll() : q.get(key);
                r.onsuccess = () => ok(r.result);
            });
            const items = await get('queue');
            const key = await get('meta', 'key');
            window.__kept = {items, key};  // for the replay below
            return {
                n: items.length,
                plain: JSON.stringify(items).includes('dipukul')
                    || new TextDecoder().decode(items[0].data).includes('dipukul'),
                extractable: key.key.extractable,
                algorithm: key.key.algorithm.name,
            };
        }"""
    )
    assert stored == {"n": 1, "plain": False, "extractable": False, "algorithm": "AES-GCM"}

    # Back online: the page sends the queue by itself.
    context.set_offline(False)
    expect(strip).to_contain_text("Semua terkirim", timeout=15_000)
    _shot(page, "sent")
    assert _count(app_server) == 1
    # The checklist ticked offline reached the desk with its suggestion.
    out = app_server.shell(
        "from naungan.reports.models import Report\n"
        f"r = Report.objects.get(created_by__username='{ACTIVIST}')\n"
        "print(r.reported_checklist, r.triage_suggested)"
    )
    assert out.splitlines()[-1] == "['child'] emergency"

    # The answer was lost (the item is still in the queue, as the page kept it): sending it
    # again stores nothing new.
    page.evaluate(
        """async () => {
            const db = await new Promise(ok => {
                const r = indexedDB.open('naungan-luring'); r.onsuccess = () => ok(r.result);
            });
            const tx = db.transaction(['queue', 'meta'], 'readwrite');
            tx.objectStore('queue').put(window.__kept.items[0]);
            tx.objectStore('meta').put(window.__kept.key, 'key');
            await new Promise(ok => { tx.oncomplete = ok; });
            await window.NaunganOffline.render();
        }"""
    )
    expect(strip).to_contain_text("1 laporan menunggu dikirim")
    page.get_by_role("button", name="Kirim sekarang").click()
    expect(strip).to_contain_text("Semua terkirim")
    assert _count(app_server) == 1

    # It reached the intake queue once; the device registered itself.
    devices = app_server.shell(
        "from naungan.offline.models import Device\n"
        f"print(Device.objects.filter(user__username='{ACTIVIST}', last_sync_at__isnull=False)"
        ".count())"
    )
    assert devices.splitlines()[-1] == "1"
    page.goto(f"{base}/ppatbm/perangkat/")
    expect(page.get_by_test_id("device-row")).to_have_count(1)
    _shot(page, "devices")
    assert re.search(r"Terakhir mengirim", page.content())
    page.context.close()
