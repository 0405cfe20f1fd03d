#!/bin/sh
# Rebuilds input.pdf here from source.html with headless Chromium (CJK fonts: bash .ci/install-chromium.sh).
set -eu
cd "$(dirname "$0")"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=input.pdf source.html 2>/dev/null
