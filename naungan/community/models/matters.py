"""Micro matters handled at RT level (Lautan RT, DESIGN §10): a matter may be settled in the
neighbourhood, but violence against a woman or a child is also reported to the UPTD PPA, and
sexual violence is never settled locally (UU TPKS Pasal 23): such a matter carries the report
it created."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel
from naungan.orgs.models import Organisation
from naungan.reports.models import Report


class MicroMatterOutcome(models.TextChoices):
    HANDLED_LOCALLY = "handled_locally", _("Diselesaikan di tingkat RT")
    HANDLED_AND_REPORTED = "handled_and_reported", _("Ditangani di RT dan dilaporkan ke UPTD PPA")
    REPORTED = "reported", _("Dilaporkan ke UPTD PPA, tidak diselesaikan di RT")


class MicroMatter(PublicModel):
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rt = models.CharField(_("RT"), max_length=3, blank=True)
    rw = models.CharField(_("RW"), max_length=3, blank=True)
    handled_on = models.DateField(_("tanggal"))
    summary = EncryptedTextField(_("ringkasan"))
    violence_against_woman_or_child = models.BooleanField(
        _("kekerasan terhadap perempuan atau anak"), default=False
    )
    sexual_violence = models.BooleanField(_("kekerasan seksual"), default=False)
    outcome = models.CharField(_("hasil"), max_length=24, choices=MicroMatterOutcome.choices)
    report = models.OneToOneField(
        Report, null=True, blank=True, on_delete=models.PROTECT, related_name="micro_matter"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-handled_on", "-id"]
        verbose_name = _("masalah mikro")
        verbose_name_plural = _("masalah mikro")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=MicroMatterOutcome.values), name="micro_matter_outcome"
            ),
            # Violence against a woman or child always reaches the UPTD PPA (a report).
            models.CheckConstraint(
                condition=Q(violence_against_woman_or_child=False, sexual_violence=False)
                | Q(report__isnull=False),
                name="micro_matter_violence_reported",
            ),
            # Sexual violence is never settled locally.
            models.CheckConstraint(
                condition=Q(sexual_violence=False) | Q(outcome="reported"),
                name="micro_matter_sexual_not_local",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.handled_on} {self.outcome}"
