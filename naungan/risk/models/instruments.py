"""Risk instruments as versioned data (DESIGN §8): questions in Indonesian and English, the
scoring rule, bands and referral threshold. A version is never edited once saved: a change is
a new version, and every assessment keeps the version (and the bands) it used."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from naungan.core.models import TimeStampedModel
from naungan.orgs.models import Organisation


class Rule(models.TextChoices):
    COUNT_YES = "count_yes", _("Jumlah jawaban ya")
    TRIAGE = "triage", _("Saran triase")


# Triage levels, most urgent first (the reports app's ``TriageLevel`` values, DESIGN §4).
TRIAGE_LEVELS = ["emergency", "high", "medium", "low"]


class Instrument(TimeStampedModel):
    """One instrument (``dash``, ``da``, ``triage``); its questions live in its versions."""

    key = models.SlugField(_("kode"), max_length=20, unique=True)
    name_id = models.CharField(_("nama (Indonesia)"), max_length=120)
    name_en = models.CharField(_("nama (Inggris)"), max_length=120)

    class Meta:
        ordering = ["key"]
        verbose_name = _("instrumen risiko")
        verbose_name_plural = _("instrumen risiko")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id

    def current_version(self) -> InstrumentVersion:
        """The newest version: what a new assessment uses."""
        return self.versions.order_by("-number").first()  # type: ignore[return-value]


class InstrumentVersion(TimeStampedModel):
    """One immutable version of an instrument.

    ``questions``: ``[{"key": "q1", "id": "…", "en": "…"}, …]`` in the order asked.
    ``bands``: ``[["high", 14], ["medium", 10], ["standard", 0]]``, highest first (a score
    reaches the first band whose minimum it meets); empty for an instrument without levels.
    ``weights``: the Danger Assessment's weight table and danger levels, ``None`` until an
    administrator loads a verified one (the weighted levels ship disabled, DESIGN §8)."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("versi"))
    rule = models.CharField(_("aturan skor"), max_length=20, choices=Rule.choices)
    questions = models.JSONField(_("pertanyaan"))
    options = models.JSONField(_("pilihan jawaban"), default=list)
    bands = models.JSONField(_("batas tingkat"), default=list, blank=True)
    high_threshold = models.PositiveSmallIntegerField(
        _("ambang rujukan rapat"), null=True, blank=True
    )
    emergency_keys = models.JSONField(_("butir darurat (triase)"), default=list, blank=True)
    weights = models.JSONField(_("tabel bobot terverifikasi"), null=True, blank=True)
    notes_id = models.TextField(_("catatan (Indonesia)"), blank=True)
    notes_en = models.TextField(_("catatan (Inggris)"), blank=True)

    class Meta:
        ordering = ["instrument", "-number"]
        verbose_name = _("versi instrumen")
        verbose_name_plural = _("versi instrumen")
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="instrument_version_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="instrument_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.instrument.key} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A version is data that past assessments point to: never rewritten (DESIGN §8).
        if self.pk is not None and type(self).objects.filter(pk=self.pk).exists():
            raise ValidationError(
                _("Versi instrumen tidak dapat diubah. Tambahkan versi baru."), code="immutable"
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValidationError(_("Versi instrumen tidak dapat dihapus."), code="immutable")

    def clean(self) -> None:
        keys = [q.get("key") for q in self.questions if isinstance(q, dict)]
        if len(keys) != len(self.questions) or not keys:
            raise ValidationError({"questions": _("Setiap pertanyaan perlu kode dan teks.")})
        if len(set(keys)) != len(keys):
            raise ValidationError({"questions": _("Kode pertanyaan tidak boleh berulang.")})
        for q in self.questions:
            if not q.get("id") or not q.get("en"):
                raise ValidationError(
                    {"questions": _("Setiap pertanyaan perlu teks Indonesia dan Inggris.")}
                )
        if self.rule == Rule.TRIAGE:
            self._clean_triage({str(k) for k in keys})

    def _clean_triage(self, keys: set[str]) -> None:
        """A triage version's ``bands`` are ``[[level, [item, …]], …]``, most urgent first:
        a known triage level and known items, each item in one band."""
        seen: set[str] = set()
        for band in self.bands or []:
            ok = (
                isinstance(band, list | tuple)
                and len(band) == 2
                and band[0] in TRIAGE_LEVELS
                and isinstance(band[1], list)
                and all(k in keys and k not in seen for k in band[1])
            )
            if not ok:
                raise ValidationError(
                    {
                        "bands": _(
                            "Aturan triase: daftar [tingkat, [kode butir, …]] dengan tingkat "
                            "emergency, high, medium atau low dan kode butir yang ada, "
                            "masing-masing sekali."
                        )
                    }
                )
            seen.update(band[1])

    def triage_levels(self) -> dict[str, str]:
        """For a triage version: the level a "yes" to each item suggests. From ``bands`` when
        the version has them; a version without (v1) keeps DESIGN §8's rule: an item of
        ``emergency_keys`` suggests emergency, any other high."""
        levels: dict[str, str] = {}
        if self.bands:
            for level, items in self.bands:
                for key in items:
                    levels.setdefault(key, level)
            return levels
        emergency = set(self.emergency_keys or [])
        return {k: "emergency" if k in emergency else "high" for k in self.keys}

    def triage_suggest(self, ticked: list[str]) -> str:
        """The most urgent level among the ticked items' (``""`` when nothing suggests one)."""
        levels = self.triage_levels()
        found = [levels[k] for k in ticked if k in levels]
        return min(found, key=TRIAGE_LEVELS.index) if found else ""

    @property
    def keys(self) -> list[str]:
        return [q["key"] for q in self.questions]

    @property
    def weighted_enabled(self) -> bool:
        return bool(self.weights)

    @property
    def notes(self) -> str:
        return self.notes_en if (get_language() or "id").startswith("en") else self.notes_id

    def question_texts(self) -> list[tuple[str, str]]:
        """``(key, text)`` in the reader's language."""
        lang = "en" if (get_language() or "id").startswith("en") else "id"
        return [(q["key"], q[lang]) for q in self.questions]


class OrganisationBands(TimeStampedModel):
    """A unit's own boundary between the two lower DASH bands (standard / medium, a local
    default, DESIGN §8); the high threshold stays the published one. Applied when an
    assessment is made and copied into it, so a later change leaves past results as they were."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="risk_bands"
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="+")
    medium_from = models.PositiveSmallIntegerField(_("skor terendah tingkat sedang"))

    class Meta:
        verbose_name = _("batas tingkat unit")
        verbose_name_plural = _("batas tingkat unit")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "instrument"], name="risk_bands_one_per_unit"
            ),
            models.CheckConstraint(condition=Q(medium_from__gte=1), name="risk_bands_medium_min"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.instrument.key} {self.medium_from}"
