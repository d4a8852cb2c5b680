"""Services on a case (DESIGN §6): the six UPTD PPA services as episodes — complaint,
outreach, case management, shelter, mediation, accompaniment — and the partner clocks the
caseworker follows. Depends on ``cases`` (never the reverse): the case page shows the services
section, and closure asks about shelter stays, through ``naungan.core.registry``."""
