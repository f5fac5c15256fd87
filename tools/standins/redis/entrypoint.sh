#!/bin/sh
# The official image is built with protected mode off; Debian's redis-server has it on, so turn it off here.
set -eu
if [ "${1:-}" = "redis-server" ]; then
    shift
    set -- redis-server --protected-mode no "$@"
fi
exec "$@"
