#!/usr/bin/env bash
# Smoke test of the OPNsense emulator as a stranger's client sees it: plain curl over HTTPS,
# verifying the server with the CA the emulator writes (--ca-out), no verification switched off.
#
# Usage: opnsense-emulator/src/test/curl/smoke.sh            (from the repository root, after a build)
#        EMULATOR_CMD="java -jar mcp-iac.jar opnsense-emulator" opnsense-emulator/src/test/curl/smoke.sh
# EMULATOR_CMD is the command that starts the emulator; the script adds
# "--port 0 --ca-out <file> --version <v>". Default: the module's classes plus target/classpath.txt
# (written by `./mvnw -pl opnsense-emulator -am package`). EMULATOR_VERSION picks the profile
# (default 26.1 = 26.1.6, which also exercises the savepoint endpoints; any profile name works:
# 26.1.0, 26.1.2, 26.1.6, 26.1.11, 26.7.2, 26.1, 26.7). Exit status 0 = all checks passed.
set -u

here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
if [ -z "${EMULATOR_CMD:-}" ]; then
  if [ ! -f "$module/target/classpath.txt" ]; then
    echo "smoke: $module/target/classpath.txt missing; build first (./mvnw -pl opnsense-emulator -am package)" >&2
    exit 2
  fi
  EMULATOR_CMD="java -cp $module/target/classes:$(cat "$module/target/classpath.txt") io.mcpiac.opnsense.emulator.EmulatorLauncher"
fi
version="${EMULATOR_VERSION:-26.1}"

work="$(mktemp -d)"
out="$work/out"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
$EMULATOR_CMD --port 0 --ca-out "$work/ca.pem" --version "$version" >"$out" 2>"$work/err" &
pid=$!

for _ in $(seq 1 600); do
  grep -q '^OPNsense emulator listening on ' "$out" 2>/dev/null && grep -q '^api secret: ' "$out" && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "smoke: emulator exited early" >&2
    cat "$work/err" >&2
    exit 1
  fi
  sleep 0.1
done
ready="$(grep '^OPNsense emulator listening on ' "$out" || true)"
if [ -z "$ready" ]; then
  echo "smoke: no ready line within 60 s" >&2
  cat "$work/err" >&2
  exit 1
fi
url="$(echo "$ready" | sed -E 's/^OPNsense emulator listening on ([^ ]+) \(version .*\)$/\1/')"
key="$(sed -n 's/^api key: //p' "$out")"
secret="$(sed -n 's/^api secret: //p' "$out")"

failures=0
pass() { echo "ok   - $1"; }
fail() { echo "FAIL - $1"; failures=$((failures + 1)); }

# call METHOD PATH [JSON] [extra curl args...] -> sets $status and $body
call() {
  local method="$1" path="$2" data="${3:-}"
  shift 3 2>/dev/null || shift $#
  local args=(-s -o "$work/body" -w '%{http_code}' --cacert "$work/ca.pem" -X "$method")
  if [ -n "$data" ]; then args+=(-H 'Content-Type: application/json' --data-binary "$data"); fi
  status="$(curl "${args[@]}" "$@" "$url$path")"
  body="$(cat "$work/body")"
}
api() { call "$@" -u "$key:$secret"; }

expect() { # expect DESCRIPTION EXPECTED_STATUS BODY_FRAGMENT
  if [ "$status" = "$2" ] && [[ "$body" == *"$3"* ]]; then pass "$1"; else fail "$1: got $status $body"; fi
}
uuid_of() { echo "$body" | sed -nE 's/.*"uuid":"([0-9a-f-]{36})".*/\1/p'; }

# --- routing and authentication quirks
call GET /api/firewall/alias/searchItem ""
expect "no credentials: 401 with empty body" 401 ""
[ -z "$body" ] && pass "401 body is empty" || fail "401 body not empty: $body"
call GET /api/firewall/alias/searchItem "" -u "$key:wrong"
expect "wrong secret: 401 JSON" 401 '{"status":401,"message":"Authentication Failed"}'
call GET /api/firewall/nosuch/searchItem ""
expect "unknown endpoint: 404 before authentication" 404 '{"errorMessage":"Endpoint not found"}'
api POST /api/firewall/alias/delItem ""
expect "missing uuid parameter: 404" 404 "Endpoint not found"
call POST /api/firewall/alias/addItem "" -u "$key:$secret" -H 'Content-Type: application/json'
expect "empty JSON body: 400" 400 '{"status":400,"message":"Invalid JSON syntax"}'
api GET /api/core/firmware/status ""
expect "firmware status names the version" 200 "\"product_series\":\"$version\""

# --- alias: add, search, set, get, del
api POST /api/firewall/alias/addItem '{"alias":{"enabled":"1","name":"smoke_web","type":"host","content":"10.0.0.10\n10.0.0.11","description":"smoke"}}'
expect "alias add" 200 '"result":"saved"'
alias_uuid="$(uuid_of)"
[ -n "$alias_uuid" ] && pass "alias uuid $alias_uuid" || fail "no alias uuid in $body"
api POST /api/firewall/alias/addItem '{"alias":{"name":"1bad","type":"host","content":"10.0.0.300"}}'
expect "alias validation failure is HTTP 200" 200 '"alias.name":'
api GET "/api/firewall/alias/searchItem?searchPhrase=smoke_web" ""
expect "alias search finds it" 200 "\"uuid\":\"$alias_uuid\""
expect "search escapes nothing odd and has total" 200 '"total":1'
api POST "/api/firewall/alias/setItem/$alias_uuid" '{"alias":{"content":"10.0.0.12"}}'
expect "alias set" 200 '{"result":"saved"}'
api GET "/api/firewall/alias/getItem/$alias_uuid" ""
expect "alias get shows the new content as an option map" 200 '"10.0.0.12":{"value":"10.0.0.12","selected":1}'
api POST /api/firewall/alias/reconfigure ""
expect "alias reconfigure" 200 '{"status":"ok"}'

# --- filter rule: add, search, set, toggle, apply, del
api POST /api/firewall/filter/addRule '{"rule":{"action":"pass","direction":"in","ipprotocol":"inet","protocol":"TCP","source_net":"any","destination_net":"smoke_web","destination_port":"443","description":"smoke rule"}}'
expect "rule add" 200 '"result":"saved"'
rule_uuid="$(uuid_of)"
api POST /api/firewall/filter/searchRule '{"searchPhrase":"smoke rule"}'
expect "rule search finds it" 200 "\"uuid\":\"$rule_uuid\""
api POST /api/firewall/filter/addRule '{"rule":{"protocol":"ICMP","destination_port":"443"}}'
expect "rule validation failure" 200 '"rule.destination_port":"Destination ports are only valid for tcp or udp type rules."'
api POST "/api/firewall/filter/setRule/$rule_uuid" '{"rule":{"log":"1"}}'
expect "rule set" 200 '{"result":"saved"}'
api POST "/api/firewall/filter/toggleRule/$rule_uuid/0" ""
expect "rule toggle" 200 '{"result":"Disabled","changed":true}'
case "$version" in
  26.1|26.1.*) savepoints=1 ;;
  *) savepoints=0 ;;
esac
if [ "$savepoints" = 1 ]; then
  api POST /api/firewall/filter/savepoint ""
  expect "savepoint" 200 '"status":"ok"'
  rev="$(echo "$body" | sed -nE 's/.*"revision":"([0-9.]+)".*/\1/p')"
  api POST "/api/firewall/filter/apply/$rev" ""
  expect "apply with rollback timer" 200 '{"status":"OK\n\n"}'
  api POST "/api/firewall/filter/cancelRollback/$rev" ""
  expect "cancelRollback in time" 200 '{"status":"\n\n"}'
else
  api POST /api/firewall/filter/savepoint ""
  expect "no savepoint on $version" 404 "Endpoint not found"
fi
api POST /api/firewall/filter/apply ""
expect "filter apply" 200 '{"status":"OK\n\n"}'
api GET /api/firewall/filter/apply ""
expect "apply via GET is a failure payload, not 405" 200 '{"status":"error"}'

# --- deletes, in dependency order
api POST "/api/firewall/alias/delItem/$alias_uuid" ""
expect "alias in use cannot be deleted" 500 '"errorTitle":"Alias in use"'
api POST "/api/firewall/filter/delRule/$rule_uuid" ""
expect "rule del" 200 '{"result":"deleted"}'
api POST "/api/firewall/alias/delItem/$alias_uuid" ""
expect "alias del" 200 '{"result":"deleted"}'
api POST "/api/firewall/alias/delItem/$alias_uuid" ""
expect "alias del again" 200 '{"result":"not found"}'
api GET "/api/firewall/alias/getItem/$alias_uuid" ""
expect "get of a deleted uuid is []" 200 '[]'

# --- firmware version and the rehearsal export
api GET /api/core/firmware/status ""
case "$version" in
  26.1) want=26.1.6 ;;
  26.7) want=26.7.2 ;;
  26.1.0) want=26.1 ;;
  *) want="$version" ;;
esac
expect "firmware reports the profile's version" 200 "\"product_version\":\"$want\""
status="$(curl -s -o "$work/config.xml" -w '%{http_code}' --cacert "$work/ca.pem" "$url/__emulator/config.xml")"
if [ "$status" = 200 ] && grep -q '<opnsense>' "$work/config.xml" && grep -q '<timezone>Etc/UTC</timezone>' "$work/config.xml"; then
  pass "config.xml export"
else
  fail "config.xml export (HTTP $status)"
fi

if [ "$failures" -gt 0 ]; then
  echo "smoke: $failures check(s) failed" >&2
  exit 1
fi
echo "smoke: all checks passed against $url (version $version)"
