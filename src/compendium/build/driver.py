"""`make reports`: process every registered letter and build its HTML reports.

1. Decide what is stale from content hashes alone (jobs.Plan; nothing heavy imported).
2. Fork one worker per core before anything heavy is imported (pool.Pool); each
   starts its kernel at once and runs notebook after notebook on it (worker, kernel).
3. Meanwhile this process processes the letters (processing), queueing each letter's
   reports as soon as the letter is processed, and stamps each finished report.
4. Each report is exported to HTML with code folded and moved into place atomically
   (export). A failing notebook keeps its executed copy under build/executed/ and
   leaves the previous report in place.

The build lock (lock.BuildLock) and the phase timings (log.Timings) are values passed
down and returned, not module state.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

from .. import atomic, paths, rawdata, storemanifest
from ..errors import BuildError, CompendiumError
from .index import write_index
from .jobs import Plan
from .kernel import remove_stale_runtime_dirs
from .lock import BuildLock, exclusive
from .log import Timings, say
from .pool import Pool
from .processing import process_all
from .staleness import Stamps
from .unregistered import drop_unregistered


_INTERRUPTED = threading.Event()


def _terminate_as_interrupt() -> None:
    """SIGTERM stops a build like Ctrl-C: kernels shut down, finished outputs stay. Either signal
    is also remembered: a KeyboardInterrupt raised while the garbage collector runs an object's
    __del__ is printed and dropped by Python, so the build checks the flag between phases."""
    if threading.current_thread() is threading.main_thread():
        _INTERRUPTED.clear()

        def handler(signum, frame):
            _INTERRUPTED.set()
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)

        def unraisable(info) -> None:  # that dropped KeyboardInterrupt: the build says it once, itself
            if not isinstance(info.exc_value, KeyboardInterrupt):
                sys.__unraisablehook__(info)
        sys.unraisablehook = unraisable


def build(jobs: int | None = None, force: bool = False) -> Timings:
    """Build what is stale (everything with `force`); the seconds spent per phase."""
    with exclusive() as lock:
        return _build(lock, jobs, force)


def _build(lock: BuildLock, jobs: int | None, force: bool) -> Timings:
    t0 = time.perf_counter()
    _terminate_as_interrupt()
    # A build killed earlier may have left temporary files or a folder set aside.
    for folder in (paths.processed_dir(), paths.reports_dir()):
        atomic.remove_leftovers(folder)
    stamps = Stamps()
    letters = rawdata.verify_all()  # every raw letter hashed here, once per build
    for letter_id, _ in letters:
        atomic.recover(paths.processed_dir() / letter_id)
    if not letters:
        raise CompendiumError(f"no letters registered in {paths.manifest_path()} (use `compendium add`)")
    dropped = drop_unregistered([lid for lid, _ in letters], stamps)
    plan = Plan(letters, stamps, force)
    if not plan.stale_letters and not plan.todo and not dropped and (paths.reports_dir() / "index.html").exists() \
            and (paths.reports_dir() / "assets" / "report.css").exists() \
            and storemanifest.holds(paths.processed_dir(), [lid for lid, _ in letters]):
        say(f"reports are up to date ({len(letters)} letters, {len(plan.planned)} reports; "
            f"{time.perf_counter() - t0:.2f} s)")
        return Timings()

    n_workers = min(max(1, jobs or os.cpu_count() or 1), len(plan.todo)) if plan.names else 0
    remove_stale_runtime_dirs()
    # Workers (and their kernels) start first, before this process imports
    # anything heavy: their start-up overlaps with the processing below.
    pool = Pool(paths.root(), lock, n_workers)
    timings = Timings()
    from ..progress import Progress

    # One bar on a terminal (reports done of those to build, time left, phase); plain lines otherwise.
    progress = Progress(len(plan.todo) if plan.names else 0)
    try:
        t_process = time.perf_counter()
        n_processed = 0

        def on_letter(letter_id: str) -> None:
            nonlocal n_processed
            n_processed += 1
            progress.letter(n_processed, len(letters), letter_id)
            if pool:  # a letter's reports are queued as soon as the letter is processed
                pool.send(list(plan.ready(letter_id)))

        process_all(verbose=True, stamps=stamps, force=force, on_letter=on_letter, progress=progress,
                    letters=letters, keys=plan.letter_keys)
        if _INTERRUPTED.is_set():  # a signal whose KeyboardInterrupt Python dropped (see above)
            raise KeyboardInterrupt
        timings.process = time.perf_counter() - t_process
        if not plan.names:
            say("no report notebooks exist yet (notebooks/*.ipynb); processed data is up to date")
            return timings
        if pool:  # the corpus report, once every letter is processed
            pool.send(list(plan.ready("")))
        failures = pool.gather(progress, stamps, timings)
        write_index([lid for lid, _ in letters], plan.names)
        progress.close()
        if failures:
            raise BuildError(failures[0])
        say(timings.summary(len(pool.sent), len(letters), time.perf_counter() - t0, n_workers))
        return timings
    finally:
        progress.close()
        pool.stop()
