"""Refusals of trainings and competencies, all ``DomainError``s (one API handler, one view
helper answer them)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from naungan.core.exceptions import DomainError


class TrainingError(DomainError):
    """A rule of trainings or competencies refused the action."""


class NotTrainingManager(TrainingError):
    status = 403
    default_message = _("Hanya supervisor atau administrator dinas yang mencatat pelatihan.")


class CompetencyRequired(TrainingError):
    """The actor lacks a competency that their unit requires for the action (or it has
    expired). **403**: the request is well-formed and the record visible, but this person may
    not do this until they hold the competency (the same answer as "your role may not",
    CONTRACT §4). The message names the competency in the user's language; the JSON answer
    carries ``competency`` (its code), ``action`` and ``expired_on`` (ISO date or null)."""

    status = 403
    default_message = _("Tindakan ini memerlukan kompetensi yang belum Anda miliki.")


class CertificateNotIssued(TrainingError):
    status = 409
    default_message = _(
        "Sertifikat hanya diterbitkan untuk peserta yang hadir dan lulus. Catat kehadiran dan "
        "nilai peserta dulu."
    )
