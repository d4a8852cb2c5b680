"""The dimensions statistics are broken down by (DESIGN §7a, §13), with their keys in order
and the label each key is read as."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from naungan.areas.models import Area
from naungan.cases.models import Channel, GbvType, Place, Relationship, Sex, TpksType
from naungan.core.vocabulary import ViolenceType
from naungan.services.models import Service

from .counting import PERPETRATOR_AGE_GROUPS, UNKNOWN, VICTIM_AGE_GROUPS, Period


@dataclass(frozen=True)
class Dimension:
    name: str
    title: object  # lazy translation
    # Whether the cells of a breakdown add up to the total (exactly one value per incident):
    # only then can a hidden cell be derived, and the complementary cell is hidden too.
    partition: bool = True


DIMENSIONS: dict[str, Dimension] = {
    d.name: d
    for d in (
        Dimension("area", gettext_lazy("Wilayah")),
        Dimension("month", gettext_lazy("Bulan")),
        Dimension("violence_type", gettext_lazy("Jenis kekerasan (SIMFONI)"), partition=False),
        Dimension("gbv_type", gettext_lazy("Jenis KBG (GBVIMS)")),
        Dimension("tpks_type", gettext_lazy("Kategori UU TPKS")),
        Dimension("age_group", gettext_lazy("Kelompok umur korban")),
        Dimension("sex", gettext_lazy("Jenis kelamin korban")),
        Dimension("disability", gettext_lazy("Disabilitas korban")),
        Dimension("place", gettext_lazy("Tempat kejadian")),
        Dimension("relationship", gettext_lazy("Hubungan pelaku")),
        Dimension("perpetrator_age_group", gettext_lazy("Kelompok umur pelaku")),
        Dimension("channel", gettext_lazy("Saluran pengaduan")),
        Dimension("service", gettext_lazy("Layanan"), partition=False),
    )
}


def _choices(choices: type[models.TextChoices], unknown: str) -> list[tuple[str, str]]:
    keys = [(str(v), str(label)) for v, label in choices.choices if v != UNKNOWN]
    return [*keys, (UNKNOWN, unknown)]


def _age(groups: list[tuple[str, int, int | None]]) -> list[tuple[str, str]]:
    out = []
    for key, low, high in groups:
        text = (
            _("%(low)s–%(high)s tahun") % {"low": low, "high": high}
            if high is not None
            else _("%(low)s tahun ke atas") % {"low": low}
        )
        out.append((key, text))
    return [*out, (UNKNOWN, _("Usia tidak diketahui"))]


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month]} {year}"


def dimension_keys(name: str, period: Period) -> list[tuple[str, str]]:
    """Every key of the dimension for ``period``, in reading order, with its label (keys with
    no incident are shown too, as 0 or "<5")."""
    makers: dict[str, Callable[[], list[tuple[str, str]]]] = {
        "area": lambda: (
            [(a.code, a.name) for a in Area.objects.filter(parent=period.area).order_by("code")]
            or [(period.area.code, period.area.name)]
        ),
        "month": lambda: [
            (f"{period.year:04d}-{m:02d}", month_label(period.year, m))
            for m in ([period.month] if period.month else range(1, 13))
        ],
        "violence_type": lambda: [(str(v), str(label)) for v, label in ViolenceType.choices],
        "gbv_type": lambda: [(str(v), str(label)) for v, label in GbvType.choices],
        "tpks_type": lambda: _choices(TpksType, _("Tidak ada kategori TPKS")),
        "age_group": lambda: _age(VICTIM_AGE_GROUPS),
        "perpetrator_age_group": lambda: _age(PERPETRATOR_AGE_GROUPS),
        "sex": lambda: _choices(Sex, _("Jenis kelamin tidak diketahui")),
        "disability": lambda: [
            ("true", _("Dengan disabilitas")),
            ("false", _("Tanpa disabilitas")),
        ],
        "place": lambda: _choices(Place, _("Tempat tidak diketahui")),
        "relationship": lambda: _choices(Relationship, _("Tidak diketahui")),
        "channel": lambda: _choices(Channel, _("Saluran tidak diketahui")),
        "service": lambda: [(str(v), str(label)) for v, label in Service.choices],
    }
    return makers[name]()
