"""Settings read the environment at import, so each configuration is checked in a fresh interpreter."""

import io
import json
import os
import secrets
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management import call_command

from tests.support.seed import ROOT

CONFIG_PREFIXES = ("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "CACHE_", "DEFAULT_FROM_EMAIL", "INQUIRY_", "MEDIA_")
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "INQUIRY_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
}

PROBE = """
import json, django
django.setup()
from django.conf import settings as s
db = s.DATABASES["default"]
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": s.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "STATICFILES_BACKEND": s.STORAGES["staticfiles"]["BACKEND"],
    "MEDIA_BACKEND": s.STORAGES["default"]["BACKEND"],
    "MEDIA_BUCKET": s.STORAGES["default"].get("OPTIONS", {}).get("bucket_name"),
    "MEDIA_ENDPOINT": s.STORAGES["default"].get("OPTIONS", {}).get("endpoint_url"),
    "DB_ENGINE": db["ENGINE"], "DB_NAME": str(db["NAME"]), "DB_HOST": db.get("HOST", ""),
    "DB_USER": db.get("USER", ""), "DB_PORT": db.get("PORT", ""),
    "CACHE_BACKEND": s.CACHES["default"]["BACKEND"], "CACHE_LOCATION": s.CACHES["default"].get("LOCATION", ""),
    "EMAIL_BACKEND": s.MAILERS["default"]["BACKEND"],
    "EMAIL_HOST": s.MAILERS["default"].get("OPTIONS", {}).get("host"),
    "EMAIL_PORT": s.MAILERS["default"].get("OPTIONS", {}).get("port"),
}))
"""


def secret_key():
    return secrets.token_urlsafe(50)


def run_python(args, **env):
    """Run the venv's Python in the project folder with only the given configuration variables set."""
    clean = {name: value for name, value in os.environ.items() if not name.startswith(CONFIG_PREFIXES)}
    clean.update(env, DJANGO_SETTINGS_MODULE="restoration.settings")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60, check=False
    )


def settings_under(**env):
    result = run_python(["-c", PROBE], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def development():
    return settings_under()


@pytest.fixture(scope="module")
def production():
    return settings_under(**PRODUCTION, DJANGO_SECRET_KEY=secret_key())


@pytest.fixture(scope="module")
def production_with_services():
    return settings_under(
        **PRODUCTION,
        DJANGO_SECRET_KEY=secret_key(),
        DATABASE_URL="postgres://rrc:s3cret@db.internal:5433/restoration",
        REDIS_URL="redis://cache.internal:6379/2",
        EMAIL_HOST="smtp.example.org",
        MEDIA_S3_BUCKET="rrc-media",
        MEDIA_S3_ENDPOINT_URL="https://s3.example.net",
    )


def test_the_deploy_check_passes_with_production_settings():
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION, DJANGO_SECRET_KEY=secret_key()
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_the_deploy_check_would_catch_a_weak_setting():
    """Control for the test above: a short secret key is reported, so the check is really looking."""
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION, DJANGO_SECRET_KEY="short"
    )
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(["manage.py", "check"], **PRODUCTION)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in last_line
    assert "DJANGO_SECRET_KEY" in last_line


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python(["manage.py", "check"], DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secret_key())
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr.strip().splitlines()[-1]


def test_production_refuses_to_start_without_inquiry_encryption_keys():
    env = {name: value for name, value in PRODUCTION.items() if name != "INQUIRY_ENCRYPTION_KEYS"}
    result = run_python(["manage.py", "check"], **env, DJANGO_SECRET_KEY=secret_key())
    assert result.returncode != 0
    assert "INQUIRY_ENCRYPTION_KEYS must be set" in result.stderr.strip().splitlines()[-1]


def test_a_misspelt_log_format_stops_the_start_with_the_choices():
    result = run_python(["manage.py", "check"], **PRODUCTION, DJANGO_SECRET_KEY=secret_key(), DJANGO_LOG_FORMAT="jsno")
    assert result.returncode != 0
    assert 'DJANGO_LOG_FORMAT must be "json" or "text", not "jsno"' in result.stderr.strip().splitlines()[-1]


def test_no_model_change_is_missing_a_migration(db):
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def test_development_defaults_need_no_services(development):
    assert development["DEBUG"] is True
    assert development["DB_ENGINE"] == "django.db.backends.sqlite3"
    assert development["CACHE_BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert development["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_production_redirects_to_https_and_sends_hsts_and_secure_cookies(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["STATICFILES_BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_the_https_redirect_can_be_left_to_the_proxy():
    settings = settings_under(**PRODUCTION, DJANGO_SECRET_KEY=secret_key(), DJANGO_SECURE_SSL_REDIRECT="0")
    assert settings["SECURE_SSL_REDIRECT"] is False


def test_database_url_selects_postgresql(production_with_services):
    assert production_with_services["DB_ENGINE"] == "django.db.backends.postgresql"
    assert production_with_services["DB_NAME"] == "restoration"
    assert production_with_services["DB_HOST"] == "db.internal"
    assert production_with_services["DB_USER"] == "rrc"
    assert production_with_services["DB_PORT"] == 5433


def test_redis_url_selects_the_redis_cache(production_with_services):
    assert production_with_services["CACHE_BACKEND"] == "restoration.cache.ResilientRedisCache"
    assert production_with_services["CACHE_LOCATION"] == "redis://cache.internal:6379/2"


def test_media_s3_bucket_selects_object_storage_linked_from_our_own_domain(production, production_with_services):
    assert production["MEDIA_BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert production_with_services["MEDIA_BACKEND"] == "restoration.storage.SameOriginS3Storage"
    assert production_with_services["MEDIA_BUCKET"] == "rrc-media"
    assert production_with_services["MEDIA_ENDPOINT"] == "https://s3.example.net"


def test_email_host_selects_smtp(production_with_services):
    assert production_with_services["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert production_with_services["EMAIL_HOST"] == "smtp.example.org"
    assert production_with_services["EMAIL_PORT"] == 587


def test_gunicorn_trusts_forwarded_headers_from_the_same_proxies_as_the_app():
    result = run_python(
        ["-m", "gunicorn", "--config", "gunicorn.conf.py", "--print-config", "restoration.wsgi:application"],
        DJANGO_TRUSTED_PROXIES="10.0.0.2, 10.1.0.0/16",
    )
    assert result.returncode == 0, result.stderr
    assert "forwarded_allow_ips                = ['10.0.0.2/32', '10.1.0.0/16']" in result.stdout


def test_a_mistyped_trusted_proxy_stops_the_start_with_the_reason():
    result = run_python(["manage.py", "check"], DJANGO_TRUSTED_PROXIES="10.0.0.2/24")
    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES: 10.0.0.2/24 has host bits set" in result.stderr.strip().splitlines()[-1]


def test_the_readme_draws_the_request_path_in_the_order_settings_give_the_middleware():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    diagram = readme[readme.index("request → gunicorn") :]
    diagram = diagram[: diagram.index("```")]
    names = [dotted.rsplit(".", 1)[1] for dotted in settings.MIDDLEWARE]
    positions = [diagram.find(name) for name in names]
    assert -1 not in positions, f"not in the README's diagram: {names[positions.index(-1)]}"
    assert positions == sorted(positions), "the README's diagram lists the middleware in another order"
