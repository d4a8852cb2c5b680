"""One date and one datetime format per language (issue 11), read by ``|date`` and
``django.utils.formats`` through ``FORMAT_MODULE_PATH``: every page, the PDF and the messages
write "5 Mei 2026" and "5 Mei 2026 14:30" (in English "5 May 2026", "5 May 2026 14:30"),
always in the area's zone. Typed inputs keep the ISO value the browser expects
(``naungan/core/widgets.py``); CSV and XLSX files keep ISO 8601 for spreadsheets."""
