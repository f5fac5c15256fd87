#!/bin/sh
# Like the official image: on the first start, create the cluster with POSTGRES_USER (default postgres) as its
# superuser, protected by POSTGRES_PASSWORD, and the database POSTGRES_DB; password logins from the network.
set -eu
user="${POSTGRES_USER:-postgres}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required on the first start}"
    password_file=$(mktemp)
    printf '%s' "$POSTGRES_PASSWORD" >"$password_file"
    initdb --username="$user" --pwfile="$password_file" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f "$password_file"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    database="${POSTGRES_DB:-$user}"
    if [ "$database" != postgres ]; then
        pg_ctl -o "-c listen_addresses=''" -w start >/dev/null
        createdb --username="$user" "$database"
        pg_ctl -m fast -w stop >/dev/null
    fi
fi
exec "$@"
