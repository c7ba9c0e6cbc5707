#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this and nothing else).
# Needs only a JDK 17 and, for the Docker tests, root to install Debian's docker.io: every other
# engine (SQLite, embedded PostgreSQL, the OPNsense emulator, npm's MCP clients) comes with the
# build or is installed here.
set -euo pipefail
cd "$(dirname "$0")/.."

cleanup() {
  if [ -f scripts/stop-docker.sh ]; then bash scripts/stop-docker.sh || true; fi
}
trap cleanup EXIT

# The real Docker Engine for the Docker provider's tests.
if [ -f scripts/start-docker.sh ]; then
  # shellcheck disable=SC1091
  source scripts/start-docker.sh
  export MCP_IAC_REQUIRE_DOCKER=1
fi

# Build, every Java test (engine, emulator, providers, MCP servers, crash tests), the emulator's
# curl smoke script, google-java-format check and the JaCoCo report.
./mvnw -B -ntp verify

# Real third-party MCP clients from npm (the SDK's Client and the MCP Inspector CLI).
if [ -f mcp/src/test/node/run.sh ]; then
  bash mcp/src/test/node/run.sh cli/target/mcp-iac.jar
fi
