"""Pages of the community tier, one module per sub-domain."""
