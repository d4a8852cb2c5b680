"""In-app notices to staff (overdue tasks, transfers, reporter messages)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.cases.models.cases import Case
from naungan.cases.models.tasks import Task
from naungan.core.models import TimeStampedModel


class NotificationKind(models.TextChoices):
    TASK_OVERDUE = "task_overdue", _("Tugas terlambat")
    ASSIGNED = "assigned", _("Ditugaskan")
    TRANSFER = "transfer", _("Pelimpahan")
    CLOSURE = "closure", _("Penutupan")
    PLAN = "plan", _("Rencana intervensi")
    REPORTER_MESSAGE = "reporter_message", _("Pesan pelapor")
    # A decision asked of a supervisor: a plan submitted, a closure requested, a transfer to
    # accept.
    APPROVAL = "approval", _("Menunggu keputusan Anda")


class Notification(TimeStampedModel):
    """An in-app notice to one user. Its text never holds personal data (it names the case by
    registration number and the task by kind), so it may also go out by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(max_length=300)
    # Where the notice leads (a path of this site), when not the case page: the plan to
    # approve, the transfer to decide (its receiver cannot open the case yet).
    link = models.CharField(max_length=200, blank=True, default="")
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            # One overdue notice per task and user: the overdue check is safe to run twice.
            models.UniqueConstraint(
                fields=["user", "task", "kind"],
                condition=models.Q(task__isnull=False),
                name="one_notice_per_task_user_kind",
            )
        ]

    def __str__(self) -> str:
        return self.message
