"""The referral pages: the section on the case page, making a referral, the lists (the
caseworker's queue, the provider's portal), one referral's page and its actions."""
