"""What a build says while it runs.

On a terminal: one progress bar (tqdm) — reports done of those to build, elapsed
time, estimated time left, and the current phase (processing letters, then the
report just finished); warnings are printed above it. Not on a terminal (CI,
logs, a pipe): plain lines, one per event, as before. The summary at the end is
printed either way.
"""

from __future__ import annotations

import os
import sys
import threading

_lock = threading.Lock()


class Progress:
    def __init__(self, total: int, stream=None, tty: bool | None = None) -> None:
        self.stream = stream or sys.stdout
        if tty is None:
            tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.bar = None
        if tty and total:
            from tqdm import tqdm

            try:  # a pseudo-terminal may report 0 columns: then a fixed width
                width = os.get_terminal_size(self.stream.fileno()).columns
            except (OSError, ValueError, AttributeError):
                width = 0
            self.bar = tqdm(total=total, file=self.stream, unit="report", mininterval=0.2,
                            dynamic_ncols=width > 0, ncols=None if width > 0 else 100,
                            desc="processing letters",
                            bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} reports "
                                       "[{elapsed} elapsed, {remaining} left]{postfix}")

    @property
    def tty(self) -> bool:
        return self.bar is not None

    def line(self, msg: str) -> None:
        """A line that matters on a terminal too (a warning, the summary)."""
        with _lock:
            if self.bar is not None:
                self.bar.write(msg, file=self.stream)
            else:
                print(msg, file=self.stream, flush=True)

    def detail(self, msg: str) -> None:
        """A line shown only when there is no bar (the bar shows the same)."""
        if self.bar is None:
            self.line(msg)

    def phase(self, text: str) -> None:
        if self.bar is not None:
            with _lock:
                self.bar.set_description_str(text, refresh=True)

    def letter(self, done: int, total: int, letter_id: str) -> None:
        self.phase(f"processing letters {done}/{total}")

    def report(self, label: str) -> None:
        if self.bar is not None:
            with _lock:
                if self.bar.desc.startswith("processing"):
                    self.bar.set_description_str("reports", refresh=False)
                self.bar.set_postfix_str(label, refresh=False)
                self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            with _lock:
                self.bar.close()
            self.bar = None
