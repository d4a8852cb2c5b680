"""Who works on a case: the assignment rows (lead and co-workers)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.cases.models.cases import Case
from naungan.core.models import TimeStampedModel
from naungan.core.vocabulary import Channel, Sex, Triage, ViolenceType  # noqa: F401 - re-exported


class Assignment(TimeStampedModel):
    """History of assignments: who was made lead or co-worker, or removed, by whom."""

    class Action(models.TextChoices):
        LEAD = "lead", _("Pendamping utama")
        CO_WORKER = "co_worker", _("Pendamping pendukung")
        REMOVED = "removed", _("Dilepas")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # When the assigned user first opened the case after this assignment: until then the case
    # is "new" on their home page. Empty on ``removed`` rows.
    seen_at = models.DateTimeField(_("dibuka"), null=True, blank=True)

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = _("penugasan")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "seen_at"], name="assignment_user_seen")]

    def __str__(self) -> str:
        return f"{self.action} {self.user_id}"
