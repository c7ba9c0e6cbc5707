#!/usr/bin/env bash
# Stops the dockerd that scripts/start-docker.sh started (by its pidfile; nothing else is touched).
# Keeps its data directory, so the next start finds the busybox image again; pass --purge to remove
# MCP_IAC_DOCKER_DIR as well.
set -euo pipefail
dir=${MCP_IAC_DOCKER_DIR:-/tmp/mcp-iac-docker}
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
if [ "${1:-}" = --purge ]; then
  # the data root holds overlay mounts while containers run; dockerd unmounted them on stop
  rm -rf "$dir"
fi
