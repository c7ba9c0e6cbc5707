#!/usr/bin/env bash
# Stops the dockerd that scripts/start-docker.sh started, by its pidfile; nothing else is touched.
# Run it from the shell that sourced start-docker.sh: that shell is unregistered as a user, and
# dockerd is stopped only when no other live shell still uses it (several suites may share one
# machine). --force stops it regardless; --purge also removes MCP_IAC_DOCKER_DIR (data included;
# otherwise the next start finds the busybox image again).
set -euo pipefail
dir=${MCP_IAC_DOCKER_DIR:-/tmp/mcp-iac-docker}
force=false
purge=false
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    --purge) force=true; purge=true ;;
    *) echo "stop-docker: unknown argument $arg (known: --force, --purge)" >&2; exit 2 ;;
  esac
done
if [ -d "$dir/users" ]; then
  rm -f "$dir/users/${MCP_IAC_DOCKER_USER:-$PPID}"
  for user in "$dir"/users/*; do
    [ -e "$user" ] || continue
    kill -0 "$(basename "$user")" 2>/dev/null || rm -f "$user"
  done
  if ! $force && [ -n "$(ls -A "$dir/users")" ]; then
    exit 0 # still used by another shell
  fi
fi
pidfile=$dir/docker.pid
if [ -f "$pidfile" ]; then
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop-docker: dockerd $pid did not stop within 15 s" >&2
      exit 1
    fi
  fi
  rm -f "$pidfile"
fi
if $purge; then
  # dockerd has unmounted its overlay mounts on the way out
  rm -rf "$dir"
fi
