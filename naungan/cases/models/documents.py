"""Documents uploaded to a case (encrypted at rest)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.cases.models.cases import Case
from naungan.core.fields import EncryptedBinaryField, EncryptedTextField
from naungan.core.models import PublicModel


class DocumentKind(models.TextChoices):
    VISUM = "visum", _("Visum et repertum")
    POLICE_REPORT = "police_report", _("Laporan polisi (LP)")
    ID_CARD = "id_card", _("KTP")
    FAMILY_CARD = "family_card", _("Kartu keluarga (KK)")
    COURT = "court", _("Dokumen pengadilan")
    LETTER = "letter", _("Surat")
    MINUTES = "minutes", _("Berita acara")
    OTHER = "other", _("Lainnya")


class CaseDocument(PublicModel):
    """An encrypted file on a case. The content type is detected from the bytes; the name the
    uploader gave is kept encrypted (it may identify the victim) and never used on disk."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("jenis dokumen"), max_length=20, choices=DocumentKind.choices)
    title = EncryptedTextField(_("judul"), blank=True)
    original_name = EncryptedTextField(_("nama berkas asli"), blank=True)
    content_type = models.CharField(_("jenis isi"), max_length=100)
    size = models.PositiveIntegerField(_("ukuran"))
    sha256 = models.CharField(max_length=64)
    blob = EncryptedBinaryField(_("isi terenkripsi"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dokumen kasus")
        verbose_name_plural = _("dokumen kasus")

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id}"
