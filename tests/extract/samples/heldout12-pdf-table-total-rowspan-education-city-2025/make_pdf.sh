#!/bin/sh
# Rebuilds input.pdf and gold.yaml here; see ../heldout4_make_pdf.sh.
exec "$(dirname "$0")/../heldout4_make_pdf.sh" "$(dirname "$0")"
