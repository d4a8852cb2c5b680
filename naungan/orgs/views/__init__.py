"""Pages of the orgs app, one module per sub-domain (``directory``)."""
