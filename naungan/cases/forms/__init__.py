"""Forms of the cases pages, one module per sub-domain (the same names as ``views``)."""
