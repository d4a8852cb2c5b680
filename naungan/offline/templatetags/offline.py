"""The offline field app on the activist pages (``/ppatbm/``): ``{% offline_head %}`` links the
manifest and the scripts, ``{% offline_strip %}`` shows the status strip ("Luring — 2 laporan
menunggu dikirim") and hands the page its settings. Both render nothing elsewhere, so the
base layout knows nothing of this app."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.community.models import Activity

from ..shell import shell_forms

register = template.Library()

SCOPE = "/ppatbm/"


def _active(context: Any) -> bool:
    request = context.get("request")
    if request is None or not request.path.startswith(SCOPE):
        return False
    return user_in(getattr(request, "user", None), ACTIVISTS)


def owner_tag(user: Any) -> str:
    """An opaque tag of the signed-in user (never the username on the device): a queue made
    under another tag is wiped, so a shared phone never sends one activist's items as
    another's."""
    # SHA-1 named (Django's default until 2028): phones keep the tag their queue was made under.
    tag = salted_hmac("naungan.offline.owner", str(user.pk), algorithm="sha1")
    return tag.hexdigest()[:32]


def _labels(user: Any) -> dict[str, dict[str, str]]:
    """The field names an error of a sync item is shown with, per kind of item (paths as the
    sync answers them: ``victim.age``, ``attendance.women``)."""
    from naungan.reports.forms import StaffReportForm

    form = StaffReportForm(actor=user)
    report = {name: str(field.label) for name, field in form.fields.items()}
    for name in ("name", "age", "sex"):
        report[f"victim.{name}"] = report.get(f"victim_{name}", "")
    report["area_code"] = report.get("kelurahan", "")
    activity = {f.name: str(f.verbose_name) for f in Activity._meta.concrete_fields}
    for name in ("women", "men", "girls", "boys"):
        activity[f"attendance.{name}"] = activity[name]
    activity["area_code"] = activity["area"]
    from naungan.community.forms.accompaniment import LogForm

    log = {name: str(field.label) for name, field in LogForm().fields.items()}
    log["brief"] = str(_("Tugas pendampingan"))
    return {
        "report": report,
        "activity": activity,
        "activity_edit": activity,
        "accompaniment_log": log,
    }


def _texts() -> dict[str, str]:
    """What the page's script says, in the user's language ({n}, {d}, {msg} are filled in)."""
    return {
        "offlineWaiting": _("Luring — {n} laporan menunggu dikirim"),
        "offlineNone": _("Luring — formulir tetap bisa diisi dan disimpan di ponsel"),
        "onlineWaiting": _("{n} laporan menunggu dikirim"),
        "allSent": _("Semua terkirim"),
        "sending": _("Mengirim…"),
        "sendNow": _("Kirim sekarang"),
        "saved": _("Tersimpan di ponsel (terenkripsi). Dikirim otomatis begitu tersambung."),
        "sent": _("Terkirim ke UPTD PPA."),
        "failed": _("Belum terkirim"),
        "remove": _("Hapus"),
        "edit": _("Perbaiki"),
        "removeConfirm": _("Hapus isian ini dari ponsel? Isian ini belum terkirim."),
        "kindReport": _("Laporan kasus"),
        "kindActivity": _("Kegiatan pencegahan"),
        "kindAccompaniment": _("Catatan pendampingan"),
        "sessionEnded": _(
            "Sesi Anda berakhir. Masuk lagi untuk mengirim; antrian tetap tersimpan di ponsel."
        ),
        "serverDown": _("Server belum dapat dihubungi. Dicoba lagi nanti."),
        "revoked": _("Perangkat ini sudah dicabut. Antrian di ponsel ini telah dihapus."),
        "expired": _("Isian yang lebih lama dari {d} hari dihapus dari ponsel ini."),
        "logoutConfirm": _(
            "{n} laporan belum terkirim dan akan dihapus dari ponsel ini. Tetap keluar?"
        ),
        "noCrypto": _(
            "Peramban ini tidak dapat menyimpan isian secara terenkripsi. Kirim saat tersambung."
        ),
        "conflict": _("Kegiatan ini sudah diubah orang lain di server. Pilih versi yang disimpan."),
        "keepMine": _("Simpan versi saya"),
        "keepServer": _("Pakai versi server"),
        "mine": _("Versi saya"),
        "server": _("Versi server"),
    }


@register.inclusion_tag("offline/partials/head.html", takes_context=True)
def offline_head(context: Any) -> dict[str, Any]:
    return {"active": _active(context)}


@register.inclusion_tag("offline/partials/strip.html", takes_context=True)
def offline_strip(context: Any) -> dict[str, Any]:
    if not _active(context):
        return {"active": False}
    request = context["request"]
    config = {
        "scope": SCOPE,
        "swUrl": reverse("offline:sw"),
        "syncUrl": reverse("offline:sync"),
        "devicesUrl": reverse("offline:devices"),
        "logoutUrl": reverse("account_logout"),
        "maxDays": settings.NAUNGAN_OFFLINE_MAX_DAYS,
        "owner": owner_tag(request.user),
        "forms": shell_forms(),
        "labels": _labels(request.user),
        "text": _texts(),
    }
    return {"active": True, "config": config}
