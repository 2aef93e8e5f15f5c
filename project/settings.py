"""Attaché settings: everything that differs between machines comes from the environment.

DATABASE_URL   default: SQLite file data/attache.sqlite3; postgres://… uses psycopg 3
SECRET_KEY     required unless DEBUG is on
DEBUG          "1"/"true" to turn on (off by default)
ALLOWED_HOSTS  comma-separated; default localhost,127.0.0.1 (and testserver)
REDIS_URL      optional; when set, the cache lives in Redis
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("ATTACHE_DATA_DIR", BASE_DIR / "data"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for a development-only default).")
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105 - used only with DEBUG on

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "strawberry_django",
    "simple_history",
    "import_export",
    "axes",
    "common",
    "sources",
    "people",
    "events",
]

MIDDLEWARE = [
    "common.health.HealthMiddleware",  # /healthz and /readyz, before host checks (common/health.py)
    "common.db_routing.PrimaryAfterWritesMiddleware",  # replicas: which database each request reads
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # answers a locked-out login with 429 (see AXES_* below)
    "common.cache.CacheControlMiddleware",  # Cache-Control on API answers, cached ones too (common/cache.py)
    "common.cache.ResponseCacheMiddleware",  # innermost: caches what the views return (see common/cache.py)
]

ROOT_URLCONF = "project.urls"

# Admin sign-in lockout (django-axes): after ADMIN_LOGIN_FAILURE_LIMIT wrong passwords for one username from one
# address, that pair is refused (429) for ADMIN_LOGIN_COOLOFF_MINUTES; a successful sign-in resets the count.
# REST and GraphQL take tokens (created in the admin), so the admin's sign-in form is the one password check.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ADMIN_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every start

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "project.wsgi.application"
ASGI_APPLICATION = "project.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'attache.sqlite3'}", conn_max_age=0, conn_health_checks=True
    )
}


def duration(name: str, default: str = "") -> str:
    """A PostgreSQL duration from the environment: ``30s``, ``500ms``, ``2min``, ``1h``; ``0`` for none."""
    value = os.environ.get(name, default).strip()
    if value and not re.fullmatch(r"\d+(ms|s|min|h)?", value):
        raise ImproperlyConfigured(f"{name} must look like 30s, 500ms or 2min, not {value!r}.")
    return value


def statement_timeout() -> str:
    """DB_STATEMENT_TIMEOUT (e.g. "30s"): PostgreSQL cancels any one statement running longer, so no request holds
    the database for minutes. gunicorn.conf.py sets it for the web server; commands (migrate, the bulk generator,
    imports) run without it unless it is set for them."""
    value = duration("DB_STATEMENT_TIMEOUT")
    return f" -c statement_timeout={value}" if value else ""


# EXPORT_STATEMENT_TIMEOUT  how long the query of one bulk export may run (common.bulk): exports outlive the
# ordinary requests' DB_STATEMENT_TIMEOUT by design (a million events take about a minute), and stay bounded.
EXPORT_STATEMENT_TIMEOUT = duration("EXPORT_STATEMENT_TIMEOUT", "10min")


def postgresql_options() -> dict:
    # DB_POOL_SIZE: connections each server process keeps (psycopg 3's pool; Django checks each before use);
    # a request borrows one and gives it back, so workers × this bounds PostgreSQL's connections
    # whatever the load. Match it to the threads per process (gunicorn.conf.py).
    return {
        "pool": {
            "min_size": 1,
            "max_size": int(os.environ.get("DB_POOL_SIZE", "4")),
            "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "10")),
        },
        # The APIs run short queries: PostgreSQL's JIT spent more time compiling them (0.45 s for a
        # search at a million events) than they took to run. random_page_cost 1.1 tells the planner
        # that index lookups are cheap (data in memory or on SSD), so it probes 5,000 offices by
        # index rather than hashing them all for a page of 50 events.
        "options": "-c jit=off -c random_page_cost=1.1" + statement_timeout(),
        # how PostgreSQL's pg_stat_activity names these connections (the load test counts them)
        "application_name": os.environ.get("DB_APPLICATION_NAME", "attache"),
    }


if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(postgresql_options())

# DATABASE_REPLICA_URLS  comma-separated PostgreSQL read replicas (streaming replication). Reads go to
# one of them per request, writes and the reads that follow a write to DATABASE_URL (common/db_routing.py).
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", "")):
    replica = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)
    replica.setdefault("OPTIONS", {}).update(postgresql_options())
    replica["TEST"] = {"MIRROR": "default"}  # tests read the test database through the primary
    DATABASES[f"replica_{number}"] = replica
DATABASE_ROUTERS = ["common.db_routing.ReplicaRouter"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}

# RESPONSE_CACHE_SECONDS  how long anonymous read responses are kept (default 60; 0 turns the cache off).
# Any committed write makes them stale at once (common/cache.py), so this only bounds memory.
RESPONSE_CACHE_SECONDS = int(os.environ.get("RESPONSE_CACHE_SECONDS", "60"))
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"

# DUMPS_DIR  where `manage.py build_dumps` writes the prebuilt exports and /api/v1/dumps/ serves them from.
DUMPS_DIR = Path(os.environ.get("DUMPS_DIR", DATA_DIR / "dumps"))
# PUBLIC_URL  where the API is served, for links written outside a request (the dumps).
PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# --- CORS (django-cors-headers): origins allowed to call the APIs from a browser
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_ALL_ORIGINS = env_bool("CORS_ALLOW_ALL_ORIGINS")
CORS_URLS_REGEX = r"^/(api|graphql)/.*$"
# Paths open to any origin (without credentials) whatever CORS_ALLOWED_ORIGINS says: the GraphQL read API.
# "" leaves /graphql/ to CORS_ALLOWED_ORIGINS like /api/ (common/cors.py).
CORS_ANY_ORIGIN_URLS_REGEX = os.environ.get("CORS_ANY_ORIGIN_URLS_REGEX", r"^/graphql/")
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

# --- REST API (Django REST framework, drf-spectacular): see people/api, events/api
# API_ANON_RATE   requests an anonymous client may make, e.g. "120/minute" (default); "" turns throttling off
# API_USER_RATE   the same for authenticated clients (default: not throttled)
API_ANON_RATE = os.environ.get("API_ANON_RATE", "120/minute")
API_USER_RATE = os.environ.get("API_USER_RATE", "")
REST_FRAMEWORK = {
    "DEFAULT_PARSER_CLASSES": [
        "common.api.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "common.api.pagination.StandardPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_RENDERER_CLASSES": [
        "common.api.renderers.FastJSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "DEFAULT_SCHEMA_CLASS": "common.api.schema.AutoSchema",  # drf-spectacular's, knowing anonymous reads
    "EXCEPTION_HANDLER": "common.api.exceptions.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        *(["rest_framework.throttling.AnonRateThrottle"] if API_ANON_RATE else []),
        *(["rest_framework.throttling.UserRateThrottle"] if API_USER_RATE else []),
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": API_ANON_RATE or None, "user": API_USER_RATE or None},
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    # ASCII on purpose: openapi-python-client names the generated package after the title
    # ("attache-rest-api-client"); an é made a name pip refuses (docs/rest.md, "Generated clients").
    "TITLE": "Attache REST API",
    "DESCRIPTION": (
        "Who met whom, when, where, in which office, about what, on whose report.\n\n"
        "Reads are public (published events only); writes need a curator's token "
        "(`Authorization: Token <key>`) or session, and the model permission. "
        'Every error has the body `{"error": {"status", "code", "message", "fields"?}}`. '
        "Responses carry an ETag; send it as If-None-Match (304) or If-Match on writes (412 when stale). "
        "Anonymous clients are throttled (429 with Retry-After)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc from the pinned static copies of drf-spectacular-sidecar, not a CDN: they work offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "events.kinds.EventKind",
        "EventStatusEnum": "events.models.EventStatus",
        "ReviewStateEnum": "events.models.ReviewState",
        "ParticipationRoleEnum": "events.models.ParticipationRole",
        "OfficeKindEnum": "people.models.OfficeKind",
        "TenureStatusEnum": "people.models.TenureStatus",
        "DatePrecisionEnum": "common.models.DatePrecision",
    },
}

# --- GraphQL (strawberry-graphql-django): see project/graphql/schema.py and docs/graphql.md
# /graphql/ is a public read API: any origin may query it (CORS_ANY_ORIGIN_URLS_REGEX above);
# page sizes, depth, aliases, tokens and the node budget live in common/graphql/limits.py.
STRAWBERRY_DJANGO = {
    "FIELD_DESCRIPTION_FROM_HELP_TEXT": True,  # curators' help texts document the schema
    "PAGINATION_DEFAULT_LIMIT": 100,
    "PAGINATION_MAX_LIMIT": 100,
}
