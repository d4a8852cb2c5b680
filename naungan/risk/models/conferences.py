"""A multi-agency risk conference (MARAC-style; locally *rapat koordinasi lintas sektor*):
when, which agencies came, which cases were discussed, the outcome. Its actions are tasks on the
cases (kind ``conference_action``); its date feeds the ``repeat`` referral rule."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import Case, Task
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel
from naungan.orgs.models import Organisation


class Conference(PublicModel):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("penyelenggara")
    )
    held_on = models.DateField(_("tanggal rapat"))
    agencies = models.ManyToManyField(
        Organisation, blank=True, related_name="risk_conferences", verbose_name=_("lembaga hadir")
    )
    cases = models.ManyToManyField(
        Case, related_name="risk_conferences", verbose_name=_("kasus dibahas")
    )
    actions = models.ManyToManyField(Task, blank=True, related_name="+")
    outcome = EncryptedTextField(_("hasil rapat"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("rapat koordinasi lintas sektor")
        verbose_name_plural = _("rapat koordinasi lintas sektor")
        indexes = [models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on}"
