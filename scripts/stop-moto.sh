#!/usr/bin/env bash
# Stops the Moto server that scripts/start-moto.sh started (by the PID it recorded; nothing else).
dir=${MCP_IAC_MOTO_DIR:-/tmp/mcp-iac-moto}
if [ -f "$dir/moto.pid" ]; then
  pid=$(cat "$dir/moto.pid")
  kill "$pid" 2>/dev/null || true
  rm -f "$dir/moto.pid" "$dir/endpoint"
fi
