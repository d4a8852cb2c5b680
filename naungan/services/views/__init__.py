"""Pages of services on a case, one module per sub-domain (the same names as ``services``)."""
