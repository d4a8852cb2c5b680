"""Writes of the accounts app: staff accounts (``users``) and API tokens (``tokens``)."""

from .tokens import (
    TOKEN_PREFIX,
    token_authenticate,
    token_issue,
    token_revoke,
    token_revoke_by_admin,
    tokens_revoke_all,
)
from .users import (
    ACCESS_FIELDS,
    ADMIN_GROUP,
    ADMIN_MODEL_PERMISSIONS,
    ADMIN_PERMISSIONS,
    admin_group,
    second_factor_audit,
    staff_create,
    staff_register_from_admin,
    user_email_change,
    user_force_password_reset,
    user_language_set,
    user_update_access,
)

__all__ = [
    "ACCESS_FIELDS",
    "ADMIN_GROUP",
    "ADMIN_MODEL_PERMISSIONS",
    "ADMIN_PERMISSIONS",
    "TOKEN_PREFIX",
    "admin_group",
    "second_factor_audit",
    "staff_create",
    "staff_register_from_admin",
    "token_authenticate",
    "token_issue",
    "token_revoke",
    "token_revoke_by_admin",
    "tokens_revoke_all",
    "user_email_change",
    "user_force_password_reset",
    "user_language_set",
    "user_update_access",
]
