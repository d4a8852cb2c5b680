"""The referral pages: under ``/rujukan/`` (the directory of providers is ``/mitra/``), and
making a referral under the case's URL."""

from django.urls import path

from .views import case, detail, lists

app_name = "referrals"

ONE = "rujukan/<uuid:referral_id>/"

urlpatterns = [
    path("rujukan/", lists.referral_list, name="list"),
    path(ONE, detail.referral_page, name="detail"),
    path(f"{ONE}surat.pdf", detail.letter, name="letter"),
    path(f"{ONE}terima/", detail.accept, name="accept"),
    path(f"{ONE}tolak/", detail.decline, name="decline"),
    path(f"{ONE}hasil/", detail.complete, name="complete"),
    path(f"{ONE}tarik/", detail.withdraw, name="withdraw"),
    path(f"{ONE}tarik-persetujuan/", detail.consent_withdraw, name="consent_withdraw"),
    path("kasus/<uuid:case_id>/rujukan/baru/", case.referral_create, name="create"),
]
