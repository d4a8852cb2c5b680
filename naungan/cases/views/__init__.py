"""Staff pages of case management, one module per sub-domain (the same names as ``services``,
``selectors``, ``api``). Thin: scoped reads from selectors, writes through services; a record
outside the user's scope is a 404, as in the API."""
