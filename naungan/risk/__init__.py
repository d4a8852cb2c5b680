"""Risk assessment and safety planning (DESIGN §8, CONTRACT §7): versioned scored instruments,
professional judgement that can only raise a level, referral to a multi-agency risk conference
(rapat koordinasi lintas sektor), conferences and versioned safety plans. Depends on ``cases``
(never the reverse): the case page shows the risk section and banner through
``naungan.core.registry``."""
