#!/bin/sh
# Rebuilds input.pdf and gold.yaml here; see ../make_pdf.sh.
exec "$(dirname "$0")/../make_pdf.sh" "$(dirname "$0")"
