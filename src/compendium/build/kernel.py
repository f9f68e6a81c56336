"""One Jupyter kernel per worker: start, reset between notebooks, run a notebook with
papermill (its `cwd=` is never used: it changes the whole process's directory), stop."""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from ..errors import BuildError, InputError
from .jobs import Job

KERNEL = "compendium"


def _runtime_base() -> str:
    return "/tmp" if os.access("/tmp", os.W_OK) else tempfile.gettempdir()


def runtime_dir() -> str:
    """A short private folder (mode 0700) for a worker's kernel sockets: a socket
    path may not exceed 107 bytes, so the sockets cannot live under a deep project."""
    return tempfile.mkdtemp(prefix=f"cmp-{os.getpid()}-", dir=_runtime_base())


def remove_stale_runtime_dirs() -> None:
    """Socket folders of workers that were killed (SIGKILL leaves them behind)."""
    for folder in Path(_runtime_base()).glob("cmp-*-*"):
        m = re.fullmatch(r"cmp-(\d+)-\w+", folder.name)
        try:
            if not m or folder.stat().st_uid != os.getuid():
                continue
            os.kill(int(m.group(1)), 0)
        except ProcessLookupError:  # its worker is gone
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # alive (or not ours to check)
            continue


def kernel_manager(runtime: str):
    from jupyter_client.manager import AsyncKernelManager

    # IPC transport: local sockets in the worker's own runtime folder (one kernel each), no TCP port
    # opened on the machine.
    return AsyncKernelManager(kernel_name=KERNEL, transport="ipc", ip=os.path.join(runtime, "k0"))


def client(km):
    """The worker's one kernel client, ready, for every notebook it runs. nbclient would open a
    new client per notebook (five zmq channels; jupyter_client then waits 0.2 s for a quiet
    output channel, idle time on every notebook), and given a kernel manager it does not own
    it never closes them: each stale client stayed subscribed to the kernel's output and kept
    a copy of every later notebook's figures and tables (issue 12)."""
    from jupyter_core.utils import run_sync

    kc = km.client()
    kc.start_channels()
    run_sync(kc.wait_for_ready)(timeout=60)
    kc.allow_stdin = False
    return kc


@functools.cache
def engine() -> str:
    """A papermill engine (registered once per process) that runs a notebook on the given
    kernel client: papermill's own nbclient engine, parameters and error handling, without
    a new client per notebook."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.utils import merge_kwargs, remove_args

    class Client(PapermillNotebookClient):
        def __init__(self, nb_man, kc, **kw):
            super().__init__(nb_man, **kw)
            self._worker_kc = kc

        def start_new_kernel_client(self):
            self.kc = self._worker_kc
            return self.kc

    class Engine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, **kwargs):
            # NBClientEngine.execute_managed_notebook (papermill 2.7), with the worker's client.
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            final = merge_kwargs(kwargs, timeout=execution_timeout, startup_timeout=start_timeout,
                                 kernel_name=kernel_name, log_output=log_output,
                                 stdout_file=stdout_file, stderr_file=stderr_file)
            return Client(nb_man, **final).execute()

    papermill_engines.register("compendium-worker", Engine)
    return "compendium-worker"


def start(root: Path, km) -> None:
    """Start the kernel, with the project's modules imported at start-up (not counted as cells)."""
    from jupyter_core.utils import run_sync

    env = {**os.environ, "COMPENDIUM_ROOT": str(root), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    # The kernel's own stderr (start-up warnings, "Parent appears to have exited" when a build
    # stops early) goes to a file in the worker's runtime folder, not into the build's one-line
    # errors; what a notebook writes to stderr still reaches the build log through its cells.
    with open(os.path.join(os.path.dirname(km.ip), "kernel.stderr"), "ab") as log:
        run_sync(km.start_kernel)(cwd=str(root), env=env, stderr=log,
                                  extra_arguments=["--IPKernelApp.exec_lines=import compendium.plots",
                                                   # No input history: a build never reads it back,
                                                   # and IPython writes every cell to SQLite.
                                                   "--HistoryManager.enabled=False"])


def stop(km, kc=None) -> None:
    from jupyter_core.utils import run_sync

    try:
        if kc is not None:
            kc.stop_channels()
    except Exception:  # channels never started, or already closed
        pass
    try:
        run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # the kernel may already be gone; nothing to clean then
        pass


def reset(kc) -> None:
    """Empty a reused kernel's namespace before its next notebook (imports stay cached).
    reset() ends with a full garbage collection, which walks every object of pandas and
    matplotlib (0.12 s a notebook); freezing what survives it leaves the next collection
    only what the next notebook made."""
    from jupyter_core.utils import run_sync

    msg_id = kc.execute("get_ipython().reset(new_session=False); __import__('gc').freeze()",
                        silent=True, store_history=False)
    while True:
        reply = run_sync(kc.get_shell_msg)(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if reply["content"].get("status") != "ok":  # the next notebook would see this one's variables
        raise BuildError(f"the kernel could not be reset between notebooks: {reply['content'].get('evalue', '')}")


TIME_LIMIT = 600.0  # seconds a notebook may run (a report takes seconds; the corpus report about a minute at 512 letters)


def time_limit(given: float | None = None) -> float:
    """The time limit of one notebook's execution: `given` (build --notebook-time-limit), else
    COMPENDIUM_NOTEBOOK_TIME_LIMIT, else TIME_LIMIT seconds."""
    if given is not None:
        value, where = given, "--notebook-time-limit"
    else:
        value, where = os.environ.get("COMPENDIUM_NOTEBOOK_TIME_LIMIT", TIME_LIMIT), "COMPENDIUM_NOTEBOOK_TIME_LIMIT"
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not seconds > 0 or seconds == float("inf"):
        raise InputError(where, f"{value!r} is not a number of seconds above 0")
    return seconds


def execute(job: Job, km, kc, root: Path, limit: float = TIME_LIMIT):
    """Run the job's notebook with its parameters on the kernel; the executed notebook.
    The whole notebook gets `limit` seconds (each cell the time left of them).
    A failing notebook keeps its executed copy under build/executed/."""
    import nbformat
    import papermill as pm

    job.executed.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + limit
    try:
        return pm.execute_notebook(
            str(job.notebook), str(job.executed),
            parameters=job.parameters,
            kernel_name=KERNEL, progress_bar=False, log_output=False, km=km, kc=kc,
            engine_name=engine(), request_save_on_cell_execute=False,
            timeout_func=lambda cell: max(0.01, deadline - time.monotonic()),
        )
    except TimeoutError:  # nbclient's CellTimeoutError: the kernel is still busy; the worker stops it
        raise BuildError(
            f"{job.notebook.relative_to(root)} on {job.letter_id or 'the corpus'}: stopped at its time limit of "
            f"{limit:g} seconds (--notebook-time-limit or COMPENDIUM_NOTEBOOK_TIME_LIMIT sets another); the "
            "previous report is unchanged") from None
    except pm.PapermillExecutionError as exc:
        # Name the cell as it is in notebooks/ (papermill counts its injected parameters cell).
        executed = nbformat.read(job.executed, as_version=4)
        injected = [i for i, c in enumerate(executed.cells) if "injected-parameters" in c.metadata.get("tags", [])]
        index = exc.cell_index - (1 if injected and injected[0] < exc.cell_index else 0)
        raise BuildError(
            f"{job.notebook.relative_to(root)} failed on {job.letter_id or 'the corpus'}: cell {index} "
            f"(execution {exc.exec_count}): {exc.ename}: {exc.evalue}; executed notebook kept at "
            f"{job.executed.relative_to(root)}; the previous report is unchanged") from None
