#!/bin/sh
# Rebuilds input.pdf and gold.yaml here from source.html and source.gold.yaml; see ../make_pdf.sh.
exec sh "$(dirname "$0")/../make_pdf.sh" "$(dirname "$0")"
