"""A user's saved case-list filters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.core.models import TimeStampedModel


class SavedFilter(TimeStampedModel):
    """A named case-list filter (the list's query string) kept for one user."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters"
    )
    name = models.CharField(_("nama"), max_length=80)
    query = models.CharField(_("saringan"), max_length=1000)

    class Meta:
        verbose_name = _("saringan tersimpan")
        verbose_name_plural = _("saringan tersimpan")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_filter_name_unique")
        ]

    def __str__(self) -> str:
        return self.name
