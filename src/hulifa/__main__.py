"""`hulifa` (the installed script) and `python -m hulifa`: the command line, started with the cycle
collector out of the way.

Start-up makes some 20,000 objects that live as long as the process: modules, classes, typer's app.
The cycle collector finds no garbage among them, yet walked them in every collection while they were
made, again in every later one, and once more at exit: 7% of the instructions of a cold
`hulifa check one.yaml` (callgrind: 547 -> 507 million). So it is paused while hulifa.cli is
imported, and what the import made is frozen (gc.freeze: kept where no collection looks) before it
runs again. Only the command does this: `import hulifa` or `hulifa.cli` in a program changes nothing.
"""

import gc


def main() -> None:
    gc.disable()
    try:
        from hulifa.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()


if __name__ == "__main__":
    main()
