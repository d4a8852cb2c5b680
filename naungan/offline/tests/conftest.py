from naungan.community.tests.conftest import (  # noqa: F401 - shared fixtures of the community tests
    activist2,
    activity_body,
    field_report_body,
)
