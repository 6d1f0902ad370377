#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (pytest -m browser tests/browser).
# The tests drive it with Playwright from PyPI; `playwright install` is never used (it downloads
# a browser build from a CDN). Idempotent: does nothing when chromium is already there.
# Skips (exit 0, saying why) when not root or without apt-get; the browser tests then skip
# too, except under CI=true, where they fail and point here.
set -euo pipefail

for exe in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$exe" ]; then
        echo "install-browser: $exe is already installed ($("$exe" --version 2>/dev/null || true))"
        exit 0
    fi
done
if [ "$(id -u)" != "0" ]; then
    echo "install-browser: skipped, not root (run: sudo apt-get install -y chromium)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: skipped, no apt-get (install chromium with your package manager," \
         "or set NEWSLAB_CHROMIUM to a Chromium/Chrome executable)"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
echo "install-browser: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
