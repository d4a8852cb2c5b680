"""English: "5 May 2026", "5 May 2026 14:30" (see ``naungan/formats/__init__.py``). What is not
set here comes from Django's own ``en`` formats."""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
TIME_FORMAT = "H:i"
