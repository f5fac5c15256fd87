#!/bin/sh
# Container entry point. `release` is the explicit release step (run once per deploy, before
# the new web containers take traffic): apply migrations, load the shipped content, refresh the search index.
# Anything else is executed as given (by default: gunicorn).
set -eu
if [ "${1:-}" = "release" ]; then
    python manage.py migrate --no-input
    python manage.py import_pages content/pages
    python manage.py import_programs content/programs
    python manage.py import_articles content/articles
    python manage.py rebuild_search_index
    exit 0
fi
exec "$@"
