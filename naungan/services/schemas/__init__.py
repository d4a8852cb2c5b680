"""Input and output schemas of the services API, one module per sub-domain."""
