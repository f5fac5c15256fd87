"""Django settings: the one place that reads the environment.

Every default serves local development (SQLite, local-memory cache, console email).
Production is switched on by ``DJANGO_DEBUG=0`` and configured only through the
environment variables documented in README.md.
"""

import datetime
import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable into a list, dropping blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    # A development-only key: production refuses to start without a real one.
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key-never-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    missing = [
        name
        for name, value in (("DJANGO_SECRET_KEY", SECRET_KEY), ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS))
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            f"DJANGO_DEBUG is off, so {' and '.join(missing)} must be set (see the configuration table in README.md)."
        )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, which must find the translated fields it adds (docs/translation.md).
    "modeltranslation",
    "staff.apps.StaffAdminConfig",  # django.contrib.admin with the two-factor staff site (staff/sites.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "django.contrib.redirects",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "reversion",  # the history of content and of the center's texts (docs/revisions.md)
    "center",
    "pages",
    "search",
    "contact",
    "staff",
    "revisions",
]

MIDDLEWARE = [
    "restoration.middleware.HeadWithoutBodyMiddleware",  # first: it empties every answer to a HEAD
    "restoration.health.HealthCheckMiddleware",
    "restoration.logs.RequestLogMiddleware",  # after the health checks: probes are not logged
    "django.middleware.security.SecurityMiddleware",
    "restoration.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # the language from the address; before the page cache's key
    # Shared whole-page cache of public pages: a hit is answered here, with its stored CSP (pages/cache.py).
    "pages.cache.PageCacheMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): signed in with a one-time code too
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Editor-managed 301s (old WordPress URLs): consulted only when a page answers 404; never off the site.
    "pages.redirects.OnSiteRedirectFallbackMiddleware",
    "restoration.middleware.FriendlyMethodNotAllowedMiddleware",
    "staff.middleware.StaffSessionTimeoutMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "restoration.urls"
CSRF_FAILURE_VIEW = "restoration.views.csrf_failure"
WSGI_APPLICATION = "restoration.wsgi.application"

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
                "center.context_processors.site_settings",
                "pages.context_processors.main_program",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (or anything dj-database-url parses) from DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database server must fail a request within seconds (the outage page), not hang it.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: per-process memory by default; Redis (shared by every app server) from REDIS_URL.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url):
    """The cache on the Redis server at ``url``; while it is down the site serves uncached pages rather than errors
    (restoration/cache.py)."""
    return {
        "BACKEND": "restoration.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "restoration",  # several sites share one Redis by database number (REDIS_URL), not prefix
        # A Redis that stops answering must cost a request a second at most, not a worker timeout.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


CACHES = {
    "default": redis_cache(REDIS_URL) if REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Always this process's own memory: the rate limits' second count (restoration/ratelimit.py), kept while
    # Redis is down.
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
    # The frame's fragments (FRAME_CACHE_SECONDS): a few per language and section, so a small store suffices.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}

# Whole-page cache of public pages (pages/cache.py). Without a shared cache each process would keep its own copy
# and a save made in another could not reach it: a second gunicorn worker in production, and in development
# `manage.py shell` or `import_articles` beside `make run`. So without REDIS_URL no pages are cached, in development
# too, where every change then shows on the next request (a cache shared through files or the database would be
# one that no production server uses, kept only to be out of date). 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600" if REDIS_URL else "0"))
# The frame every page shares (header menu, footer, crisis banner, call bar) is rendered once per content
# generation and kept in each process's memory (pages/templatetags/frame.py). Keyed on the shared generation, so,
# like the page cache, it needs Redis to hear of a save made by another process; 0 renders the frame every time.
FRAME_CACHE_SECONDS = int(os.environ.get("FRAME_CACHE_SECONDS", "600" if REDIS_URL else "0"))
# The site-settings record (phone, hours, licences; SiteSettings.load()) is read on every page. In Redis a save
# deletes the one shared copy, so it is kept until then; a process's own memory never hears of a save made by
# another, so there a copy lives a few seconds in production, and not beyond its request in development.
SITE_SETTINGS_CACHE_SECONDS = None if REDIS_URL else (0 if DEBUG else 5)

# Email: printed to the console in development unless EMAIL_HOST is set; always SMTP in production.
if os.environ.get("EMAIL_HOST") or not DEBUG:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 10,  # seconds: the worker retries later rather than hang
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Restoration Recovery Center <webmaster@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Staff sign-in: a password and a one-time code (django-otp: TOTP or a backup code); the staff admin site sends
# staff without a device to enrol.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
OTP_TOTP_ISSUER = "Restoration Recovery Center"  # the name staff see for this site in their authenticator app
# Login throttling: django-axes in the database, so a lock holds across app servers. Five failures for one name
# from one client address lock that name from that address for the cooling-off period: a stranger who knows a
# staff name cannot lock its owner out. staff/lockout.py adds a budget per address over every name and one for the
# whole site. Names are stored only as a keyed hash (what was typed may be a password).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "staff.lockout.StaffSignInHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # the inner list: both together
AXES_USERNAME_CALLABLE = "staff.lockout.sign_in_name_key"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staff.lockout.locked_out"  # a 429 page that says how long to wait
# Honours TRUSTED_PROXIES, and counts an IPv6 client by its /64, which it could otherwise walk through.
AXES_CLIENT_IP_CALLABLE = "restoration.http.client_counted_address"
# Sign-ins are kept once, in the audit trail (its retention period, purge_audit_events); axes' own log would keep
# name, address and browser of every sign-in with no end date.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # failures and lockouts go to the audit trail instead of the log
# Staff sessions end after 12 hours in all, and after 30 idle minutes (staff/middleware.py); closing the browser
# ends them too.
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# English at today's addresses, Spanish under /es/ (restoration/urls.py): the address alone says the language, so
# every page is the same for every visitor and the page cache keys on it (pages/cache.py). Staff pages are English.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
# Texts staff write on the center's records (docs/translation.md): one column per language, English the original.
# No fallback inside the library: pages read these texts through center.translation.visitor_text, which falls
# back to English itself and says so, so that the page marks the English words lang="en".
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = ()
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["restoration.formats"]  # "October 1, 2026" in English; Django's formats for the others
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

# Static files: hashed, compressed (gzip and brotli) and served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded images, linked under /media/ on the site's own domain (development serves them itself, DEBUG only).
# Every app server must see the same files: an S3-compatible bucket (MEDIA_S3_BUCKET; credentials from the
# standard AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role) or a folder they all mount
# (DJANGO_MEDIA_ROOT). The load balancer serves /media/ from it (README.md, Production).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "restoration.storage.SameOriginS3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,  # for storage other than AWS
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "file_overwrite": False,  # a new upload never replaces an older file of the same name
            "default_acl": None,  # the bucket's own policy decides who may read
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/")

# The sites framework is needed by the redirects app; the site's address is always taken from the request.
SITE_ID = 1
# Editors' redirects (pages/redirects.py) lead to paths on this site, or to https addresses on these hosts only.
REDIRECT_ALLOWED_HOSTS = env_list("REDIRECT_ALLOWED_HOSTS")

# Security headers. The CSP has no 'unsafe-inline' and no nonce on public pages, so those
# pages stay cacheable; nothing is loaded from another origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# Another site a visitor clicks to learns nothing of this one, not even its origin (an addiction-treatment
# site); links within the site keep the full Referer, from which the contact form records the page it came from.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
# Our own proxies (the load balancer), by address or network. X-Forwarded-For is believed only from them
# (restoration/http.py); gunicorn.conf.py gives gunicorn the same list, so the two cannot disagree. HTTPS is
# likewise gunicorn's to judge: it sets the request's scheme from X-Forwarded-Proto only when one of these sent
# it. (Django's SECURE_PROXY_SSL_HEADER would believe that header from anyone who reaches the app port.)
try:
    TRUSTED_PROXIES = [ipaddress.ip_network(value) for value in env_list("DJANGO_TRUSTED_PROXIES", "127.0.0.1,::1")]
except ValueError as error:
    raise ImproperlyConfigured(f"DJANGO_TRUSTED_PROXIES: {error} (addresses or networks like 10.0.0.0/24).") from None
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Logs go to stdout: one JSON object per line in production (restoration/logs.py), plain text in development.
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f'DJANGO_LOG_FORMAT must be "json" or "text", not "{LOG_FORMAT}".')
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "restoration.logs.RequestIdFilter"},
        "database_outage": {"()": "restoration.logs.OutageTracebackFilter"},
    },
    "formatters": {
        "json": {"()": "restoration.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    # The level sits on the handler too: records propagated from Django's own loggers skip the root's level.
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "level": LOG_LEVEL,
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # The request log (restoration.logs) already has a line for every 4xx; Django's would repeat it.
        "django.request": {"level": "ERROR", "filters": ["database_outage"]},
        # runserver prints its own line per request in development.
        "restoration.requests": {"level": "WARNING" if DEBUG else LOG_LEVEL},
        # django-axes writes a line per sign-in at INFO, with the (masked) username; the audit trail has them.
        "axes": {"level": "WARNING"},
    },
}

# Inquiries (the contact app). The staff email goes to the admin-managed recipients, else to these addresses.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")  # e.g. https://example.org, for links in staff emails
CONTACT_NOTIFY_EMAILS = env_list("CONTACT_NOTIFY_EMAILS")
# Send the staff email right after the inquiry is saved, inside the request. Development only: in production
# the visitor must never wait on SMTP, so `send_pending_notifications --loop` (the worker) drains the outbox.
CONTACT_NOTIFY_ON_SUBMIT = DEBUG
CONTACT_NOTIFY_INCLUDE_DETAILS = env_bool("CONTACT_NOTIFY_INCLUDE_DETAILS", False)  # name, contact, message
CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))  # inquiries per client address per hour
# Maximum age of every inquiry (purge_inquiries). Open ones past it are flagged in the admin first and deleted
# two weeks later (contact.models.RETENTION_GRACE). content/pages/privacy.md states both figures: change it with them.
CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", "365"))

# Encryption at rest for an inquiry's personal fields (contact/crypto.py): Fernet keys, newest first; the
# newest encrypts, every one decrypts. Rotate by putting a new key first, running `reencrypt_inquiries`,
# then dropping the old key. Development makes its own key once, in .dev-secrets/ (never committed).
INQUIRY_ENCRYPTION_KEYS = env_list("INQUIRY_ENCRYPTION_KEYS")
if not INQUIRY_ENCRYPTION_KEYS and DEBUG:
    from cryptography.fernet import Fernet

    _dev_key_file = BASE_DIR / ".dev-secrets" / "inquiry.key"
    if not _dev_key_file.exists():
        _dev_key_file.parent.mkdir(mode=0o700, exist_ok=True)
        _dev_key_file.write_text(Fernet.generate_key().decode() + "\n")
        _dev_key_file.chmod(0o600)
    INQUIRY_ENCRYPTION_KEYS = [_dev_key_file.read_text().strip()]
elif not INQUIRY_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is off, so INQUIRY_ENCRYPTION_KEYS must be set: inquiries are encrypted at rest. Make a key "
        'with: python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
    )

# Site search: count searches per normalised query per day (no IP, session, user or time of day).
SEARCH_ANALYTICS = env_bool("SEARCH_ANALYTICS", True)
SEARCH_ANALYTICS_RETENTION_DAYS = int(os.environ.get("SEARCH_ANALYTICS_RETENTION_DAYS", "90"))  # purge_search_counts
