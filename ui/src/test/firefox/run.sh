#!/usr/bin/env bash
# mcp-iac ui in Firefox, as a person on Debian would open it: Firefox ESR from Debian's packages,
# driven over WebDriver BiDi by smoke.mjs (the Selenium tests in UiBrowserTest use Chromium; Debian
# 12 has no geckodriver). Applies a two-version deployment with the fat jar, starts `mcp-iac ui`
# and checks the deployments page and the state history.
#   ui/src/test/firefox/run.sh cli/target/mcp-iac.jar
set -euo pipefail

JAR="$(cd "$(dirname "${1:?usage: run.sh PATH/TO/mcp-iac.jar}")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
UI_PID=""
cleanup() {
  [[ -n "$UI_PID" ]] && kill "$UI_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v firefox-esr >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
fi
(cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)

cat >"$WORK/d.yaml" <<'YAML'
apiVersion: iac.mcp/v1
kind: Deployment
metadata: {name: firefox-check}
spec:
  resources:
    - type: core:data
      name: a
      properties: {input: one}
    - type: core:data
      name: b
      properties: {input: "${a.output}-two"}
YAML
STATE="sqlite:$WORK/state.db"
java -jar "$JAR" apply -f "$WORK/d.yaml" --state "$STATE" --yes >"$WORK/apply1.log" 2>&1
sed -i 's/-two/-three/' "$WORK/d.yaml"
java -jar "$JAR" apply -f "$WORK/d.yaml" --state "$STATE" --yes >"$WORK/apply2.log" 2>&1

java -jar "$JAR" ui --port 0 --state "$STATE" >"$WORK/ui.out" 2>"$WORK/ui.log" &
UI_PID=$!
URL=""
for _ in $(seq 1 150); do
  URL="$(grep -o 'http://[^ ]*' "$WORK/ui.out" | head -1 || true)"
  [[ -n "$URL" ]] && break
  sleep 0.2
done
if [[ -z "$URL" ]]; then
  echo "FAIL: mcp-iac ui did not start:" >&2
  cat "$WORK/ui.log" >&2
  exit 1
fi
mkdir -p "$HERE/../../../target/screenshots"
node "$HERE/smoke.mjs" "$URL" firefox-check "$HERE/../../../target/screenshots"
