#!/usr/bin/env bash
# Install the headless browser the report tests use: Debian's chromium + chromium-driver.
# Idempotent: does nothing when both are already there. Never downloads a browser from
# anywhere but the distribution's package archive (no Selenium Manager, no Playwright CDN).
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if { have chromium || have chromium-browser; } && have chromedriver; then
  echo "install-browser: chromium and chromedriver already installed ($(command -v chromium || command -v chromium-browser), $(command -v chromedriver))"
  exit 0
fi

if ! have apt-get; then
  echo "install-browser: apt-get not available; install chromium and chromedriver with your package manager" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if have sudo; then SUDO="sudo"; else
    echo "install-browser: need root (or sudo) to run apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
echo "install-browser: installed $(chromium --version 2>/dev/null || echo chromium)"
