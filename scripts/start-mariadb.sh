# shellcheck shell=bash
# Starts a private MariaDB server (Debian bookworm's 10.11) for the MySQL provider's tests and
# exports where it is. Source it:
#
#   source scripts/start-mariadb.sh      # ... tests ...      scripts/stop-mariadb.sh
#
# Exports MCP_IAC_TEST_MYSQL (host:port) and MCP_IAC_TEST_MYSQL_PASSWORD (the password of the test
# administrator 'mcpiac'@'127.0.0.1', who holds ALL PRIVILEGES WITH GRANT OPTION).
#
# Nothing is installed as a service: the mariadb-server packages are downloaded (apt-get -d, the
# system's own package cache), unpacked into MCP_IAC_MARIADB_DIR/root (default
# /tmp/mcp-iac-mariadb), a data directory is made with mariadb-install-db, and mariadbd runs from
# there on a free loopback port with its own socket and pid file. Idempotent: a server of an
# earlier run that still answers is reused. Needs root (apt-get and the server's --user=root).
# Quiet on success; on failure it says why on stderr, shows the end of the server's log and
# returns non-zero.

_mcp_iac_mariadb_start() (
  set -euo pipefail
  fail() {
    echo "start-mariadb: $*" >&2
    [ -f "$dir/mariadbd.log" ] && tail -n 20 "$dir/mariadbd.log" >&2
    exit 1
  }
  dir=${MCP_IAC_MARIADB_DIR:-/tmp/mcp-iac-mariadb}
  root=$dir/root
  mkdir -p "$dir"
  # libraries the packages brought along (liburing, libaio, ...) live in the unpacked tree
  export LD_LIBRARY_PATH="$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  answers() {
    [ -f "$dir/port" ] && [ -f "$dir/mariadbd.pid" ] && kill -0 "$(cat "$dir/mariadbd.pid")" 2>/dev/null \
      && (exec 3<>"/dev/tcp/127.0.0.1/$(cat "$dir/port")") 2>/dev/null
  }
  if ! answers; then
    [ "$(id -u)" = 0 ] || fail "must run as root to download and start MariaDB"
    if [ ! -x "$root/usr/sbin/mariadbd" ]; then
      export DEBIAN_FRONTEND=noninteractive
      mkdir -p "$dir/debs/partial"
      if ! apt-get install -y -qq -d -o Dir::Cache::archives="$dir/debs" mariadb-server >"$dir/apt.log" 2>&1; then
        apt-get update -qq >/dev/null 2>&1 || true
        apt-get install -y -qq -d -o Dir::Cache::archives="$dir/debs" mariadb-server >"$dir/apt.log" 2>&1 \
          || { cat "$dir/apt.log" >&2; fail "could not download mariadb-server"; }
      fi
      # packages already installed on the system are not downloaded again: take them from apt's cache
      for f in /var/cache/apt/archives/mariadb-*.deb /var/cache/apt/archives/libmariadb3_*.deb; do
        [ -e "$f" ] && cp -n "$f" "$dir/debs/" 2>/dev/null || true
      done
      mkdir -p "$root"
      for f in "$dir"/debs/*.deb; do dpkg-deb -x "$f" "$root"; done
      [ -x "$root/usr/sbin/mariadbd" ] || fail "mariadbd is missing from the unpacked packages"
    fi
    if [ -f "$dir/mariadbd.pid" ] && kill -0 "$(cat "$dir/mariadbd.pid")" 2>/dev/null; then
      fail "mariadbd $(cat "$dir/mariadbd.pid") owns $dir but does not answer; run scripts/stop-mariadb.sh"
    fi
    if [ ! -d "$dir/data/mysql" ]; then
      rm -rf "$dir/data"
      "$root/usr/bin/mariadb-install-db" --no-defaults --basedir="$root/usr" --datadir="$dir/data" \
        --user=root --auth-root-authentication-method=socket >"$dir/install-db.log" 2>&1 \
        || { cat "$dir/install-db.log" >&2; fail "mariadb-install-db failed"; }
    fi
    [ -f "$dir/password" ] || (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/password")
    # the test administrator, made (again) at every start: --init-file runs before connections
    pw=$(cat "$dir/password")
    cat >"$dir/init.sql" <<SQL
CREATE USER IF NOT EXISTS 'mcpiac'@'127.0.0.1' IDENTIFIED BY '$pw';
ALTER USER 'mcpiac'@'127.0.0.1' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON *.* TO 'mcpiac'@'127.0.0.1' WITH GRANT OPTION;
SQL
    chmod 600 "$dir/init.sql"
    # a free loopback port: one nobody answers on (bash only; a fresh machine may lack python)
    port=
    for _ in $(seq 1 50); do
      candidate=$((20000 + RANDOM % 40000))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
      fi
    done
    [ -n "$port" ] || fail "found no free port"
    rm -f "$dir/mariadbd.pid" "$dir/mysqld.sock"
    setsid "$root/usr/sbin/mariadbd" --no-defaults --basedir="$root/usr" --datadir="$dir/data" --user=root \
      --port="$port" --bind-address=127.0.0.1 --socket="$dir/mysqld.sock" --pid-file="$dir/mariadbd.pid" \
      --lc-messages-dir="$root/usr/share/mariadb" --plugin-dir="$root/usr/lib/mysql/plugin" \
      --init-file="$dir/init.sql" --skip-name-resolve --innodb-flush-log-at-trx-commit=0 \
      --log-error="$dir/mariadbd.log" </dev/null >/dev/null 2>&1 &
    echo "$port" >"$dir/port"
    for _ in $(seq 1 300); do
      answers && break
      sleep 0.1
    done
    answers || fail "mariadbd did not answer on 127.0.0.1:$port within 30 s"
  fi
  echo "127.0.0.1:$(cat "$dir/port") $(cat "$dir/password")"
)

if _MCP_IAC_MARIADB=$(_mcp_iac_mariadb_start); then
  export MCP_IAC_TEST_MYSQL=${_MCP_IAC_MARIADB% *}
  export MCP_IAC_TEST_MYSQL_PASSWORD=${_MCP_IAC_MARIADB#* }
  unset _MCP_IAC_MARIADB
  unset -f _mcp_iac_mariadb_start
else
  unset _MCP_IAC_MARIADB
  unset -f _mcp_iac_mariadb_start
  echo "start-mariadb: no MariaDB server available" >&2
  return 1 2>/dev/null || exit 1
fi
