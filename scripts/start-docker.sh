# shellcheck shell=bash
# Starts a private Docker Engine for the tests and exports DOCKER_HOST. Source it:
#
#   source scripts/start-docker.sh      # ... tests ...      scripts/stop-docker.sh
#
# Idempotent: when DOCKER_HOST (or the socket of an earlier run) already answers /_ping nothing
# is started. The calling shell is registered as a user of the daemon (MCP_IAC_DOCKER_DIR/users/PID);
# scripts/stop-docker.sh, run from that shell, unregisters it and stops dockerd only when no live
# user is left. Otherwise it installs Debian's docker.io and busybox-static if they are missing,
# starts ONE dockerd on a socket in MCP_IAC_DOCKER_DIR (default /tmp/mcp-iac-docker), waits for
# it, and imports a busybox root filesystem as the image mcp-iac-test/busybox:1 (nothing can be
# pulled on these machines). Needs root. Quiet on success; on failure it says why on stderr, shows
# the end of dockerd's log and returns non-zero.

_mcp_iac_docker_ping() {
  local host=$1
  case "$host" in
    unix://*) curl -sf --max-time 2 --unix-socket "${host#unix://}" http://localhost/_ping >/dev/null 2>&1 ;;
    tcp://*) curl -sf --max-time 2 "http://${host#tcp://}/_ping" >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}

# Runs in a subshell so that `set -e` and failures never leak into the caller's shell; prints the
# DOCKER_HOST to use on stdout.
_mcp_iac_docker_start() (
  set -euo pipefail
  fail() {
    echo "start-docker: $*" >&2
    exit 1
  }
  dir=${MCP_IAC_DOCKER_DIR:-/tmp/mcp-iac-docker}
  export DEBIAN_FRONTEND=noninteractive
  if ! command -v curl >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || fail "curl is missing and only root can install it"
    apt-get update -qq >/dev/null && apt-get install -y -qq curl >/dev/null 2>&1 || fail "could not install curl"
  fi
  host=${DOCKER_HOST:-}
  if [ -n "$host" ] && _mcp_iac_docker_ping "$host"; then
    :
  elif _mcp_iac_docker_ping "unix://$dir/docker.sock"; then
    host="unix://$dir/docker.sock"
  else
    [ "$(id -u)" = 0 ] || fail "must run as root to install and start dockerd"
    mkdir -p "$dir"
    if ! command -v dockerd >/dev/null 2>&1 || [ ! -x /bin/busybox ]; then
      apt-get update -qq >/dev/null || fail "apt-get update failed"
      apt-get install -y -qq docker.io busybox-static >/dev/null 2>"$dir/apt.log" \
        || { cat "$dir/apt.log" >&2; fail "could not install docker.io busybox-static"; }
    fi
    if [ -f "$dir/docker.pid" ] && kill -0 "$(cat "$dir/docker.pid")" 2>/dev/null; then
      fail "dockerd $(cat "$dir/docker.pid") owns $dir but does not answer; run scripts/stop-docker.sh"
    fi
    # a second daemon on the same machine fights over the docker0 bridge and iptables
    if pgrep -x dockerd >/dev/null 2>&1; then
      fail "another dockerd is running (pid $(pgrep -x dockerd | tr '\n' ' ')); set DOCKER_HOST to its socket"
    fi
    rm -f "$dir/docker.sock" "$dir/docker.pid"
    setsid dockerd --host "unix://$dir/docker.sock" --data-root "$dir/data" --exec-root "$dir/exec" \
      --pidfile "$dir/docker.pid" >"$dir/dockerd.log" 2>&1 </dev/null &
    host="unix://$dir/docker.sock"
    for _ in $(seq 1 300); do
      _mcp_iac_docker_ping "$host" && break
      sleep 0.1
    done
    _mcp_iac_docker_ping "$host" || { tail -n 20 "$dir/dockerd.log" >&2; fail "dockerd did not answer on $host within 30 s"; }
  fi
  export DOCKER_HOST=$host
  # register the calling shell as a user of our daemon: stop-docker.sh stops it only when no
  # registered shell is left (several test suites may share one machine and one daemon)
  if [ "$host" = "unix://$dir/docker.sock" ]; then
    mkdir -p "$dir/users"
    touch "$dir/users/${MCP_IAC_DOCKER_USER:-$$}"
  fi
  if ! docker image inspect mcp-iac-test/busybox:1 >/dev/null 2>&1; then
    [ -x /bin/busybox ] || fail "/bin/busybox is missing (apt-get install busybox-static)"
    rootfs=$(mktemp -d "${TMPDIR:-/tmp}/mcp-iac-busybox.XXXXXX")
    mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/www"
    cp /bin/busybox "$rootfs/bin/"
    for applet in $("$rootfs/bin/busybox" --list); do
      [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"
    done
    echo 'root:x:0:0:root:/root:/bin/sh' >"$rootfs/etc/passwd"
    echo 'root:x:0:' >"$rootfs/etc/group"
    tar -C "$rootfs" -c . | docker import -c 'CMD ["/bin/sh"]' - mcp-iac-test/busybox:1 >/dev/null \
      || fail "could not import the busybox image"
    rm -rf "$rootfs"
  fi
  echo "$host"
)

if _MCP_IAC_DOCKER_HOST=$(_mcp_iac_docker_start); then
  export DOCKER_HOST=$_MCP_IAC_DOCKER_HOST
  unset _MCP_IAC_DOCKER_HOST
  unset -f _mcp_iac_docker_start _mcp_iac_docker_ping
else
  unset _MCP_IAC_DOCKER_HOST
  unset -f _mcp_iac_docker_start _mcp_iac_docker_ping
  echo "start-docker: no Docker Engine available" >&2
  # `return` when sourced, `exit` when run as a program
  return 1 2>/dev/null || exit 1
fi
