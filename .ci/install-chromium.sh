#!/bin/sh
# Install headless Chromium and CJK fonts for tests/reporters/test_html_browser.py.
# Idempotent: does nothing (exit 0) when chromium and the Noto CJK fonts are already present.
# Called by .ci/run before the test suite; needs root (or sudo) on a Debian/Ubuntu image.
set -eu

have_fonts() {
    if command -v dpkg-query >/dev/null 2>&1 &&
        dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed"; then
        return 0
    fi
    command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"
}

if command -v chromium >/dev/null 2>&1 && have_fonts; then
    echo "install-chromium: $(command -v chromium) and Noto CJK fonts already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-chromium: chromium is missing and this is not root (no sudo)" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk

command -v chromium >/dev/null 2>&1 || { echo "install-chromium: chromium still not on PATH" >&2; exit 1; }
echo "install-chromium: installed $(chromium --version 2>/dev/null || echo chromium)"
