"""API input and output schemas of the referral network."""
