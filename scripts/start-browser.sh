#!/usr/bin/env bash
# Debian's Chromium and its WebDriver for the web UI's browser tests (ui module). Idempotent and
# quick when both are already there; sourced by test-all.sh. Selenium is told never to download a
# browser or a driver (SE_OFFLINE) and is pointed at Debian's driver.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    chromium chromium-driver >/dev/null
fi
export SE_OFFLINE=true
export MCP_IAC_CHROMEDRIVER="${MCP_IAC_CHROMEDRIVER:-$(command -v chromedriver)}"
export MCP_IAC_CHROMIUM="${MCP_IAC_CHROMIUM:-$(command -v chromium)}"
export MCP_IAC_REQUIRE_BROWSER=1
