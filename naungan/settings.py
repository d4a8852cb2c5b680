"""Naungan settings: one file, every knob an environment variable with a safe default.

Development secrets (secret key, field-encryption keys, HMAC key, audit key) are generated into
``var/`` on first use when the matching variable is unset; production sets them from its secret
store (``*_FILE`` variants read the value from a file).
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import environ
from django.utils.csp import CSP  # type: ignore[attr-defined]
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NAUNGAN_VAR_DIR", BASE_DIR / "var"))

env = environ.Env()


def _secret(name: str, generate: Callable[[], str]) -> str:
    """Read ``name`` (or ``name_FILE``) from the environment, else a generated file in var/."""
    if os.environ.get(name):
        return os.environ[name]
    if os.environ.get(f"{name}_FILE"):
        return Path(os.environ[f"{name}_FILE"]).read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / name.lower()
    if not path.exists():
        path.write_text(generate())
        path.chmod(0o600)
    return path.read_text().strip()


def _optional_secret(name: str) -> str:
    """``name`` or the content of ``name_FILE``; empty when neither is set."""
    if os.environ.get(f"{name}_FILE"):
        return Path(os.environ[f"{name}_FILE"]).read_text().strip()
    return os.environ.get(name, "")


def _new_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


DEBUG = env.bool("NAUNGAN_DEBUG", default=False)
HTTPS = env.bool("NAUNGAN_HTTPS", default=False)
SECRET_KEY = _secret("NAUNGAN_SECRET_KEY", lambda: secrets.token_urlsafe(50))
# Field-encryption keys, newest first. Old keys keep decrypting after a rotation.
FIELD_KEYS = [k.strip() for k in _secret("NAUNGAN_FIELD_KEYS", _new_key).split(",") if k.strip()]
# Key for blind indexes and the reporter PIN hash. Never rotated casually: indexes depend on it.
HMAC_KEY = _secret("NAUNGAN_HMAC_KEY", _new_key)
# Key of the audit trail's HMAC chain: whoever can write the database but lacks this key cannot
# recompute the chain after changing, removing or reordering events. Kept apart from the others.
AUDIT_KEY = _secret("NAUNGAN_AUDIT_KEY", _new_key)

ALLOWED_HOSTS = env.list("NAUNGAN_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
TRUSTED_PROXIES = env.list("NAUNGAN_TRUSTED_PROXIES", default=[])
CSRF_TRUSTED_ORIGINS = env.list("NAUNGAN_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "auditlog",
    "django_htmx",
    "django_tasks_db",
    "crispy_forms",
    "crispy_bootstrap5",
    "ninja",  # Swagger UI of /api/v1/docs from our static files, not a CDN
    "naungan.core",
    "naungan.areas",
    "naungan.orgs",
    "naungan.accounts",
    "naungan.reports",
    "naungan.cases",
    "naungan.services",
    "naungan.referrals",
    "naungan.training",
    "naungan.stats",
    "naungan.community",
    "naungan.risk",
    "naungan.offline",
    "naungan.demo",
]

MIDDLEWARE = [
    # /api/v1/public/ skips sessions, auth, CSRF, allauth, axes, … (see the class).
    "naungan.core.middleware.PublicAPIMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "naungan.core.middleware.ClientAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "naungan.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "naungan.accounts.middleware.UserLanguageMiddleware",
    "naungan.core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "naungan.core.middleware.AuditlogMiddleware",
    "naungan.accounts.middleware.RequireSecondFactorMiddleware",
    "axes.middleware.AxesMiddleware",
    "naungan.accounts.lockout.LoginLockoutMiddleware",
    # Last, so that its process_exception sees a view's exception first: a database that is
    # busy or away answers 503 (naungan.core.errors; server_error covers the middleware above).
    "naungan.core.errors.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "naungan.urls"
WSGI_APPLICATION = "naungan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "naungan.core.context_processors.site",
            ],
        },
    },
]

DEFAULT_DB = f"sqlite:///{VAR_DIR / 'naungan.sqlite3'}"
DATABASES = {"default": env.db_url("DATABASE_URL", default=DEFAULT_DB)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + busy timeout: concurrent readers and one writer without "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    # A health check costs one round trip per request (docs/performance.md). With the pool,
    # psycopg_pool checks a connection before handing it out and discards a dead one.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool(
        "NAUNGAN_DB_CONN_HEALTH_CHECKS", default=True
    )
    if env.bool("NAUNGAN_DB_POOL", default=True):
        # One bounded pool per process, shared by its threads (gunicorn gthread, and runserver,
        # which starts a thread per request): a burst waits for a free connection instead of
        # opening one per thread until PostgreSQL refuses ("too many clients"). Each request
        # returns its connection at its end (CONN_MAX_AGE must be 0 with a pool). Waiting
        # longer than the timeout answers 503 (naungan.core.errors). reconnect_timeout is
        # short so that after an outage a new connection is tried at once, not after the
        # pool's growing back-off (docs/operator.md, "Database connections").
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env.int("NAUNGAN_DB_POOL_MIN", default=1),
            "max_size": env.int("NAUNGAN_DB_POOL_MAX", default=4),
            "timeout": env.float("NAUNGAN_DB_POOL_TIMEOUT", default=5.0),
            "reconnect_timeout": env.float("NAUNGAN_DB_POOL_RECONNECT_TIMEOUT", default=2.0),
            "max_idle": env.float("NAUNGAN_DB_POOL_MAX_IDLE", default=300.0),
        }
    else:  # e.g. behind PgBouncer: one connection per thread, kept for CONN_MAX_AGE seconds
        DATABASES["default"]["CONN_MAX_AGE"] = env.int("NAUNGAN_DB_CONN_MAX_AGE", default=60)
# Statistics read from a replica when one is given (CONTRACT §1), so that a dashboard never
# holds up case work on the primary. ``naungan.stats.router`` sends the reads of the statistics
# app there; nothing is ever written to it or migrated on it.
STATS_DATABASE_ALIAS = "stats"
if env.str("NAUNGAN_STATS_DATABASE_URL", default=""):
    DATABASES[STATS_DATABASE_ALIAS] = env.db_url("NAUNGAN_STATS_DATABASE_URL")
DATABASE_ROUTERS = ["naungan.stats.router.StatsRouter"]
# Seconds a client is told to wait (Retry-After) when the database is busy or unreachable.
DB_UNAVAILABLE_RETRY_AFTER = env.int("NAUNGAN_DB_RETRY_AFTER", default=5)
# The public report INSERT as a server-side prepared statement (docs/performance.md). Turn it
# off behind a transaction-pooling PgBouncer older than 1.21 (no prepared statements there).
DB_PREPARED_INTAKE = env.bool("NAUNGAN_DB_PREPARED_INTAKE", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "naungan.accounts.lockout.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("NAUNGAN_PASSWORD_MIN_LENGTH", default=10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

# allauth: staff accounts are created by administrators; nobody signs up.
ACCOUNT_ADAPTER = "naungan.accounts.adapters.StaffAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_USER_DISPLAY = "naungan.core.words.person_name"  # "masuk sebagai Dewi Sartika"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
# django-axes owns the per-account lockout (10 failures); allauth's own limit stays as a
# coarse per-address brake against password spraying across many accounts.
ACCOUNT_RATE_LIMITS = {"login_failed": "60/10m/ip"}
MFA_ADAPTER = "naungan.accounts.adapters.StaffMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Naungan"
MFA_RECOVERY_CODE_COUNT = 10
# Roles that must enrol a second factor before they can use the app.
MFA_REQUIRED_ROLES = env.list("NAUNGAN_MFA_REQUIRED_ROLES", default=["supervisor", "admin"])
# How long a sign-in counts as recent for sensitive steps (issuing an API token, enrolling or
# removing a second factor); after that allauth asks for the password (or TOTP) again.
ACCOUNT_REAUTHENTICATION_TIMEOUT = env.int("NAUNGAN_REAUTHENTICATION_MINUTES", default=15) * 60

# API tokens expire; a new one is issued on the tokens page or with `issue_token`.
TOKEN_MAX_AGE_DAYS = env.int("NAUNGAN_TOKEN_MAX_AGE_DAYS", default=90)

# Lockout after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = env.int("NAUNGAN_LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = env.float("NAUNGAN_LOGIN_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "naungan.accounts.lockout.axes_lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "naungan.core.net.axes_client_ip"
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "naungan.core.net.axes_username"
# Beyond axes' account+address rule (naungan/accounts/lockout.py): one username from any
# address (a shorter cool-off, so the owner is not shut out for long), and one address across
# usernames.
LOGIN_USERNAME_FAILURE_LIMIT = env.int("NAUNGAN_LOGIN_USERNAME_FAILURE_LIMIT", default=30)
LOGIN_USERNAME_COOLOFF_MINUTES = env.int("NAUNGAN_LOGIN_USERNAME_COOLOFF_MINUTES", default=15)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("NAUNGAN_LOGIN_ADDRESS_FAILURE_LIMIT", default=50)
LOGIN_ADDRESS_COOLOFF_MINUTES = env.int("NAUNGAN_LOGIN_ADDRESS_COOLOFF_MINUTES", default=60)

# Sessions: idle logout.
SESSION_COOKIE_AGE = env.int("NAUNGAN_SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Browser-session cookies only: a one-year CSRF or language cookie would be a trace of a visit
# to /lapor/ on a watched phone (CONTRACT §3).
CSRF_COOKIE_AGE = None
LANGUAGE_COOKIE_AGE = None

# Security headers.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if HTTPS and TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = (
    [] if HTTPS else ["security.W004", "security.W008", "security.W012", "security.W016"]
) + ["models.W040"]  # covering indexes (cases): PostgreSQL uses them, SQLite ignores them

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "naungan_lang"
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Makassar"
# One date and one datetime format per language ("5 Mei 2026 14:30"), see naungan/formats/.
FORMAT_MODULE_PATH = ["naungan.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("NAUNGAN_STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "media"},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    # Shared by every process of the installation (allauth's limits use it); the table is
    # created by a migration. Rate limits of public reporting use their own atomic counters
    # (naungan.core.ratelimit: Redis with REDIS_URL, else core.RateCounter).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "naungan_cache",
        }
    }

TASKS = {
    "default": {
        "BACKEND": env.str("NAUNGAN_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

NINJA_PAGINATION_MAX_LIMIT = 200
NINJA_PAGINATION_PER_PAGE = 50

AUDITLOG_MASK_CALLABLE = "naungan.core.audit.mask_value"
# Staff actions keep the believed client address; naungan.core.middleware.AuditlogMiddleware
# supplies it (never a raw X-Forwarded-For) and none for anonymous visitors.
AUDITLOG_DISABLE_REMOTE_ADDR = False

# E-mail goes out only when an SMTP host is configured; otherwise it is printed (development).
EMAIL_SMTP_HOST = env.str("NAUNGAN_SMTP_HOST", default="")
if EMAIL_SMTP_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_SMTP_HOST,
                "port": env.int("NAUNGAN_SMTP_PORT", default=587),
                "username": env.str("NAUNGAN_SMTP_USER", default=""),
                "password": _optional_secret("NAUNGAN_SMTP_PASSWORD"),
                "use_tls": env.bool("NAUNGAN_SMTP_TLS", default=True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env.str("NAUNGAN_FROM_EMAIL", default="naungan@localhost")
# The address staff open Naungan at (e.g. https://naungan.balikpapan.go.id), for the link in
# e-mail notices, which are sent from the background queue without a request; empty = no link.
SITE_URL = env.str("NAUNGAN_SITE_URL", default="")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("NAUNGAN_LOG_LEVEL", default="WARNING")},
    # Never log request bodies or template variables: they may hold personal data.
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}

ADMIN_URL = env.str("NAUNGAN_ADMIN_URL", default="admin/")

# Public reporting (naungan.reports). Rates are "events/seconds" per client address; "0" = off.
QUICK_EXIT_URL = env.str("NAUNGAN_QUICK_EXIT_URL", default="https://www.google.com/search?q=cuaca")
REPORT_LOCAL_HOTLINE = env.str("NAUNGAN_LOCAL_HOTLINE", default="")
REPORT_PUBLIC_REGION = env.str("NAUNGAN_REPORT_PUBLIC_REGION", default="64.71")
REPORT_DEFAULT_ORG = env.str("NAUNGAN_REPORT_DEFAULT_ORG", default="")
REPORT_SUBMIT_RATE = env.str("NAUNGAN_REPORT_SUBMIT_RATE", default="30/600")
REPORT_PIN_RATE = env.str("NAUNGAN_REPORT_PIN_RATE", default="10/900")
# Wrong PINs per tracking code from any clients; beyond it the code is locked for the window.
REPORT_PIN_CODE_RATE = env.str("NAUNGAN_REPORT_PIN_CODE_RATE", default="10/3600")
# Key prefix of the rate-limit counters (Redis or the database): several installations may
# share one Redis.
RATELIMIT_PREFIX = env.str("NAUNGAN_RATELIMIT_PREFIX", default="rl")
REPORT_ATTACHMENT_MAX_BYTES = env.int(
    "NAUNGAN_REPORT_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024
)
REPORT_ATTACHMENT_MAX_FILES = env.int("NAUNGAN_REPORT_ATTACHMENT_MAX_FILES", default=3)
REPORT_ATTACHMENT_MAX_PIXELS = env.int("NAUNGAN_REPORT_ATTACHMENT_MAX_PIXELS", default=50_000_000)
# Triage response clocks, clock hours from receipt (DESIGN §4); a unit's TriageClock overrides.
REPORT_TRIAGE_HOURS_EMERGENCY = env.int("NAUNGAN_TRIAGE_HOURS_EMERGENCY", default=1)
REPORT_TRIAGE_HOURS_HIGH = env.int("NAUNGAN_TRIAGE_HOURS_HIGH", default=3)
REPORT_TRIAGE_HOURS_MEDIUM = env.int("NAUNGAN_TRIAGE_HOURS_MEDIUM", default=6)
REPORT_TRIAGE_HOURS_LOW = env.int("NAUNGAN_TRIAGE_HOURS_LOW", default=72)
NAUNGAN_CASELOAD_WARNING = env.int("NAUNGAN_CASELOAD_WARNING", default=30)  # open cases per lead
# Case visibility: caseworkers see the cases they are assigned to; with this on, also the
# unrestricted cases of their own unit in their area (read only).
CASEWORKER_SEES_UNIT_CASES = env.bool("NAUNGAN_CASEWORKER_SEES_UNIT_CASES", default=False)
# Services on a case (DESIGN §6): the longest shelter stay before a review (local default 7
# days; a longer stay needs an approved extension), and the clock of an emergency outreach,
# counted from receipt (one SOP's "12 hours", local default).
SHELTER_MAX_DAYS = env.int("NAUNGAN_SHELTER_MAX_DAYS", default=7)
# Trainings (naungan/training): the expiry view lists competencies ending within this many
# days [project default]; a new training's post-test pass mark [project default].
TRAINING_EXPIRY_WARNING_DAYS = env.int("NAUNGAN_TRAINING_EXPIRY_WARNING_DAYS", default=60)
TRAINING_PASS_MARK = env.int("NAUNGAN_TRAINING_PASS_MARK", default=70)
# Lookups of an unknown certificate code on the public page /sertifikat/cek/, per client address
# ("events/seconds", "0" = off; a code found gives its unit back); beyond it every lookup answers
# 429 until the window is over.
TRAINING_VERIFY_RATE = env.str("NAUNGAN_TRAINING_VERIFY_RATE", default="30/600")
# Risk assessment (DESIGN §8): incidents by a partner, family member or caregiver within 12
# months that make an escalation referral [local default 3]; hours the supervisor has to act
# on a high result [project default].
RISK_ESCALATION_INCIDENTS = env.int("NAUNGAN_RISK_ESCALATION_INCIDENTS", default=3)
RISK_HIGH_TASK_HOURS = env.int("NAUNGAN_RISK_HIGH_TASK_HOURS", default=1)
# The activists' offline queue (naungan.offline): wiped on the phone after this many days.
NAUNGAN_OFFLINE_MAX_DAYS = env.int("NAUNGAN_OFFLINE_MAX_DAYS", default=7)
OUTREACH_EMERGENCY_HOURS = env.int("NAUNGAN_OUTREACH_EMERGENCY_HOURS", default=12)
# Referrals (DESIGN §9): clock hours a provider has to accept or decline before the caseworker's
# reminder task is due (project default 24), and the version of the consent form in use.
REFERRAL_REMINDER_HOURS = env.int("NAUNGAN_REFERRAL_REMINDER_HOURS", default=24)
REFERRAL_CONSENT_FORM_VERSION = env.str("NAUNGAN_REFERRAL_CONSENT_FORM_VERSION", default="2026.1")
