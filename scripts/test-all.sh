#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this and nothing else).
# Needs only a JDK 17 and, for the Docker tests, root to install Debian's docker.io: every other
# engine (SQLite, embedded PostgreSQL, the OPNsense emulator, npm's MCP clients) comes with the
# build or is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."

cleanup() {
  bash scripts/stop-docker.sh || true
  bash scripts/stop-mariadb.sh || true
  bash scripts/stop-moto.sh || true
}
trap cleanup EXIT

# curl for the emulator's smoke script (a stranger's client), and zsh for the zsh completion test
# (FmtAndCompletionTest drives a real zsh), on a machine that lacks them.
MISSING=()
command -v curl >/dev/null 2>&1 || MISSING+=(curl)
command -v zsh >/dev/null 2>&1 || MISSING+=(zsh)
if [ "${#MISSING[@]}" -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${MISSING[@]}" >/dev/null
fi

# The real Docker Engine for the Docker provider's tests.
# shellcheck disable=SC1091
source scripts/start-docker.sh
export MCP_IAC_REQUIRE_DOCKER=1

# A real MariaDB 10.11 (Debian's packages, unpacked; no service) for the MySQL provider's tests.
# shellcheck disable=SC1091
source scripts/start-mariadb.sh
export MCP_IAC_REQUIRE_MYSQL=1

# Debian's Chromium and chromedriver for the web UI's browser tests (ui module)
# shellcheck disable=SC1091
source scripts/start-browser.sh

# Moto (AWS) for the AWS provider's tests: installed from Debian trixie's packages, on a free port.
# shellcheck disable=SC1091
source scripts/start-moto.sh
export MCP_IAC_REQUIRE_MOTO=1

# Build, every Java test (engine, emulator, providers, MCP servers, crash tests), the emulator's
# curl smoke script, google-java-format check and the JaCoCo report.
./mvnw -B -ntp verify

# The sandbox firewall as a stranger's client sees it: plain curl against `mcp-iac
# opnsense-emulator` from the fat jar, in both version profiles.
for version in 26.1 26.7; do
  EMULATOR_VERSION=$version EMULATOR_CMD="java -jar cli/target/mcp-iac.jar opnsense-emulator" \
    bash opnsense-emulator/src/test/curl/smoke.sh
done

# Real third-party MCP clients from npm (the SDK's Client and the MCP Inspector CLI).
bash mcp/src/test/node/run.sh cli/target/mcp-iac.jar

# The web UI in Firefox ESR (Debian's), driven over WebDriver BiDi: UiBrowserTest covers Chromium.
bash ui/src/test/firefox/run.sh cli/target/mcp-iac.jar
