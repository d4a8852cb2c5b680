"""Deadlined tasks on a case (statutory police report, reviews, plan actions)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from naungan.cases.models.cases import Case
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel
from naungan.core.vocabulary import Channel, Sex, Triage, ViolenceType  # noqa: F401 - re-exported


class TaskKind(models.TextChoices):
    POLICE_REPORT = "police_report", _("Lapor ke polisi (UU TPKS Ps. 41)")
    SHELTER_REVIEW = "shelter_review", _("Tinjau penampungan")
    FIRST_RESPONSE = "first_response", _("Respons pertama")
    PARTNER_PROTECTION = "partner_protection", _("Perlindungan oleh mitra")
    REVIEW = "review", _("Tinjauan berkala")
    CHILD_PROTECTION_REFERRAL = "child_protection_referral", _("Rujukan perlindungan anak")
    FOLLOW_UP = "follow_up", _("Tindak lanjut")
    # Services on a case (naungan.services): the emergency outreach, the next court hearing,
    # and the partner clocks besides the temporary protection (DESIGN §6).
    OUTREACH = "outreach", _("Penjangkauan darurat")
    HEARING = "hearing", _("Sidang berikutnya")
    PROTECTION_ORDER = "protection_order", _("Permohonan penetapan perintah perlindungan")
    LPSK_REQUEST = "lpsk_request", _("Permohonan perlindungan ke LPSK")
    # The referral network (naungan.referrals): a provider that has not answered a referral.
    REFERRAL_REMINDER = "referral_reminder", _("Rujukan belum dijawab mitra")
    # Risk assessment (naungan.risk): a high result for the supervisor now, a risk
    # conference's actions, a safety plan's review date (DESIGN §8).
    RISK_HIGH = "risk_high", _("Risiko tinggi: tindak segera")
    CONFERENCE_ACTION = "conference_action", _("Tindakan rapat koordinasi")
    SAFETY_PLAN_REVIEW = "safety_plan_review", _("Tinjau rencana keselamatan")
    # The community network (naungan.community): an activist named companion on the case
    # (DESIGN §10 (3)); owned by the activist, who sees only the brief.
    ACTIVIST_ACCOMPANIMENT = "activist_accompaniment", _("Pendampingan oleh aktivis PPATBM")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Terbuka")
    DONE = "done", _("Selesai")
    WAIVED = "waived", _("Dikesampingkan")
    CANCELLED = "cancelled", _("Dibatalkan")


class Task(PublicModel):
    """A deadline on a case. Statutory tasks (law) are waived only by a supervisor with a reason.
    Overdue is computed (open and past ``due_at``), never stored."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("jenis"), max_length=30, choices=TaskKind.choices)
    # What this task asks when its kind alone does not say it: a plan action's task holds the
    # action ("Konseling psikolog"). Encrypted: an action may name a person.
    title = EncryptedTextField(_("judul"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_tasks",
        verbose_name=_("penanggung jawab"),
    )
    due_at = models.DateTimeField(_("tenggat"))
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    statutory = models.BooleanField(_("wajib menurut hukum"), default=False)
    source_rule = models.CharField(_("aturan asal"), max_length=60, blank=True)
    waived_reason = EncryptedTextField(_("alasan dikesampingkan"), blank=True)
    completed_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("tugas")
        verbose_name_plural = _("tugas")
        indexes = [
            models.Index(fields=["owner", "status", "due_at"]),
            models.Index(fields=["case", "status"]),
            models.Index(fields=["status", "due_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="waived") | ~Q(waived_reason=""),
                name="task_waived_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def label(self) -> str:
        """The task as a person reads it: a plan action's task by its action ("Rencana:
        Konseling psikolog"), any other by its title or else its kind."""
        if not self.title:
            return str(self.get_kind_display())
        if self.kind == TaskKind.FOLLOW_UP:
            return gettext("Rencana: %(action)s") % {"action": self.title}
        return str(self.title)

    @property
    def overdue(self) -> bool:
        return self.status == TaskStatus.OPEN and self.due_at < timezone.now()
