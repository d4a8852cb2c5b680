"""The framework's own ceiling for ``bench/intake.py --ceiling``: plain Django + django-ninja,
one endpoint that validates a typed body and stores a comparable row with one raw INSERT. No
apps, no middleware, debug off; database settings as Naungan's (persistent connections, the
same health-check knob)."""

from __future__ import annotations

import os

import environ

env = environ.Env()

DEBUG = False
SECRET_KEY = "bench-ceiling-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "bench.ceiling.urls"
DATABASES = {"default": env.db_url("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("NAUNGAN_DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("NAUNGAN_DB_CONN_HEALTH_CHECKS", default=True)
USE_TZ = True
TIME_ZONE = "Asia/Makassar"
USE_I18N = False
LOGGING = {"version": 1, "root": {"level": os.environ.get("NAUNGAN_LOG_LEVEL", "ERROR")}}
