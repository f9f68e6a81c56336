"""One Jupyter kernel per worker: start, reset between notebooks, run a notebook with
papermill (its `cwd=` is never used: it changes the whole process's directory), stop."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from ..errors import BuildError
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
    km = AsyncKernelManager(kernel_name=KERNEL, transport="ipc", ip=os.path.join(runtime, "k0"))
    # nbclient opens a new kernel client (five zmq channels and a heartbeat thread) per notebook and,
    # given a kernel manager it does not own, never closes it: each stale client stays subscribed to
    # the kernel's output and queues a copy of every later notebook's figures and tables, so a
    # worker grew by megabytes per notebook (issue 12). The clients are recorded here and closed
    # after each notebook (close_clients).
    made = km._compendium_clients = []
    client = km.client

    def tracked_client(**kwargs):
        kc = client(**kwargs)
        made.append(kc)
        return kc

    km.client = tracked_client
    return km


def close_clients(km) -> None:
    """Stop the channels of the kernel clients opened for the last notebook (see kernel_manager)."""
    made = getattr(km, "_compendium_clients", [])
    while made:
        kc = made.pop()
        try:
            kc.stop_channels()
        except Exception:  # a client whose channels never started, or a kernel already gone
            pass


def start(root: Path, km) -> None:
    """Start the kernel, with the project's modules imported at start-up (not counted as cells)."""
    from jupyter_core.utils import run_sync

    env = {**os.environ, "COMPENDIUM_ROOT": str(root), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    run_sync(km.start_kernel)(cwd=str(root), env=env,
                              extra_arguments=["--IPKernelApp.exec_lines=import compendium.plots"])


def stop(km) -> None:
    from jupyter_core.utils import run_sync

    try:
        run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # the kernel may already be gone; nothing to clean then
        pass


def reset(km) -> None:
    """Empty a reused kernel's namespace before its next notebook (imports stay cached)."""
    from jupyter_client import BlockingKernelClient

    kc = BlockingKernelClient()
    kc.load_connection_info(km.get_connection_info())
    kc.start_channels()
    try:
        msg_id = kc.execute("get_ipython().reset(new_session=False)", silent=True, store_history=False)
        while kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
            pass
    finally:
        kc.stop_channels()


def execute(job: Job, km, root: Path):
    """Run the job's notebook with its parameters on the kernel; the executed notebook.
    A failing notebook keeps its executed copy under build/executed/."""
    import nbformat
    import papermill as pm

    job.executed.parent.mkdir(parents=True, exist_ok=True)
    try:
        return pm.execute_notebook(
            str(job.notebook), str(job.executed),
            parameters=job.parameters,
            kernel_name=KERNEL, progress_bar=False, log_output=False, km=km,
            request_save_on_cell_execute=False,
        )
    except pm.PapermillExecutionError as exc:
        # Name the cell as it is in notebooks/ (papermill counts its injected parameters cell).
        executed = nbformat.read(job.executed, as_version=4)
        injected = [i for i, c in enumerate(executed.cells) if "injected-parameters" in c.metadata.get("tags", [])]
        index = exc.cell_index - (1 if injected and injected[0] < exc.cell_index else 0)
        raise BuildError(
            f"{job.notebook.relative_to(root)} failed on {job.letter_id or 'the corpus'}: cell {index} "
            f"(execution {exc.exec_count}): {exc.ename}: {exc.evalue}; executed notebook kept at "
            f"{job.executed.relative_to(root)}; the previous report is unchanged") from None
    finally:
        close_clients(km)
