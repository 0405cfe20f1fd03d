#!/bin/sh
# make_pdf.sh DIR: rebuilds DIR/input.pdf and DIR/gold.yaml with round 4's script (tests/extract/samples/heldout4_make_pdf.sh) (headless Chromium, then
# gold.yaml derived from DIR/source.gold.yaml; edit that one), and points the derived gold's `origin` at
# this round. Needs /usr/bin/chromium with CJK fonts and python3 with PyYAML, as round 4's script does.
set -eu
"$(dirname "$0")/../samples/heldout4_make_pdf.sh" "$1"
sed -i "s|^origin: samples/|origin: heldout11/|" "$1/gold.yaml"
