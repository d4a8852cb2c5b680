"""What the statistics app makes: the SIMFONI-PPA export (``simfoni``) and the monthly PDF
report (``reports``)."""
