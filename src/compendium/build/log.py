"""What the build says, and the time it spent per phase (returned by the build, not kept in a global)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

_print_lock = threading.Lock()  # a line from one thread is never cut by another's


def say(msg: str) -> None:
    with _print_lock:
        print(msg, flush=True)


@dataclass
class Timings:
    """Seconds spent per phase in one build (execute and export summed over the workers)."""

    process: float = 0.0
    execute: float = 0.0
    export: float = 0.0

    def summary(self, reports: int, letters: int, seconds: float, workers: int) -> str:
        return (f"built {reports} report(s) for {letters} letter(s) in {seconds:.1f} s "
                f"(processing {self.process:.1f} s; notebooks {self.execute:.1f} s executing and "
                f"{self.export:.1f} s exporting, summed over {workers} workers)")
