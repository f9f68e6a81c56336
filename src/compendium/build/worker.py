"""A worker process: one kernel, reused for job after job, and its own papermill and
nbconvert, so notebook execution overhead and HTML export run on every core instead
of queueing behind one driver. Forked by the build (compendium.build.pool)."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

from ..errors import BuildError
from . import export, kernel
from .jobs import Job
from .log import say


def die_with_parent(build_pid: int) -> None:
    """Linux: a worker is killed when the build process (`build_pid`) dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if build_pid and os.getppid() != build_pid:  # the build died before the line above took effect
        os._exit(0)


def run(job: Job, km, kc, root: Path, exporter, say=say, limit: float = kernel.TIME_LIMIT) -> tuple[float, float]:
    """Execute one notebook (at most `limit` seconds) and write its HTML report; (seconds
    executing, seconds exporting)."""
    t = time.perf_counter()
    say(f"[start] {job.label}")
    nb = kernel.execute(job, km, kc, root, limit)
    t_exec = time.perf_counter() - t
    for text in export.stable(nb):
        say(f"[warning] {job.label}: " + " ".join(text.split())[:300])
    export.write_html(job, nb, root, exporter)
    dt_ = time.perf_counter() - t
    say(f"[done {dt_:.1f} s] {job.label} → {job.html.relative_to(root)}")
    return t_exec, dt_ - t_exec


def worker(root: Path, lock_fd: int, build_pid: int, todo, results, stop, limit: float = kernel.TIME_LIMIT) -> None:
    """The worker's entry point. `lock_fd` is the build lock's descriptor, inherited by the
    fork and closed here; `build_pid` the build process, holding the lock.

    An interruption ends a worker quietly: Ctrl-C (which reaches the whole
    process group) is the build process's to report, once; the build process
    then stops its workers with SIGTERM, which ends the current job, and any
    further signal is ignored while the kernel shuts down."""
    try:
        die_with_parent(build_pid)
        os.close(lock_fd)  # the build lock belongs to the build process alone
        signal.signal(signal.SIGINT, signal.SIG_IGN)

        def terminate(signum, frame):
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, terminate)
        _work(root, todo, results, stop, limit)
    except KeyboardInterrupt:
        pass


def _next_batch(todo, stop, every: float = 0.5):
    """The next batch of jobs, or None once the build says stop: a worker never waits on an
    empty queue after the build has stopped (the build's SIGTERM may have been lost)."""
    import queue

    while not stop.is_set():
        try:
            return todo.get(timeout=every)
        except queue.Empty:
            continue
    return None


def _work(root: Path, todo, results, stop, limit: float) -> None:
    runtime = kernel.runtime_dir()
    km = kernel.kernel_manager(runtime)
    kc = None
    try:
        kernel.start(root, km)  # starts while this process imports
        if not os.environ.get("COMPENDIUM_NO_FASTIMPORT"):  # off only to test it changes nothing
            from .. import fastimport

            fastimport.install()
        import nbconvert  # noqa: F401
        import papermill  # noqa: F401

        exporter = export.exporter()
        try:
            kc = kernel.client(km)
        except Exception as exc:  # a kernel that never answers: the build stops with a message
            results.put(("failed", None, f"a report worker's kernel did not start: {type(exc).__name__}: {exc}"))
            stop.set()
            return
        used = False
        while True:
            batch = _next_batch(todo, stop)  # the reports of one letter, run here one after the other
            if batch is None or stop.is_set():
                return
            for job in batch:
                if stop.is_set():
                    return
                try:
                    if used:
                        kernel.reset(kc)

                    def progress(msg: str, job=job) -> None:  # the build process prints, in order
                        results.put(("say", job, msg))

                    results.put(("done", job, *run(job, km, kc, root, exporter, progress, limit)))
                except BuildError as exc:
                    results.put(("failed", job, str(exc)))
                    stop.set()
                except OSError as exc:  # a read-only reports/ or build/, a full disk: the file and the problem
                    results.put(("failed", job, f"{job.label}: {exc.filename or ''}: {exc.strerror or exc}"))
                    stop.set()
                except Exception as exc:  # an unexpected error still ends the build with a message
                    results.put(("failed", job, f"{job.label}: {type(exc).__name__}: {exc}"))
                    stop.set()
                used = True
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        kernel.stop(km, kc)
        shutil.rmtree(runtime, ignore_errors=True)
