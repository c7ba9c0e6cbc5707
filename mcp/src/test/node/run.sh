#!/usr/bin/env bash
# Real third-party MCP clients against `mcp-iac serve`, over stdio and Streamable HTTP:
# the official TypeScript SDK's Client (client.mjs) and the MCP Inspector CLI.
#   mcp/src/test/node/run.sh cli/target/mcp-iac.jar
# Needs java 17+ and node/npm (reaches the npm registry for npm ci). Exits non-zero on a mismatch.
set -euo pipefail

JAR="$(cd "$(dirname "${1:?usage: run.sh PATH/TO/mcp-iac.jar}")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
cleanup() {
  if [[ -f "$WORK/pids" ]]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$WORK/pids"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$HERE"
npm ci --no-audit --no-fund --loglevel=error

# Starts an HTTP server on a free port; prints its URL once it says it is ready.
start_http() {
  local name="$1"
  shift
  java -jar "$JAR" serve --transport http --port 0 --provider core \
    --state "sqlite:$WORK/$name.db" "$@" >"$WORK/$name.out" 2>"$WORK/$name.log" &
  echo $! >>"$WORK/pids"
  for _ in $(seq 1 150); do
    if grep -q 'ready at' "$WORK/$name.log"; then
      grep -o 'http://[^ ]*' "$WORK/$name.log" | head -1
      return 0
    fi
    sleep 0.2
  done
  echo "FAIL: the HTTP server did not start:" >&2
  cat "$WORK/$name.log" >&2
  return 1
}

inspector() {
  npx --no-install mcp-inspector --cli "$@" 2>"$WORK/inspector.err"
}

expect() {
  local what="$1" output="$2" needle="$3"
  if ! grep -qF -- "$needle" <<<"$output"; then
    echo "FAIL: $what: expected '$needle' in:" >&2
    echo "$output" >&2
    cat "$WORK/inspector.err" >&2 || true
    exit 1
  fi
  echo "OK $what"
}

RESOURCES='[{"type":"core:data","name":"a","properties":{"input":"x"}}]'

echo "== TypeScript SDK client over stdio"
node client.mjs stdio "$JAR" "$WORK/node-stdio.db"

echo "== TypeScript SDK client over Streamable HTTP"
URL="$(start_http http)"
node client.mjs http "$URL"

echo "== TypeScript SDK client over Streamable HTTP with a bearer token"
TOKEN_URL="$(MCP_IAC_TOKEN=ci-token start_http token)"
node client.mjs http "$TOKEN_URL" ci-token

echo "== MCP Inspector CLI over stdio"
STDIO=(java -jar "$JAR" serve --provider core --state "sqlite:$WORK/inspector-stdio.db")
expect "inspector stdio tools/list" "$(inspector "${STDIO[@]}" --method tools/list)" '"applyDeployment"'
expect "inspector stdio tools/call" \
  "$(inspector "${STDIO[@]}" --method tools/call --tool-name planDeployment \
    --tool-arg deploymentId=inspector --tool-arg "resources=$RESOURCES")" '"success": true'

echo "== MCP Inspector CLI over Streamable HTTP"
expect "inspector http tools/list" \
  "$(inspector "$URL" --transport http --method tools/list)" '"cancelDeployment"'
expect "inspector http tools/call" \
  "$(inspector "$URL" --transport http --method tools/call --tool-name validateConfig \
    --tool-arg "resources=$RESOURCES")" '"valid": true'

echo "== Network tools against the OPNsense emulator (stdio and HTTP)"
java -jar "$JAR" opnsense-emulator --port 0 --no-tls --api-key ci-key --api-secret ci-secret \
  >"$WORK/emulator.out" 2>"$WORK/emulator.err" &
echo $! >>"$WORK/pids"
for _ in $(seq 1 150); do
  grep -q 'listening on' "$WORK/emulator.out" "$WORK/emulator.err" 2>/dev/null && break
  sleep 0.2
done
OPNSENSE_URL="$(cat "$WORK/emulator.out" "$WORK/emulator.err" | grep -o 'http://[^ ]*' | head -1)"
if [[ -z "$OPNSENSE_URL" ]]; then
  echo "FAIL: the OPNsense emulator did not start" >&2
  cat "$WORK/emulator.out" "$WORK/emulator.err" >&2
  exit 1
fi
export OPNSENSE_URL OPNSENSE_API_KEY=ci-key OPNSENSE_API_SECRET=ci-secret
MCP_IAC_NETWORK=1 MCP_IAC_PROVIDERS=core,opnsense node client.mjs stdio "$JAR" "$WORK/net-stdio.db"
NET_URL="$(start_http net --provider opnsense)"
MCP_IAC_NETWORK=1 node client.mjs http "$NET_URL"

echo "All MCP client checks passed."
