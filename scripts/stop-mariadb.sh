#!/usr/bin/env bash
# Stops the mariadbd that scripts/start-mariadb.sh started, by its pid file; nothing else is touched.
# --purge also removes MCP_IAC_MARIADB_DIR (the unpacked packages and the data directory).
set -euo pipefail
dir=${MCP_IAC_MARIADB_DIR:-/tmp/mcp-iac-mariadb}
purge=false
for arg in "$@"; do
  case "$arg" in
    --purge) purge=true ;;
    *) echo "stop-mariadb: unknown argument $arg (known: --purge)" >&2; exit 2 ;;
  esac
done
pidfile=$dir/mariadbd.pid
if [ -f "$pidfile" ]; then
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 300); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop-mariadb: mariadbd $pid did not stop within 30 s" >&2
      exit 1
    fi
  fi
  rm -f "$pidfile"
fi
if $purge; then
  rm -rf "$dir"
fi
