"""A victim's safety plan (DESIGN §8): versioned (each save a new version, the old kept) and
encrypted; its review date is a task. Handed over printed, never sent to a phone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import Case, Person, Task
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel

# The parts of a plan, in the order the plan and its printout show them.
PLAN_FIELDS = (
    "safe_places",
    "contacts",
    "code_word",
    "emergency_bag",
    "escape_routes",
    "children",
    "phone_safety",
    "protection_steps",
    "hotlines",
)


class SafetyPlan(PublicModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="safety_plans")
    victim = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField(_("versi"))
    safe_places = EncryptedTextField(_("Tempat aman"), blank=True)
    contacts = EncryptedTextField(_("Orang yang bisa dihubungi"), blank=True)
    code_word = EncryptedTextField(_("Kata sandi"), blank=True)
    emergency_bag = EncryptedTextField(_("Tas darurat dan dokumen"), blank=True)
    escape_routes = EncryptedTextField(_("Jalan keluar"), blank=True)
    children = EncryptedTextField(_("Anak-anak"), blank=True)
    phone_safety = EncryptedTextField(_("Keamanan ponsel dan media sosial"), blank=True)
    protection_steps = EncryptedTextField(_("Langkah perlindungan"), blank=True)
    hotlines = EncryptedTextField(_("Nomor layanan"), blank=True)
    review_on = models.DateField(_("tanggal tinjauan"))
    review_task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("rencana keselamatan")
        verbose_name_plural = _("rencana keselamatan")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "victim", "number"], name="safety_plan_version_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"v{self.number}"

    def parts(self) -> list[tuple[str, str]]:
        """``(label, text)`` of the filled parts, in the plan's order."""
        out = []
        for name in PLAN_FIELDS:
            value = getattr(self, name)
            if value:
                field = self._meta.get_field(name)
                out.append((str(getattr(field, "verbose_name", name)), value))
        return out
