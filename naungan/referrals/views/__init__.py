"""Pages of the referral network (thin views; the rules are in ``services``)."""
