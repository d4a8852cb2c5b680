"""Input and output schemas of the community API, one module per sub-domain."""
