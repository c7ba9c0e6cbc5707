# shellcheck shell=bash
# Starts a Moto server (AWS emulator, 5.1.1 from Debian trixie's packages) for the AWS provider's
# tests and exports MCP_IAC_MOTO_ENDPOINT (and MCP_IAC_MOTO_PID). Source it:
#
#   source scripts/start-moto.sh      # ... tests ...      scripts/stop-moto.sh
#
# Idempotent: when MCP_IAC_MOTO_ENDPOINT (or the server of an earlier run, recorded in
# MCP_IAC_MOTO_DIR, default /tmp/mcp-iac-moto) already answers, nothing is started. Otherwise it
# installs Moto's Python dependencies from the system's Debian sources, downloads python3-moto,
# python3-boto3, python3-botocore and python3-s3transfer from trixie through a private apt
# configuration (the system's sources stay untouched), unpacks them into MCP_IAC_MOTO_DIR/root and
# starts Moto's server on a free loopback port with AMI and instance-type validation on (without them
# Moto accepts any AMI id and instance type), through scripts/moto-server.py, which fixes where Moto
# answers otherwise than AWS in a way that hides what a test checks (a DB subnet group lost on
# ModifyDBSubnetGroup). Needs root for apt-get. Quiet on
# success; on failure it says why on stderr and returns non-zero.

_mcp_iac_moto_ping() {
  curl -sf --max-time 2 "$1/moto-api/" >/dev/null 2>&1
}

_mcp_iac_moto_start() (
  set -euo pipefail
  fail() {
    echo "start-moto: $*" >&2
    exit 1
  }
  dir=${MCP_IAC_MOTO_DIR:-/tmp/mcp-iac-moto}
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  mkdir -p "$dir"
  export DEBIAN_FRONTEND=noninteractive
  endpoint=${MCP_IAC_MOTO_ENDPOINT:-}
  if [ -n "$endpoint" ] && _mcp_iac_moto_ping "$endpoint"; then
    echo "$endpoint"
    exit 0
  fi
  if [ -f "$dir/endpoint" ] && _mcp_iac_moto_ping "$(cat "$dir/endpoint")"; then
    cat "$dir/endpoint"
    exit 0
  fi
  deps="python3-flask python3-flask-cors python3-werkzeug python3-jinja2 python3-requests \
    python3-responses python3-xmltodict python3-dateutil python3-cryptography python3-yaml \
    python3-jmespath python3-urllib3"
  missing=""
  for p in $deps; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if ! command -v curl >/dev/null 2>&1; then missing="$missing curl"; fi
  if [ -n "$missing" ]; then
    [ "$(id -u)" = 0 ] || fail "must run as root to install$missing"
    apt-get update -qq >/dev/null || fail "apt-get update failed"
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >"$dir/apt.log" 2>&1 \
      || { tail -n 20 "$dir/apt.log" >&2; fail "could not install$missing"; }
  fi
  py=/usr/bin/python3 # Debian's (pulled in by the packages above), not a pyenv shim first on PATH
  [ -x "$py" ] || fail "$py is missing"
  if [ ! -f "$dir/root/usr/lib/python3/dist-packages/moto/server.py" ]; then
    a="$dir/apt"
    mkdir -p "$a/lists/partial" "$a/cache/archives/partial" "$a/debs" "$dir/root"
    echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main' >"$a/sources.list"
    o="-o Dir::Etc::SourceList=$a/sources.list -o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists=$a/lists -o Dir::Cache=$a/cache"
    # shellcheck disable=SC2086
    apt-get $o update -qq >"$dir/apt.log" 2>&1 || { tail -n 20 "$dir/apt.log" >&2; fail "apt-get update (trixie) failed"; }
    # shellcheck disable=SC2086
    (cd "$a/debs" && apt-get $o download python3-moto python3-boto3 python3-botocore python3-s3transfer) \
      >>"$dir/apt.log" 2>&1 || { tail -n 20 "$dir/apt.log" >&2; fail "could not download python3-moto from trixie"; }
    for f in "$a"/debs/*.deb; do dpkg-deb -x "$f" "$dir/root"; done
  fi
  # a free loopback port, chosen by the kernel
  port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  endpoint="http://127.0.0.1:$port"
  if [ -f "$dir/moto.pid" ] && kill -0 "$(cat "$dir/moto.pid")" 2>/dev/null; then
    kill "$(cat "$dir/moto.pid")" 2>/dev/null || true # ours, but no longer answering
  fi
  MOTO_ENABLE_AMI_VALIDATION=true MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION=true \
    PYTHONPATH="$dir/root/usr/lib/python3/dist-packages" \
    setsid "$py" "$here/moto-server.py" -H 127.0.0.1 -p "$port" >"$dir/moto.log" 2>&1 </dev/null &
  echo $! >"$dir/moto.pid"
  for _ in $(seq 1 300); do
    _mcp_iac_moto_ping "$endpoint" && break
    sleep 0.1
  done
  _mcp_iac_moto_ping "$endpoint" || { tail -n 20 "$dir/moto.log" >&2; fail "moto did not answer on $endpoint within 30 s"; }
  echo "$endpoint" >"$dir/endpoint"
  echo "$endpoint"
)

if _MCP_IAC_MOTO=$(_mcp_iac_moto_start); then
  export MCP_IAC_MOTO_ENDPOINT=$_MCP_IAC_MOTO
  unset _MCP_IAC_MOTO
  unset -f _mcp_iac_moto_start _mcp_iac_moto_ping
else
  unset _MCP_IAC_MOTO
  unset -f _mcp_iac_moto_start _mcp_iac_moto_ping
  echo "start-moto: no Moto server available" >&2
  return 1 2>/dev/null || exit 1
fi
