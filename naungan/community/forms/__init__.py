"""HTML forms of the community tier, one module per sub-domain. Each converts its cleaned data
into the same service input as the API, so the rules and their messages are the services'."""
