"""Browser journeys of the offline field app that the first journey (a field report) does not
cover, on a 360 × 740 phone in Debian chromium with Playwright's offline mode:

* an accompaniment log saved without a connection reaches the case once, also when the page
  sends it a second time; the brief's content never lands on the phone;
* an activity edited offline that changed on the server meanwhile: both versions shown, nothing
  overwritten until the activist chooses;
* a revoked device's next contact wipes its encrypted queue and its key."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

from naungan.core.testing.browser import create_staff, login, new_page

pytestmark = pytest.mark.browser
PASSWORD = "Catatan-Luring-2026!"
KELURAHAN = "64.71.01.1001"
BRIEF = "Ibu R (uji peramban) perlu ditemani ke Polres Balikpapan."
TASK = "Temani Ibu R ke Polres hari Senin (uji peramban)."

VAULT_JS = """async () => {
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
    db.close();
    return {items, key};
}"""


def _last(out: str) -> str:
    return out.splitlines()[-1]


def _activist(app_server: Any, username: str) -> None:
    create_staff(app_server, username, "activist", password=PASSWORD, area=KELURAHAN)


def _wait_for_cached(page: Any, path: str) -> None:
    """Until the service worker controls the page and has ``path`` in its cache."""
    deadline = time.monotonic() + 45  # the worker fetches the whole shell; CI runs two workers
    while time.monotonic() < deadline:
        ready = page.evaluate(
            """async (path) => {
                if (!navigator.serviceWorker.controller) return false;
                for (const name of await caches.keys()) {
                    if (await (await caches.open(name)).match(path)) return true;
                }
                return false;
            }""",
            path,
        )
        if ready:
            return
        time.sleep(0.3)
    pytest.fail(f"the service worker did not cache {path}")


def _cached_text_contains(page: Any, needle: str) -> bool:
    return bool(
        page.evaluate(
            """async (needle) => {
                for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    for (const req of await cache.keys()) {
                        const body = await (await cache.match(req)).text();
                        if (body.includes(needle)) return true;
                    }
                }
                return false;
            }""",
            needle,
        )
    )


def _logs(app_server: Any, brief_id: str) -> int:
    out = app_server.shell(
        "from naungan.community.models import AccompanimentLog\n"
        f"print(AccompanimentLog.objects.filter(brief__public_id='{brief_id}').count())"
    )
    return int(_last(out))


def test_an_accompaniment_log_saved_offline_reaches_the_case_once(app_server, browser):
    base = app_server.url
    username = "aktivis_dampingan"
    _activist(app_server, username)
    brief_id = _last(
        app_server.shell(
            "from naungan.accounts.models import User\n"
            "from naungan.cases.tests.factories import assign, make_case\n"
            "from naungan.community.services import brief_create\n"
            "u = lambda n: User.objects.get(username=n)\n"
            "case = make_case(u('intake_bpp'))\n"
            "assign(u('supervisor_bpp'), case, u('pendamping_bpp'))\n"
            f"b = brief_create(actor=u('pendamping_bpp'), case=case, activist=u('{username}'),"
            f" brief='{BRIEF}', task='{TASK}')\n"
            "print(b.public_id)"
        )
    )
    page = new_page(browser, viewport={"width": 360, "height": 740})
    context = page.context
    login(page, base, username, PASSWORD)
    # The task is on the activist's page; the brief opens online only.
    page.goto(f"{base}/ppatbm/")
    expect(page.get_by_test_id("my-task")).to_contain_text(TASK[:30])
    page.goto(f"{base}/ppatbm/pendampingan/{brief_id}/")
    expect(page.get_by_test_id("brief-text")).to_contain_text(BRIEF)
    page.get_by_test_id("offline-log-link").get_by_role("link").click()
    expect(page.get_by_test_id("offline-strip")).to_contain_text("Semua terkirim")
    _wait_for_cached(page, "/ppatbm/pendampingan/catat/")

    # In the field without a connection: the log form opens from the service worker.
    context.set_offline(True)
    page.reload()
    strip = page.get_by_test_id("offline-strip")
    expect(page.get_by_role("heading", name="Catat pendampingan")).to_be_visible()
    expect(strip).to_contain_text("Luring")
    assert page.locator("#id_brief").input_value() == brief_id
    page.locator("#id_done_on").fill(time.strftime("%Y-%m-%d"))
    page.locator("#id_place").fill("Polres Balikpapan")
    page.locator("#id_with_whom").fill("Ibu R dan kakaknya")
    page.locator("#id_what_happened").fill("Laporan polisi dibuat (uji peramban luring).")
    page.get_by_test_id("offline-log-submit").click()
    expect(strip).to_contain_text("Luring — 1 laporan menunggu dikirim")
    assert _logs(app_server, brief_id) == 0

    # On the phone: only ciphertext, and the brief's content nowhere (queue or cache).
    kept = page.evaluate(VAULT_JS)
    assert len(kept["items"]) == 1
    assert "uji peramban luring" not in str(kept["items"])
    assert not _cached_text_contains(page, BRIEF)
    assert not _cached_text_contains(page, TASK)
    page.evaluate("async () => { window.__kept = await (" + VAULT_JS + ")(); }")

    # Back online: sent by itself, stored once.
    context.set_offline(False)
    expect(strip).to_contain_text("Semua terkirim", timeout=15_000)
    assert _logs(app_server, brief_id) == 1
    after = page.evaluate(VAULT_JS)
    assert after["items"] == []
    assert after["key"] is None  # the key went with the last item

    # The answer was lost: the same item sent again stores nothing new.
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
    assert _logs(app_server, brief_id) == 1
    page.goto(f"{base}/ppatbm/pendampingan/{brief_id}/")
    expect(page.get_by_test_id("brief-logs")).to_contain_text("Polres Balikpapan")
    context.close()


def test_an_activity_changed_on_the_server_meanwhile_shows_both_versions(app_server, browser):
    base = app_server.url
    username = "aktivis_konflik"
    _activist(app_server, username)
    activity_id = _last(
        app_server.shell(
            "import datetime as dt\n"
            "from naungan.accounts.models import User\n"
            "from naungan.areas.models import Area\n"
            "from naungan.community.models import Activity\n"
            "a = Activity.objects.create(kind='komsos', held_on=dt.date.today() - "
            "dt.timedelta(days=3), area=Area.objects.get(code='" + KELURAHAN + "'), rt='003',"
            " topic='Topik awal', women=5, men=2,"
            f" created_by=User.objects.get(username='{username}'))\n"
            "print(a.public_id)"
        )
    )

    def topic() -> str:
        return _last(
            app_server.shell(
                "from naungan.community.models import Activity\n"
                f"print(Activity.objects.get(public_id='{activity_id}').topic)"
            )
        )

    page = new_page(browser, viewport={"width": 360, "height": 740})
    context = page.context
    login(page, base, username, PASSWORD)
    page.goto(f"{base}/ppatbm/kegiatan/{activity_id}/ubah/")
    strip = page.get_by_test_id("offline-strip")
    expect(strip).to_contain_text("Semua terkirim")

    # Offline, the activist changes the topic and saves: it waits in the queue.
    context.set_offline(True)
    page.locator("#id_topic").fill("Topik dari ponsel")
    page.get_by_role("button", name="Simpan perubahan").click()
    expect(strip).to_contain_text("Luring — 1 laporan menunggu dikirim")

    # Meanwhile the activity changes on the server.
    app_server.shell(
        "from naungan.community.models import Activity\n"
        f"a = Activity.objects.get(public_id='{activity_id}')\n"
        "a.topic = 'Topik dari server'\n"
        "a.save()"
    )

    # Back online: a conflict, both versions shown, nothing overwritten.
    context.set_offline(False)
    conflict = page.get_by_test_id("offline-conflict")
    expect(conflict).to_be_visible(timeout=15_000)
    expect(conflict).to_contain_text("Versi saya")
    expect(conflict).to_contain_text("Topik dari ponsel")
    expect(conflict).to_contain_text("Versi server")
    expect(conflict).to_contain_text("Topik dari server")
    assert topic() == "Topik dari server"
    assert len(page.evaluate(VAULT_JS)["items"]) == 1  # the edit waits for the choice

    # The activist keeps their version: a deliberate overwrite, sent once.
    conflict.get_by_role("button", name="Simpan versi saya").click()
    expect(strip).to_contain_text("Semua terkirim", timeout=15_000)
    expect(conflict).to_have_count(0)
    assert topic() == "Topik dari ponsel"
    assert page.evaluate(VAULT_JS)["items"] == []
    context.close()


def test_a_revoked_device_wipes_its_queue_on_its_next_contact(app_server, browser):
    base = app_server.url
    username = "aktivis_dicabut"
    _activist(app_server, username)
    page = new_page(browser, viewport={"width": 360, "height": 740})
    context = page.context
    login(page, base, username, PASSWORD)
    page.goto(f"{base}/ppatbm/lapor/")
    strip = page.get_by_test_id("offline-strip")
    expect(strip).to_contain_text("Semua terkirim")
    _wait_for_cached(page, "/ppatbm/lapor/")

    def fill_report(story: str) -> None:
        page.get_by_label("Fisik").check()
        page.locator("#id_description").fill(story)
        page.locator("#id_kelurahan").select_option(KELURAHAN)
        page.get_by_test_id("field-report-submit").click()

    # A first report sent online registers the device.
    fill_report("Anak di RT 02 dipukul tiap malam (uji perangkat pertama).")
    expect(strip).to_contain_text("Semua terkirim", timeout=15_000)
    device_id = _last(
        app_server.shell(
            "from naungan.offline.models import Device\n"
            f"print(Device.objects.get(user__username='{username}').public_id)"
        )
    )

    # Offline, a second report waits on the phone, encrypted.
    context.set_offline(True)
    page.reload()
    fill_report("Anak di RT 02 dipukul lagi (uji perangkat kedua, dicabut).")
    expect(strip).to_contain_text("Luring — 1 laporan menunggu dikirim")
    kept = page.evaluate(VAULT_JS)
    assert len(kept["items"]) == 1
    assert kept["key"] is not None

    # The supervisor revokes the device (the phone is lost).
    app_server.shell(
        "from naungan.accounts.models import User\n"
        "from naungan.offline.models import Device\n"
        "from naungan.offline.services import device_revoke\n"
        f"device_revoke(actor=User.objects.get(username='supervisor_bpp'),"
        f" device=Device.objects.get(public_id='{device_id}'))"
    )

    # Its next contact: the queue and its key are wiped, nothing of it stored.
    context.set_offline(False)
    expect(page.locator("#offline-notice")).to_contain_text("sudah dicabut", timeout=15_000)
    wiped = page.evaluate(VAULT_JS)
    assert wiped["items"] == []
    assert wiped["key"] is None
    assert page.evaluate("async () => (await caches.keys()).length") == 0
    reports = app_server.shell(
        "from naungan.reports.models import Report\n"
        f"print(Report.objects.filter(created_by__username='{username}').count())"
    )
    assert _last(reports) == "1"
    context.close()
