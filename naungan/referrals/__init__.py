"""The referral network (DESIGN §9): referrals from a case to partner providers with the
victim's consent by data category, the provider's answer, the letter and what was shared."""
