"""`python -m hulifa.cli`: the same as the `hulifa` command."""

from hulifa.cli import main

main()
