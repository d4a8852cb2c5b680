"""Domain failures of case management, each with a translatable message and the HTTP status the
edge (API or view) answers with."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from naungan.core.exceptions import DomainError


class CaseError(DomainError):
    """A domain rule of case management refused the action."""


class TransitionNotAllowed(CaseError):
    default_message = _("Perpindahan status ini tidak diizinkan.")


class ClosureBlocked(CaseError):
    default_message = _("Kasus belum dapat ditutup.")


class ApproverIsRequester(CaseError):
    default_message = _("Penutupan harus disetujui oleh supervisor lain, bukan pengaju.")


class ClosureNotPending(CaseError):
    default_message = _("Tidak ada permintaan penutupan yang menunggu keputusan.")


class TaskNotOpen(CaseError):
    default_message = _("Tugas ini sudah tidak terbuka.")


class NotPermitted(CaseError):
    status = 403
    default_message = _("Peran Anda tidak boleh melakukan tindakan ini.")


class ReasonRequired(CaseError):
    status = 422
    default_message = _("Alasan wajib diisi.")


class InvalidAssignee(CaseError):
    status = 422
    default_message = _("Pengguna ini tidak dapat ditugaskan pada kasus ini.")


class NoReporterThread(CaseError):
    default_message = _(
        "Kasus ini tidak berasal dari laporan, jadi tidak ada pelapor yang dapat dibalas."
    )


class TransferNotAllowed(CaseError):
    default_message = _("Kasus ini tidak dapat dilimpahkan ke unit tersebut.")


class TransferPending(CaseError):
    default_message = _("Kasus ini sudah memiliki permintaan pelimpahan yang terbuka.")


class TransferNotOpen(CaseError):
    default_message = _("Permintaan pelimpahan ini sudah diputuskan.")


class PlanDeciderIsAuthor(CaseError):
    default_message = _("Rencana harus disetujui oleh supervisor lain, bukan penyusunnya.")


class PlanNotPending(CaseError):
    default_message = _("Rencana ini tidak sedang menunggu keputusan.")


class PlanNotDraft(CaseError):
    default_message = _("Rencana ini sudah diajukan dan tidak dapat diubah.")


class IncidentWithdrawn(CaseError):
    default_message = _("Insiden ini sudah ditarik dan tidak dapat diubah lagi.")


class PartyRemovalRefused(CaseError):
    default_message = _("Pihak ini tidak dapat dihapus dari kasus.")


class BadFilter(CaseError):
    """A case-list filter that cannot be read (an unknown age group, a date that is not one,
    a range backwards): 422 naming the parameter, in the API's ``detail`` shape."""

    status = 422
    default_message = _("Saringan tidak sah.")

    def __init__(self, parameter: str, message: object | None = None) -> None:
        self.parameter = parameter
        super().__init__(message)

    def body(self) -> dict[str, Any]:
        return {"detail": [{"loc": ["query", self.parameter], "msg": self.message}]}
