"""The partner clocks of DESIGN §6 (the clock table): deadlines of the police, the courts and
LPSK that the caseworker follows. Each becomes a case task citing its legal source; the
vocabulary is ``models.PartnerClock``."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from naungan.cases.models import TaskKind

from .models import PartnerClock


@dataclass(frozen=True)
class Clock:
    """A partner's deadline: the task it becomes, its hours from the start, its legal source
    and what the caseworker checks."""

    kind: str
    hours: int
    source: str
    duty: Promise


# Clock hours from the moment the police learned of the case (the caseworker gives it: the
# accompaniment to the police, or the report's receipt there). UU PKDRT Pasal 16: temporary
# protection within 1×24 h, lasting at most 7 days, and within 1×24 h of giving it the police
# ask the court for a protection order (so 48 h from the start at the latest). UU TPKS
# Pasal 42: temporary protection within 1×24 h (at most 14 days); Pasal 43: the request to
# LPSK within 1×24 h (DESIGN §6 marks the TPKS numbering to confirm).
CLOCKS: dict[str, Clock] = {
    PartnerClock.KDRT_TEMPORARY_PROTECTION: Clock(
        TaskKind.PARTNER_PROTECTION,
        24,
        "UU PKDRT Pasal 16 ayat (1)–(2)",
        gettext_lazy("Polisi memberi perlindungan sementara, paling lama 7 hari."),
    ),
    PartnerClock.KDRT_PROTECTION_ORDER: Clock(
        TaskKind.PROTECTION_ORDER,
        48,
        "UU PKDRT Pasal 16 ayat (3)",
        gettext_lazy(
            "Polisi meminta penetapan perintah perlindungan ke pengadilan dalam 1×24 jam "
            "setelah memberi perlindungan sementara."
        ),
    ),
    PartnerClock.TPKS_TEMPORARY_PROTECTION: Clock(
        TaskKind.PARTNER_PROTECTION,
        24,
        "UU TPKS Pasal 42",
        gettext_lazy("Polisi memberi perlindungan sementara, paling lama 14 hari."),
    ),
    PartnerClock.LPSK_REQUEST: Clock(
        TaskKind.LPSK_REQUEST,
        24,
        "UU TPKS Pasal 43",
        gettext_lazy("Polisi mengajukan permintaan perlindungan ke LPSK."),
    ),
}
PARTNER_SOURCES = frozenset(c.source for c in CLOCKS.values())
