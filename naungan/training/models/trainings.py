"""Trainings (DESIGN §10): an event organised by a dinas (DP3AKB, the province's DP3APPKB), a
kecamatan or a UPTD PPA, with resource persons from partner bodies (LPSK, Densus 88,
Bikksa/Aisyiyah, psychologists), the competencies it confers, its participants, their
attendance and pre/post test scores, and a certificate per participant who passed."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naungan.core.models import PublicModel
from naungan.orgs.models import Organisation

from .competencies import Competency

SCORE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class Training(PublicModel):
    title = models.CharField(_("judul"), max_length=200)
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="organised_trainings",
        verbose_name=_("penyelenggara"),
    )
    resource_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="trainings_as_resource",
        verbose_name=_("lembaga narasumber"),
    )
    # Bodies not in the directory (Densus 88, a university, a psychologist in private
    # practice): free text, one per line.
    resource_persons = models.TextField(_("narasumber lain"), blank=True)
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"))
    place = models.CharField(_("tempat"), max_length=200)
    description = models.TextField(_("uraian"), blank=True)
    # The post-test score a participant needs to pass (and earn the competencies); empty:
    # attendance alone (project default 70, NAUNGAN_TRAINING_PASS_MARK).
    pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus post-test"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("pelatihan")
        verbose_name_plural = _("pelatihan")
        indexes = [models.Index(fields=["starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="training_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(pass_mark__isnull=True) | Q(pass_mark__lte=100),
                name="training_pass_mark_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")}
            )


class TrainingCompetency(models.Model):
    """A competency the training confers on those who pass, valid ``validity_months`` from the
    training's last day (empty: it does not expire)."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="competencies", verbose_name=_("pelatihan")
    )
    competency = models.CharField(_("kompetensi"), max_length=40, choices=Competency.choices)
    validity_months = models.PositiveSmallIntegerField(
        _("masa berlaku (bulan)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )

    class Meta:
        ordering = ["competency"]
        verbose_name = _("kompetensi pelatihan")
        verbose_name_plural = _("kompetensi pelatihan")
        constraints = [
            models.UniqueConstraint(
                fields=["training", "competency"], name="training_competency_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.get_competency_display())


class Participant(PublicModel):
    """A staff member or activist taking part: attendance, pre/post test scores (0–100), the
    certificate's number and its verification code (both set once they pass, kept after)."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="participants", verbose_name=_("pelatihan")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="training_participations",
        verbose_name=_("peserta"),
    )
    attended = models.BooleanField(_("hadir"), default=False)
    pre_score = models.PositiveSmallIntegerField(
        _("nilai pre-test"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    post_score = models.PositiveSmallIntegerField(
        _("nilai post-test"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    passed = models.BooleanField(_("lulus"), default=False)
    certificate_number = models.CharField(
        _("nomor sertifikat"), max_length=40, unique=True, null=True, blank=True
    )
    # Printed on the certificate; the public page /sertifikat/cek/ confirms it (codes.py).
    verification_code = models.CharField(
        _("kode verifikasi"), max_length=19, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["user__first_name", "user__last_name", "user__username"]
        verbose_name = _("peserta pelatihan")
        verbose_name_plural = _("peserta pelatihan")
        constraints = [
            models.UniqueConstraint(fields=["training", "user"], name="participant_once"),
            models.CheckConstraint(
                condition=(Q(pre_score__isnull=True) | Q(pre_score__lte=100))
                & (Q(post_score__isnull=True) | Q(post_score__lte=100)),
                name="participant_scores_range",
            ),
        ]

    def __str__(self) -> str:
        from naungan.core.words import person_name

        return person_name(self.user)
