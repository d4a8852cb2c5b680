"""The SQL of statistics: what counts (``counting``), the dimensions (``dimensions``) and
small-cell suppression (``suppression``). Scoped reads for a user are in ``selectors``."""
