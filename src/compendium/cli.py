"""Command line: `compendium process|process-all|add|remove|build|verify`.

Errors of the project's own become one line on stderr and exit code 2;
`--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from pathlib import Path

from .errors import CompendiumError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="compendium", description=__doc__.splitlines()[0])
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", required=True)

    pr = sub.add_parser("process", help="process one raw letter into data/processed/<letter id>/")
    pr.add_argument("raw", type=Path, help="the raw letter (text file)")
    pr.add_argument("--out", type=Path, help="output folder (default: data/processed/<letter id>/)")
    pr.add_argument("--id", dest="letter_id", help="letter id (default: the file name without .txt)")
    pr.add_argument("--codebook", type=Path, help="organization codebook CSV (default: data/raw/codebook.csv)")
    pr.add_argument("--context", type=Path, help="context events CSV (default: data/raw/context_events.csv)")
    pr.add_argument("--corrections", type=Path,
                    help="an analyst's corrections CSV (default for a registered letter: data/raw/corrections/<id>.csv)")
    pr.add_argument("--explain", action="store_true",
                    help="print what was understood, line by line, and write nothing")

    ck = sub.add_parser("check", help="print what was understood of a letter (same as process --explain)")
    ck.add_argument("raw", type=Path, help="the raw letter (text file)")
    ck.add_argument("--id", dest="letter_id", help="letter id")
    ck.add_argument("--corrections", type=Path, help="an analyst's corrections CSV")

    sub.add_parser("process-all", help="verify checksums and process every registered letter")

    ad = sub.add_parser("add", help="register a new letter: copy into data/raw/letters, update the manifest")
    ad.add_argument("path", type=Path)
    ad.add_argument("--id", dest="letter_id", help="letter id (default: the file name without .txt)")
    ad.add_argument("--corrections", type=Path, help="register this corrections CSV with the letter")

    rm = sub.add_parser("remove", help="unregister a letter: move it to data/removed, update the manifest; "
                                       "the next build drops its outputs")
    rm.add_argument("letter_id", metavar="ID")

    bd = sub.add_parser("build", help="process every letter and build the HTML reports (incremental)")
    bd.add_argument("--jobs", type=int, default=None,
                    help="notebooks run at once (default: cores; never more than the cores, or than memory for "
                         "one ~170 MiB kernel each)")
    bd.add_argument("--force", action="store_true", help="rebuild everything")
    bd.add_argument("--notebook-time-limit", type=float, default=None, metavar="SECONDS",
                    help="stop the build if a notebook runs longer (default: $COMPENDIUM_NOTEBOOK_TIME_LIMIT or 600)")

    sub.add_parser("verify", help="rebuild into a temporary folder and compare with what is committed")
    return p


def main(argv: list[str] | None = None) -> int:
    # The start-up handler (compendium.__main__) hands Ctrl-C over to the handling below.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for stream in (sys.stdout, sys.stderr):  # a terminal or PYTHONIOENCODING that cannot show a character
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)
    try:
        args = _parser().parse_args(argv)
        _run(args)
        sys.stdout.flush()  # a full disk or closed pipe on stdout is an error of this command, said here
    except CompendiumError as exc:
        if debug:
            raise
        return _error(str(exc))
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except OSError as exc:
        if debug:
            raise
        if _interrupted(exc):
            print(INTERRUPTED, file=sys.stderr)
            return 130
        # An error of the system's (a read-only folder, a full disk, a name too long, a loop of links):
        # one line naming the file, or the standard output when that is what cannot be written.
        if isinstance(exc, _StdoutError):
            _silence_stdout(stdout)
        if exc.filename is not None:
            return _error(f"{exc.filename}: {exc.strerror or exc}")
        return _error(f"{exc.strerror or exc} ({type(exc).__name__}; --debug shows where)")
    except RuntimeError as exc:  # pathlib (Python < 3.13) reports a loop of symbolic links so
        if debug or not str(exc).startswith("Symlink loop"):
            raise
        return _error(f"{str(exc).removeprefix('Symlink loop from ').strip(chr(39))}: a loop of symbolic links")
    except Exception as exc:
        # Ctrl-C or SIGTERM during an import may come back wrapped (numpy turns it into an ImportError).
        if _interrupted(exc) and not debug:
            print(INTERRUPTED, file=sys.stderr)
            return 130
        raise
    finally:
        sys.stdout = stdout
    return 0


class _StdoutError(OSError):
    """Writing the standard output failed (a full disk, /dev/full, a closed pipe)."""


class _Stdout:
    """The standard output, its write errors told apart from those of files."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise _StdoutError(exc.errno, exc.strerror, "standard output") from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise _StdoutError(exc.errno, exc.strerror, "standard output") from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _error(line: str) -> int:
    try:
        print(f"compendium: error: {line}", file=sys.stderr, flush=True)
    except OSError:
        pass
    return 2


def _silence_stdout(stream) -> None:
    """Point the standard output at /dev/null: what is still buffered for it would fail again at exit."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, stream.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


def _run(args) -> None:
    if args.command == "process":
        from .process import process

        from .rawdata import letter_id_for

        if args.explain:
            from .explain import explain

            print(explain(args.raw, args.letter_id, args.corrections), end="")
            return
        from .registry import journal_path

        if journal_path().exists():  # an add or remove was interrupted: finish or undo it first
            with _project_lock():
                pass
        out = process(args.raw, args.out, args.letter_id, args.codebook, args.context,
                      corrections=args.corrections)
        derived = letter_id_for(args.raw, args.letter_id)
        if args.letter_id is None and derived != args.raw.stem:
            print(f"letter id {derived!r} (derived from the file name {args.raw.name!r}; --id sets another)")
        print(f"wrote {out}")
    elif args.command == "process-all":
        from .build import process_all

        with _project_lock():
            process_all(verbose=True)
    elif args.command == "add":
        from .register import add

        print(f"added {add(args.path, args.letter_id, args.corrections)}")
    elif args.command == "check":
        from .explain import explain

        print(explain(args.raw, args.letter_id, args.corrections), end="")
    elif args.command == "remove":
        from .registry import remove

        with _project_lock():
            moved = remove(args.letter_id)
        print(f"removed {args.letter_id} from the manifest; its file is now {moved}; "
              "the next `make reports` drops its processed data and reports")
    elif args.command == "build":
        from .build import build

        build(jobs=args.jobs, force=args.force, time_limit=args.notebook_time_limit)
    elif args.command == "verify":
        from .build import verify

        verify()


INTERRUPTED = "compendium: interrupted; finished outputs are in place, nothing half-written"


@contextlib.contextmanager
def _project_lock():
    """The project lock for a command that writes the manifest or data/processed, and the
    recovery of an add or remove that was interrupted (compendium.registry)."""
    from .lock import exclusive
    from .registry import recover

    with exclusive():
        recover()
        yield


def _interrupted(exc: BaseException) -> bool:
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
