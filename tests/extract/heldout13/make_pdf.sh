#!/bin/sh
# make_pdf.sh DIR: runs round 4's script (../samples/heldout4_make_pdf.sh) on DIR, which prints DIR/source.html to
# DIR/input.pdf and derives DIR/gold.yaml from DIR/source.gold.yaml, then points the derived gold's origin at this
# round's folder (heldout13/<name>/source.gold.yaml instead of samples/<name>/…).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$(cd "$1" && pwd)
name=$(basename "$dir")
sh "$here/../samples/heldout4_make_pdf.sh" "$dir"
sed -i "s#^origin: samples/$name/source.gold.yaml\$#origin: heldout13/$name/source.gold.yaml#" "$dir/gold.yaml"
