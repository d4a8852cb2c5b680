"""Refusals of services on a case. They are case-management refusals (``CaseError``), so the
case pages' helpers and the API's one handler answer them like every other."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from naungan.cases.exceptions import CaseError


class ServiceError(CaseError):
    """A rule of the services on a case refused the action."""


class CaseClosedForServices(ServiceError):
    default_message = _("Kasus sudah ditutup: buka kembali kasus sebelum mencatat layanan baru.")


class MediationNotAllowed(ServiceError):
    """UU TPKS Pasal 23: sexual violence is not settled out of court, unless the perpetrator
    is a child. The message says why for this case."""

    default_message = _(
        "Mediasi tidak dapat dilakukan: perkara kekerasan seksual tidak dapat diselesaikan di "
        "luar proses peradilan, kecuali pelakunya anak (UU TPKS Pasal 23)."
    )


class ShelterFull(ServiceError):
    """No free bed for this stay; the answer carries ``free_beds`` (CONTRACT §8)."""

    default_message = _("Tidak ada tempat tidur kosong di rumah aman ini.")


class StayNotActive(ServiceError):
    default_message = _("Penampungan ini sudah selesai.")


class StayAlreadyActive(ServiceError):
    default_message = _(
        "Korban masih dalam penampungan. Catat kepulangan sebelum menempatkan di rumah aman lain."
    )


class ExtensionPending(ServiceError):
    default_message = _("Sudah ada permintaan perpanjangan yang menunggu keputusan.")


class ExtensionNotPending(ServiceError):
    default_message = _("Permintaan perpanjangan ini sudah diputuskan.")


class DeciderIsRequester(ServiceError):
    default_message = _("Perpanjangan harus disetujui oleh supervisor lain, bukan pengaju.")


class EpisodeEnded(ServiceError):
    default_message = _("Layanan ini sudah selesai.")


class UseDischarge(ServiceError):
    default_message = _("Penampungan diakhiri dengan mencatat kepulangan.")


class SafetyCheckMissing(ServiceError):
    default_message = _(
        "Periksa keamanan dulu (apakah pelaku ada di lokasi, apakah kunjungan aman bagi "
        "korban) sebelum tim berangkat."
    )


class VisitUnsafe(ServiceError):
    default_message = _(
        "Pemeriksaan keamanan menyatakan kunjungan tidak aman bagi korban: tunda kunjungan dan "
        "periksa ulang."
    )


class PoliceEscortRequired(ServiceError):
    default_message = _(
        "Pelaku ada di lokasi: kunjungan hanya boleh berangkat bersama polisi. Ubah tim atau "
        "tunda kunjungan."
    )


class VisitNotPlanned(ServiceError):
    default_message = _("Kunjungan ini sudah tidak dalam tahap rencana.")


class VisitDone(ServiceError):
    default_message = _("Hasil kunjungan ini sudah dicatat.")


class ClockRunning(ServiceError):
    default_message = _("Tenggat mitra ini sudah berjalan pada kasus ini.")
