"""`hulifa` (the installed script) and `python -m hulifa`: the command line, started with the cycle
collector out of the way.

Start-up makes some 20,000 objects that live as long as the process: modules, classes, typer's app,
and for `check` the rule pack and the modules its run imports. The cycle collector finds no garbage
among them, yet walked them in every collection while they were made, again in every later one, and
once more at exit. So the collector is paused from here until start-up is over, and what start-up
made is then frozen (gc.freeze: kept where no collection looks) before it runs again: for `check`,
just before its first report (hulifa.cli.started); for any other command, once the CLI is imported.
Callgrind, `hulifa check one.yaml`: pausing over the CLI's import took 547 -> 507 million
instructions, pausing on to the first report ~3% more (513 -> 498 million). The script also reads
the regular expressions earlier runs compiled from the user's cache (hulifa.patterncache). Only the
command does this: `import hulifa` or `hulifa.cli` in a program changes nothing.
"""

import gc
import sys


def main() -> None:
    gc.disable()
    from hulifa import patterncache

    # before the imports that compile patterns (PyYAML's, typer's stdlib, hulifa's): the command's own
    patterncache.load(sys.argv[1:])
    from hulifa.cli import main as run

    try:
        run(collector_paused=True)
    finally:  # the command has ended (it always ends by SystemExit) and written its output
        patterncache.save()


if __name__ == "__main__":
    main()
