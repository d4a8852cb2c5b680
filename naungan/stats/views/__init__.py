"""The statistics pages."""
