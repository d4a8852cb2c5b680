"""The forms of the referral pages (naungan/referrals/views)."""
