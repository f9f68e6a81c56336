"""`python -m compendium` and the `compendium` command.

Ctrl-C in the first milliseconds, while the command line's modules are still being
imported, ends the command with the same one line as later (cli.main takes over)."""

import os
import signal
import sys


def _interrupted_at_start(signum, frame):
    os.write(2, b"compendium: interrupted; finished outputs are in place, nothing half-written\n")
    os._exit(130)


def entry() -> None:
    signal.signal(signal.SIGINT, _interrupted_at_start)
    from .cli import main

    sys.exit(main())


if __name__ == "__main__":
    entry()
