"""The build's side of the workers: fork them (before anything heavy is imported), queue
jobs, gather their results in order, stop them."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from ..errors import BuildError
from .jobs import Job
from .lock import BuildLock
from .log import Timings
from .staleness import Stamps
from .worker import worker


KERNEL_MIB = 170  # what one worker and its kernel take at most in a build (README, "Performance")


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def available_mib() -> int | None:
    """Memory available to new processes (MemAvailable, Linux), in MiB; None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def worker_count(requested: int | None, reports: int, n_cores: int, memory_mib: int | None) -> tuple[int, str]:
    """How many workers to fork: what was asked (default: one per core), never more than the
    cores, the memory for one kernel each, or the reports to build; and why, if fewer than asked."""
    if reports <= 0:
        return 0, ""
    by_memory = max(1, memory_mib // KERNEL_MIB) if memory_mib is not None else reports
    n = max(1, min(requested or n_cores, n_cores, by_memory, reports))
    if requested and n < min(requested, reports):
        memory = f"{memory_mib} MiB of memory available" if memory_mib is not None else "memory unknown"
        return n, (f"--jobs {requested}: {n} worker(s) ({n_cores} cores, {memory}, about {KERNEL_MIB} MiB a "
                   "report's kernel)")
    return n, ""


class Pool:
    def __init__(self, root: Path, lock: BuildLock, n_workers: int, limit: float) -> None:
        ctx = multiprocessing.get_context("fork")
        self.queue, self.results, self.stop_event = ctx.Queue(), ctx.Queue(), ctx.Event()
        self.sent: dict[str, tuple[Job, str]] = {}  # label → (job, its key), to stamp when done
        self.workers = [ctx.Process(target=worker, args=(root, lock.fd, lock.pid, self.queue, self.results,
                                                         self.stop_event, limit), daemon=True)
                        for _ in range(n_workers)]
        for w in self.workers:
            w.start()

    def __bool__(self) -> bool:
        return bool(self.workers)

    def send(self, jobs: list[tuple[Job, str]]) -> None:
        """Queue (job, key) pairs as one batch: the reports of one letter go to one worker,
        whose kernel then reads and checks the letter's tables once (report.load)."""
        for job, key in jobs:
            self.sent[job.label] = (job, key)
        if jobs:
            self.queue.put([job for job, _ in jobs])

    def gather(self, progress, stamps: Stamps, timings: Timings) -> list[str]:
        """Tell the workers no more jobs come, then take their results until every job sent is done
        or one failed; each finished report is stamped, its phases added to `timings`. The failures."""
        for _ in self.workers:
            self.queue.put(None)
        failures: list[str] = []
        pending = len(self.sent)
        while pending:
            try:
                status, job, *rest = self.results.get(timeout=0.5)
            except Exception:  # queue.Empty: check that the workers are still alive
                if all(not w.is_alive() for w in self.workers):
                    raise BuildError("the report workers stopped before finishing their reports") from None
                continue
            if status == "say":  # a worker's [start]/[done] lines are the bar's on a terminal; warnings are not
                (progress.line if rest[0].startswith("[warning]") else progress.detail)(rest[0])
                continue
            pending -= 1
            if status == "done":
                progress.report(job.label)
                stamps.record(job.html, self.sent[job.label][1])
                timings.execute += rest[0]
                timings.export += rest[1]
            else:
                failures.append(rest[0])
                break
        for w in self.workers:
            w.join(timeout=60)
        return failures

    def stop(self, grace: float = 30) -> None:
        """Stop the workers: SIGTERM ends a worker's current job and shuts its kernel down; a worker
        still alive after `grace` seconds is killed. A SIGTERM that lands while a worker imports can be
        swallowed by the import (numpy wraps KeyboardInterrupt), leaving the worker waiting for jobs:
        multiprocessing would then join it at exit for ever (a build that never ended)."""
        self.stop_event.set()
        for w in self.workers:
            if w.is_alive():
                w.terminate()
        for w in self.workers:
            w.join(timeout=grace)
            if w.is_alive():
                w.kill()
                w.join(timeout=5)
