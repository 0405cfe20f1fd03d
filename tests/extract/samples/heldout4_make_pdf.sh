#!/bin/sh
# heldout4_make_pdf.sh DIR: rebuilds DIR/input.pdf from DIR/source.html with headless Chromium, then derives
# DIR/gold.yaml from DIR/source.gold.yaml (the gold of source.html; edit that one, not gold.yaml).
# Each PDF folder has a make_pdf.sh that calls this one. Needs /usr/bin/chromium with CJK fonts
# (bash .ci/install-chromium.sh) and python3 with PyYAML.
set -eu
cd "$1"
name=$(basename "$(pwd)")
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf=input.pdf source.html 2>/dev/null
python3 - "$name" <<'PY'
import sys
name = sys.argv[1]
src = open("source.gold.yaml", encoding="utf-8").read().split("\n")
out = ["# Gold for input.pdf, derived by make_pdf.sh from source.gold.yaml (edit that gold, not this)."]
for line in src:
    if line == "source: source.html":
        out.append("source: input.pdf")
    elif line == "encoding: utf-8":
        out += ["encoding: pdf", f"origin: samples/{name}/source.gold.yaml"]
    else:
        out.append(line)
open("gold.yaml", "w", encoding="utf-8").write("\n".join(out))
PY
