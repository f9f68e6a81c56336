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

import signal
import sys
import threading
import time

from .. import assets, atomic, paths, rawdata, registry, storemanifest
from ..errors import BuildError, CompendiumError, InputError
from ..outputs import refuse_links
from .index import write_index
from .jobs import Plan, index_key
from .kernel import remove_stale_runtime_dirs
from .kernel import time_limit as kernel_time_limit
from .lock import BuildLock, exclusive
from .log import Timings, say
from .pool import Pool, available_mib, cores, worker_count
from .processing import process_all
from .staleness import Stamps
from .unregistered import drop_unregistered, warn_unregistered_raw


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


def build(jobs: int | None = None, force: bool = False, time_limit: float | None = None) -> Timings:
    """Build what is stale (everything with `force`), each notebook within `time_limit` seconds
    (kernel.time_limit); the seconds spent per phase."""
    limit = kernel_time_limit(time_limit)
    if jobs is not None and jobs < 1:  # 0 or less used to mean "one per core" or "one" without a word
        raise InputError("--jobs", f"{jobs} is not a number of notebooks at once (1 or more)")
    with exclusive() as lock:
        return _build(lock, jobs, force, limit)


def _build(lock: BuildLock, jobs: int | None, force: bool, limit: float) -> Timings:
    t0 = time.perf_counter()
    _terminate_as_interrupt()
    registry.recover()  # an add or remove killed half-way is finished or undone first
    # The build replaces and deletes in these folders: a link there would lead it outside the project.
    refuse_links(paths.processed_dir(), paths.reports_dir(), paths.reports_dir() / assets.FOLDER)
    stamps = Stamps()
    try:
        return _run(lock, jobs, force, limit, stamps, t0)
    finally:
        stamps.close()  # the stamps not yet written, and the stat cache


def _run(lock: BuildLock, jobs: int | None, force: bool, limit: float, stamps: Stamps, t0: float) -> Timings:
    # Every raw letter checked against the manifest, once per build; read and hashed again
    # only when its stat changed since it was last checked (compendium.hashcache).
    checked = stamps.files.cache
    letters = rawdata.verify_all(lambda path, compute: checked.value(f"checked {path}", [path], compute))
    warn_unregistered_raw(letters)
    # A build killed earlier may have left temporary files or a folder set aside, where the build
    # writes (never in a folder of data/processed that is not a registered letter's).
    for folder in (paths.processed_dir(), paths.reports_dir(), paths.reports_dir() / assets.FOLDER,
                   *(paths.reports_dir() / lid for lid, _ in letters)):
        atomic.remove_leftovers(folder)
    for letter_id, _ in letters:
        atomic.recover(paths.processed_dir() / letter_id)
    if not letters:
        raise CompendiumError(f"no letters registered in {paths.manifest_path()} (use `compendium add`)")
    dropped = drop_unregistered([lid for lid, _ in letters], stamps)
    plan = Plan(letters, stamps, force)
    ids = [lid for lid, _ in letters]
    # The index page and the style sheet are stamped like the reports: emptied by hand, they are rebuilt.
    index, css = paths.reports_dir() / "index.html", paths.reports_dir() / assets.FOLDER / assets.NAME
    if not plan.stale_letters and not plan.todo and not dropped and not force \
            and stamps.fresh(index, index_key(ids, plan.names, plan.code, stamps.files)) and stamps.fresh(css, plan.code) \
            and storemanifest.holds(paths.processed_dir(), ids):
        say(f"reports are up to date ({len(letters)} letters, {len(plan.planned)} reports; "
            f"{time.perf_counter() - t0:.2f} s)")
        return Timings()

    n_workers, capped = worker_count(jobs, len(plan.todo) if plan.names else 0, cores(), available_mib())
    if capped:
        say(capped)
    remove_stale_runtime_dirs()
    # Workers (and their kernels) start first, before this process imports
    # anything heavy: their start-up overlaps with the processing below.
    pool = Pool(paths.root(), lock, n_workers, limit)
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
        try:
            write_index(ids, plan.names)
        except OSError:
            if not failures:
                raise
        else:
            stamps.record(index, index_key(ids, plan.names, plan.code, stamps.files))
            stamps.record(css, plan.code)
        progress.close()
        if failures:  # the first report that failed says why (a read-only reports/ fails the index too)
            raise BuildError(failures[0])
        say(timings.summary(len(pool.sent), len(letters), time.perf_counter() - t0, n_workers))
        return timings
    finally:
        progress.close()
        pool.stop()
