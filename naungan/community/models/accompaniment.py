"""Accompaniment by an activist (DESIGN §10 (3)): a caseworker names an activist companion on a
case and writes a brief of what the activist may know; the activist sees the brief and the task
(nothing else of the case) and logs what they did."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import Case
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel


class BriefStatus(models.TextChoices):
    OPEN = "open", _("Berjalan")
    DONE = "done", _("Selesai")
    WITHDRAWN = "withdrawn", _("Ditarik")


class AccompanimentBrief(PublicModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="activist_briefs")
    activist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="accompaniment_briefs",
        verbose_name=_("aktivis pendamping"),
    )
    brief = EncryptedTextField(_("ringkasan yang dibagikan"))
    task = EncryptedTextField(_("tugas"))
    due_on = models.DateField(_("batas waktu"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BriefStatus.choices, default=BriefStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ditulis oleh"),
    )
    # The case Task of the accompaniment (kind ``activist_accompaniment``, owned by the
    # activist): done when the activist logs the accompaniment as finished or a writer marks
    # it done, cancelled when the activist is withdrawn.
    case_task = models.OneToOneField(
        "cases.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activist_brief",
        verbose_name=_("tugas kasus"),
    )

    class Meta:
        ordering = ["status", "due_on", "-created_at"]
        verbose_name = _("ringkasan pendampingan aktivis")
        verbose_name_plural = _("ringkasan pendampingan aktivis")
        indexes = [models.Index(fields=["activist", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=BriefStatus.values), name="brief_status")
        ]

    def __str__(self) -> str:
        return str(self.public_id)


class AccompanimentLog(PublicModel):
    brief = models.ForeignKey(AccompanimentBrief, on_delete=models.CASCADE, related_name="logs")
    done_on = models.DateField(_("tanggal"))
    place = EncryptedTextField(_("tempat"))
    with_whom = EncryptedTextField(_("bersama siapa"), blank=True)
    what_happened = EncryptedTextField(_("apa yang terjadi"))
    # The activist said the accompaniment is finished with this log (the brief is then done).
    finished = models.BooleanField(_("pendampingan selesai"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["done_on", "id"]
        verbose_name = _("catatan pendampingan aktivis")
        verbose_name_plural = _("catatan pendampingan aktivis")

    def __str__(self) -> str:
        return f"{self.brief_id} {self.done_on}"
