"""The public check of a training certificate by its verification code (``codes.py``): what
the certificate says and whether it still holds. Read only: nothing about who looked is
written anywhere (no audit event, no record; the rate limit keeps only a keyed hash of the
address for its window, as every public lookup)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from naungan.core.words import person_name

from ..codes import verification_code_normalize
from ..models import Participant

VALID, EXPIRED, REVOKED = "valid", "expired", "revoked"
STATUS_LABELS = {
    VALID: _("Berlaku"),
    EXPIRED: _("Sudah berakhir"),
    REVOKED: _("Dicabut"),
}


@dataclass(frozen=True)
class CompetencyLine:
    label: str
    expires_on: date | None
    expired: bool


@dataclass(frozen=True)
class CertificateCheck:
    code: str
    number: str
    holder: str  # as the certificate prints it
    training: str
    starts_on: date
    ends_on: date
    place: str
    organiser: str
    competencies: list[CompetencyLine]
    status: str

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def certificate_check(code: str | None, *, today: date) -> CertificateCheck | None:
    """The certificate whose verification code is exactly ``code`` (any case, dashes
    optional), or None: an unknown code and one that is not a code at all answer alike.

    Status: *revoked* when the results were recorded again without a pass (the competencies
    were taken back); *expired* when every competency it conferred has ended; *valid*
    otherwise (a competency without an end, or a training that confers none)."""
    normal = verification_code_normalize(code)
    if normal is None:
        return None
    p = (
        Participant.objects.select_related("user", "training", "training__organiser")
        .filter(verification_code=normal, certificate_number__isnull=False)
        .first()
    )
    if p is None:
        return None
    training = p.training
    if not p.passed:
        lines = [
            CompetencyLine(str(c.get_competency_display()), None, False)
            for c in training.competencies.all()  # type: ignore[attr-defined]
        ]
        status = REVOKED
    else:
        lines = [
            CompetencyLine(
                str(g.get_competency_display()),
                g.expires_on,
                g.expires_on is not None and g.expires_on < today,
            )
            for g in p.grants.order_by("competency")  # type: ignore[attr-defined]
        ]
        status = EXPIRED if lines and all(x.expired for x in lines) else VALID
    return CertificateCheck(
        code=normal,
        number=p.certificate_number or "",
        holder=person_name(p.user),
        training=training.title,
        starts_on=training.starts_on,
        ends_on=training.ends_on,
        place=training.place,
        organiser=training.organiser.name,
        competencies=lines,
        status=status,
    )
