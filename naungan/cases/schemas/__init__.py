"""Input and output schemas of the cases API, one module per sub-domain (the same names as
``api``)."""
