"""`make reports`: process every registered letter and build its HTML reports.

Everything goes through the libraries' APIs (no `papermill` or `jupyter
nbconvert` subprocess per notebook):

1. Decide what is stale from content hashes alone (cheap: nothing heavy is
   imported, so a build with nothing to do takes a fraction of a second).
2. Fork one worker process per core before anything heavy is imported. Each
   starts its kernel at once (the project's modules imported at kernel
   start-up through `exec_lines`, not counted as cells), then imports
   papermill and nbconvert, and runs notebook after notebook on that kernel
   (namespace reset in between). papermill's `cwd=` is never used: it changes
   the whole process's directory.
3. Meanwhile this process verifies and processes the letters, queueing each
   letter's reports as soon as the letter is processed, and records each
   finished report's stamp.
4. Each report is exported to HTML with code hidden and moved into place
   atomically. A failing notebook keeps its executed copy under
   build/executed/ and leaves the previous report in place.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import html
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from . import atomic, paths, rawdata
from .errors import BuildError, CompendiumError

KERNEL = "compendium"
REPORTS = ("timeline", "coalition")  # notebooks/<name>.ipynb → reports/<letter>/<name>.html
CORPUS = "corpus"  # notebooks/corpus.ipynb → reports/corpus.html, once two letters are registered
TITLES = {"timeline": "Timeline", "coalition": "Coalition composition", "corpus": "Corpus"}
# Modules whose code decides the processed tables (a change reprocesses every letter).


def import_closure(module: str) -> tuple[str, ...]:
    """The package's own modules that `module` imports, directly or not (itself included),
    read from the source: the processing key follows the code, no list to keep by hand."""
    import ast

    pkg = Path(__file__).resolve().parent
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen or not (pkg / f"{name}.py").is_file():
            continue
        seen.add(name)
        for node in ast.walk(ast.parse((pkg / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    todo.append(node.module.split(".")[0])
                else:
                    todo += [a.name for a in node.names]
    return tuple(sorted(seen))


PROCESS_MODULES = import_closure("process")
# What a report page is made of: the modules the notebooks import, the page template and
# colophon, and this driver's export. Editing the CLI or the parser's --help reruns no notebook.
REPORT_MODULES = tuple(sorted(set().union(*(import_closure(m) for m in ("report", "plots", "corpus", "colophon")))
                              | {"build"}))


def report_code_digest() -> str:
    """The code part of every report's staleness key."""
    templates = _package_dir() / "templates"
    files = sorted(p for p in templates.rglob("*") if p.is_file()) if templates.is_dir() else []
    return _digest(_code_digest(REPORT_MODULES).encode(),
                   *(f.relative_to(templates).as_posix().encode() + b"\0" + f.read_bytes() for f in files))
_print_lock = threading.Lock()
_kernel_numbers = itertools.count()
_LOCK_FD = [-1]  # the build lock's file descriptor, closed in worker processes
_BUILD_PID = [0]  # the build process (holding the lock), parent of the workers
# Seconds spent per phase in the last build (execute and export summed over workers).
PHASES: dict[str, float] = {"process": 0.0, "execute": 0.0, "export": 0.0}


def say(msg: str) -> None:
    with _print_lock:
        print(msg, flush=True)


# --- what is stale ---------------------------------------------------------------

def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(hashlib.sha256(p).digest())
    return h.hexdigest()


def _file(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def _code_digest(modules: tuple[str, ...] | None = None) -> str:
    pkg = _package_dir()
    files = [pkg / f"{m}.py" for m in modules] if modules else sorted(
        p for p in pkg.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return _digest(*(f.relative_to(pkg).as_posix().encode() + b"\0" + _file(f) for f in files),
                   _file(paths.root() / "requirements.lock"))


def _dir_digest(folder: Path) -> str:
    if not folder.is_dir():
        return ""
    return _digest(*(p.name.encode() + b"\0" + p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()))


def notebooks() -> list[str]:
    return [name for name in REPORTS if (paths.notebooks_dir() / f"{name}.ipynb").exists()]


class Stamps:
    """Input digest of each output at its last successful build (build/stamps.json)."""

    def __init__(self) -> None:
        self.path = paths.build_dir() / "stamps.json"
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}
        self._lock = threading.Lock()

    def fresh(self, target: Path, key: str) -> bool:
        rel = target.relative_to(paths.root()).as_posix()
        entry = self.data.get(rel)
        if not entry or entry["inputs"] != key or not target.exists():
            return False
        out = _dir_digest(target) if target.is_dir() else _digest(target.read_bytes())
        return entry["output"] == out

    def record(self, target: Path, key: str) -> None:
        rel = target.relative_to(paths.root()).as_posix()
        out = _dir_digest(target) if target.is_dir() else _digest(target.read_bytes())
        with self._lock:
            self.data[rel] = {"inputs": key, "output": out}
            atomic.write_text(self.path, json.dumps(self.data, indent=1, sort_keys=True) + "\n")


@dataclass
class Job:
    letter_id: str  # "" for the corpus report
    name: str

    @property
    def label(self) -> str:
        return f"{self.letter_id}/{self.name}" if self.letter_id else self.name

    @property
    def notebook(self) -> Path:
        return paths.notebooks_dir() / f"{self.name}.ipynb"

    @property
    def html(self) -> Path:
        return paths.reports_dir() / self.letter_id / f"{self.name}.html"

    @property
    def executed(self) -> Path:
        return paths.build_dir() / "executed" / self.letter_id / f"{self.name}.ipynb"

    @property
    def parameters(self) -> dict:
        if not self.letter_id:
            return {"processed_root": "data/processed"}
        return {"letter_id": self.letter_id, "processed_dir": f"data/processed/{self.letter_id}"}

    def title(self) -> str:
        if not self.letter_id:
            n = len(_registered_folders())
            return f"Corpus: {n} letters"
        meta = json.loads((paths.processed_dir() / self.letter_id / "letter.json").read_text(encoding="utf-8"))
        return f"{TITLES[self.name]}: {meta.get('subject') or self.letter_id} ({meta['date']})"


def _registered_folders() -> list[Path]:
    """The processed folders of the registered letters (what the corpus report reads)."""
    folders = (paths.processed_dir() / lid for lid, _ in rawdata.registered_letters())
    return [p for p in folders if (p / "letter.json").exists()]


def _drop_unregistered(letter_ids: list[str], stamps: Stamps) -> list[str]:
    """Remove the outputs of letters no longer registered (`compendium remove`, or a
    folder copied into data/processed by hand): the build reads registered letters
    only. A folder the compendium did not write is left alone (and never read)."""
    from .outputs import not_ours

    keep, dropped = set(letter_ids), []

    def drop(target: Path) -> None:
        if target.is_dir():  # set aside first: a killed build leaves a leftover (removed next time), not half a folder
            aside = target.with_name(f".{target.name}.dropped.tmp")
            os.replace(target, aside)
            shutil.rmtree(aside)
        else:
            target.unlink()
        stamps.data.pop(target.relative_to(paths.root()).as_posix(), None)
        dropped.append(target.relative_to(paths.root()).as_posix())

    for folder in sorted(paths.processed_dir().iterdir()) if paths.processed_dir().is_dir() else []:
        if folder.name.startswith(".") or folder.name in keep or not folder.is_dir():
            continue
        why = not_ours(folder)
        if why:
            say(f"warning: {folder.relative_to(paths.root())}: not a registered letter and {why}: "
                "left alone, never read (move it out of data/processed)")
        else:
            drop(folder)
    for folder in sorted(paths.reports_dir().iterdir()) if paths.reports_dir().is_dir() else []:
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in keep | {"assets"}:
            if all(p.is_file() and p.name in {f"{n}.html" for n in REPORTS} for p in folder.iterdir()):
                for report in sorted(folder.iterdir()):
                    drop(report)
                folder.rmdir()
            else:
                say(f"warning: {folder.relative_to(paths.root())}: reports of no registered letter, with files "
                    "the build did not write: left alone")
    corpus = paths.reports_dir() / f"{CORPUS}.html"
    if len(letter_ids) < 2 and corpus.is_file():
        drop(corpus)
    for folder in sorted((paths.build_dir() / "executed").glob("*/")):
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)
    if dropped:
        atomic.write_text(stamps.path, json.dumps(stamps.data, indent=1, sort_keys=True) + "\n")
        say(f"dropped the outputs of letters no longer registered: {', '.join(dropped)}")
    return dropped


def _letter_key(raw: Path) -> str:
    return _digest(raw.name.encode(), _file(raw), _file(paths.codebook_path()), _file(paths.context_path()),
                   _code_digest(PROCESS_MODULES).encode(), _file(paths.raw_dir() / "corrections" / f"{raw.stem}.csv"))


def _report_key(job: Job, code: str) -> str:
    if job.letter_id:
        data = _dir_digest(paths.processed_dir() / job.letter_id)
    else:  # the corpus reads every registered letter's processed folder
        data = _digest(*(p.name.encode() + _dir_digest(p).encode() for p in _registered_folders()))
    # The page's colophon names the raw files it was made from (compendium.colophon).
    raw = paths.letters_dir() / f"{job.letter_id}.txt" if job.letter_id else paths.manifest_path()
    return _digest(job.name.encode(), _file(job.notebook), data.encode(), code.encode(),
                   _file(raw), _file(paths.codebook_path()), _file(paths.context_path()))


# --- processing ------------------------------------------------------------------

def process_all(verbose: bool = False, stamps: Stamps | None = None, force: bool = True,
                on_letter=None, progress=None) -> list[str]:
    """Verify every registered letter's checksum, then process the stale ones."""
    letters = rawdata.verify_all()
    if not letters:
        raise CompendiumError(f"no letters registered in {paths.manifest_path()} (use `compendium add`)")
    done = []
    for letter_id, raw in letters:
        out = paths.processed_dir() / letter_id
        key = _letter_key(raw)
        if stamps is not None and not force and stamps.fresh(out, key):
            if on_letter:
                on_letter(letter_id)
            continue
        from .process import process

        t = time.perf_counter()
        process(raw, out, letter_id)
        if stamps is not None:
            stamps.record(out, key)
        done.append(letter_id)
        if verbose:
            (progress.detail if progress else say)(f"processed {letter_id} ({time.perf_counter() - t:.1f} s)")
        if on_letter:
            on_letter(letter_id)
    return done


# --- kernels and notebooks ---------------------------------------------------------

def _runtime_base() -> str:
    return "/tmp" if os.access("/tmp", os.W_OK) else tempfile.gettempdir()


def _runtime_dir() -> str:
    """A short private folder (mode 0700) for a worker's kernel sockets: a socket
    path may not exceed 107 bytes, so the sockets cannot live under a deep project."""
    return tempfile.mkdtemp(prefix=f"cmp-{os.getpid()}-", dir=_runtime_base())


def _remove_stale_runtime_dirs() -> None:
    """Socket folders of workers that were killed (SIGKILL leaves them behind)."""
    import re

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


def _kernel_manager(runtime: str):
    from jupyter_client.manager import AsyncKernelManager

    # IPC transport: local sockets in the worker's runtime folder, no TCP port opened on the machine.
    km = AsyncKernelManager(kernel_name=KERNEL, transport="ipc", ip=os.path.join(runtime, f"k{next(_kernel_numbers)}"))
    # nbclient opens a new kernel client (five zmq channels and a heartbeat thread) per notebook and,
    # given a kernel manager it does not own, never closes it: each stale client stays subscribed to
    # the kernel's output and queues a copy of every later notebook's figures and tables, so a
    # worker grew by megabytes per notebook (issue 12). The clients are recorded here and closed
    # after each notebook (_close_clients).
    made = km._compendium_clients = []
    client = km.client

    def tracked_client(**kwargs):
        kc = client(**kwargs)
        made.append(kc)
        return kc

    km.client = tracked_client
    return km


def _close_clients(km) -> None:
    """Stop the channels of the kernel clients opened for the last notebook (see _kernel_manager)."""
    made = getattr(km, "_compendium_clients", [])
    while made:
        kc = made.pop()
        try:
            kc.stop_channels()
        except Exception:  # a client whose channels never started, or a kernel already gone
            pass


def _start_kernel(root: Path, km) -> None:
    from jupyter_core.utils import run_sync

    env = {**os.environ, "COMPENDIUM_ROOT": str(root), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    run_sync(km.start_kernel)(cwd=str(root), env=env,
                              extra_arguments=["--IPKernelApp.exec_lines=import compendium.plots"])


def _stop_kernel(km) -> None:
    from jupyter_core.utils import run_sync

    try:
        run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # the kernel may already be gone; nothing to clean then
        pass


def _reset(km) -> None:
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


def _stable(nb) -> list[str]:
    """Drop what differs between two runs of the same notebook (timings, random ids,
    execution counts that depend on which kernel ran it) and stderr output: a
    warning is shown once per kernel, so in a reused kernel it would appear in
    whichever notebook ran first. Returns the stderr texts for the build log."""
    nb.metadata.pop("papermill", None)
    stderr = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            stderr += [o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    count = 0
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1
            cell.execution_count = count
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = count
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
        else:  # stored ids vary (nbstripout renumbers them on commit); the HTML must not
            cell.id = f"cell-{i}"
    return stderr


def _exporter():
    from nbconvert import HTMLExporter

    exp = HTMLExporter(template_name="compendium", extra_template_basedirs=[str(_package_dir() / "templates")])
    exp.exclude_input = False  # code is shown folded under "Show code" (templates/compendium/index.html.j2)
    exp.exclude_input_prompt = True
    exp.exclude_output_prompt = True
    return exp


def _run(job: Job, km, root: Path, exporter, say=say) -> tuple[float, float]:
    """Execute one notebook and write its HTML report; (seconds executing, seconds exporting)."""
    import nbformat
    import papermill as pm

    t = time.perf_counter()
    say(f"[start] {job.label}")
    job.executed.parent.mkdir(parents=True, exist_ok=True)
    try:
        nb = pm.execute_notebook(
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
        _close_clients(km)
    t_exec = time.perf_counter() - t
    for text in _stable(nb):
        say(f"[warning] {job.label}: " + " ".join(text.split())[:300])
    from . import assets, colophon

    notebook = job.notebook.relative_to(root).as_posix()
    colophon.label_cells(nb, notebook)
    body, _ = exporter.from_notebook_node(nbformat.from_dict(nb), resources={
        "metadata": {"name": job.title()},
        "colophon": colophon.page_html(notebook, job.parameters, job.letter_id),
        "stylesheet": assets.href(job.letter_id)})
    index = "../index.html" if job.letter_id else "index.html"
    body = body.replace("<main>", f'<main><nav class="crumbs"><a href="{index}">All reports</a></nav>', 1)
    atomic.write_text(job.html, body if body.endswith("\n") else body + "\n")
    dt_ = time.perf_counter() - t
    say(f"[done {dt_:.1f} s] {job.label} → {job.html.relative_to(root)}")
    return t_exec, dt_ - t_exec


def _die_with_parent() -> None:
    """Linux: a worker is killed when the build process dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if _BUILD_PID[0] and os.getppid() != _BUILD_PID[0]:  # the build died before the line above took effect
        os._exit(0)


def _worker(root: Path, lock_fd: int, todo, results, stop) -> None:
    """A worker process: one kernel, reused for job after job, and its own
    papermill and nbconvert, so notebook execution overhead and HTML export
    run on every core instead of queueing behind one driver.

    An interruption ends a worker quietly: Ctrl-C (which reaches the whole
    process group) is the build process's to report, once; the build process
    then stops its workers with SIGTERM, which ends the current job, and any
    further signal is ignored while the kernel shuts down."""
    try:
        _die_with_parent()
        os.close(lock_fd)  # the build lock belongs to the build process alone
        signal.signal(signal.SIGINT, signal.SIG_IGN)

        def terminate(signum, frame):
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, terminate)
        _work(root, todo, results, stop)
    except KeyboardInterrupt:
        pass


def _work(root: Path, todo, results, stop) -> None:
    runtime = _runtime_dir()
    km = _kernel_manager(runtime)
    try:
        _start_kernel(root, km)  # starts while this process imports
        if not os.environ.get("COMPENDIUM_NO_FASTIMPORT"):  # off only to test it changes nothing
            from . import fastimport

            fastimport.install()
        import nbconvert  # noqa: F401
        import papermill  # noqa: F401

        exporter = _exporter()
        used = False
        while True:
            job = todo.get()
            if job is None or stop.is_set():
                return
            if used:
                _reset(km)
            try:
                def progress(msg: str) -> None:  # the build process prints, in order
                    results.put(("say", job, msg))

                results.put(("done", job, *_run(job, km, root, exporter, progress)))
            except BuildError as exc:
                results.put(("failed", job, str(exc)))
                stop.set()
            except Exception as exc:  # an unexpected error still ends the build with a message
                results.put(("failed", job, f"{job.label}: {type(exc).__name__}: {exc}"))
                stop.set()
            used = True
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _stop_kernel(km)
        shutil.rmtree(runtime, ignore_errors=True)


# --- the index ---------------------------------------------------------------------

def write_index(letter_ids: list[str], names: list[str]) -> None:
    from . import assets, colophon

    assets.write()  # the pages' style sheet, linked from each (reports/assets/report.css)

    rows = []
    for lid in letter_ids:
        meta = json.loads((paths.processed_dir() / lid / "letter.json").read_text(encoding="utf-8"))
        links = " · ".join(f'<a href="{html.escape(lid)}/{n}.html">{html.escape(TITLES[n].lower())}</a>'
                           for n in names if (paths.reports_dir() / lid / f"{n}.html").exists())
        rows.append(f"<tr><td>{html.escape(meta['date'])}</td><td>{html.escape(meta.get('subject') or lid)}"
                    f"<br><code>{html.escape(lid)}</code></td><td>{int(meta['signatory_count'])}</td>"
                    f"<td>{links or 'no reports yet'}</td></tr>")
    if (paths.reports_dir() / "corpus.html").exists() and len(letter_ids) >= 2:
        corpus = f'<p><a href="corpus.html">Corpus report</a>: who signs with whom across all {len(letter_ids)} letters.</p>'
    else:
        corpus = "<p>A corpus report (who signs with whom across letters) is built once two letters are registered.</p>"
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Compendium reports</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.5; color: #222; }}
  .table-wrap {{ overflow-x: auto; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }}
  code {{ font-size: .85em; color: #555; }}
  footer.colophon {{ margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid #ddd; color: #444; font-size: 13px; }}
  footer.colophon h2 {{ font-size: 15px; }}
  footer.colophon code, footer.colophon .sha {{ overflow-wrap: anywhere; }}
  footer.colophon .sha {{ color: #666; font: 11px ui-monospace, monospace; }}
</style>
</head>
<body>
<h1>Compendium reports</h1>
<p>One row per letter in the compendium: its date, subject and number of signatories, and its reports.
Built by <code>make reports</code> from <code>data/processed/</code>; rebuild and compare with <code>make verify</code>.</p>
{corpus}
<div class="table-wrap"><table>
<thead><tr><th>Date</th><th>Subject</th><th>Signatories</th><th>Reports</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table></div>
{colophon.index_html()}
</body>
</html>
"""
    atomic.write_text(paths.reports_dir() / "index.html", page)


# --- the build ---------------------------------------------------------------------

def _terminate_as_interrupt() -> None:
    """SIGTERM stops a build like Ctrl-C: kernels shut down, finished outputs stay."""
    if threading.current_thread() is threading.main_thread():
        def handler(signum, frame):
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, handler)


def _exclusive() -> object:
    """One build at a time per project (a second one would race on the same files)."""
    import fcntl

    paths.build_dir().mkdir(parents=True, exist_ok=True)
    fh = open(paths.build_dir() / "build.lock", "w")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise CompendiumError(f"{paths.build_dir() / 'build.lock'}: another build of this project is running") from None
    _LOCK_FD[0] = fh.fileno()
    _BUILD_PID[0] = os.getpid()
    return fh


def build(jobs: int | None = None, force: bool = False) -> None:
    lock = _exclusive()
    try:
        _build(jobs, force)
    finally:
        lock.close()


def _build(jobs: int | None, force: bool) -> None:
    t0 = time.perf_counter()
    _terminate_as_interrupt()
    root = paths.root()
    # A build killed earlier may have left temporary files or a folder set aside.
    for folder in (paths.processed_dir(), paths.reports_dir()):
        atomic.remove_leftovers(folder)
    stamps = Stamps()
    letters = rawdata.verify_all()
    for letter_id, _ in letters:
        atomic.recover(paths.processed_dir() / letter_id)
    if not letters:
        raise CompendiumError(f"no letters registered in {paths.manifest_path()} (use `compendium add`)")
    dropped = _drop_unregistered([lid for lid, _ in letters], stamps)
    names = notebooks()
    stale_letters = [lid for lid, raw in letters
                     if force or not stamps.fresh(paths.processed_dir() / lid, _letter_key(raw))]
    code = report_code_digest()
    planned = [Job(lid, n) for lid, _ in letters for n in names]
    if len(letters) >= 2 and (paths.notebooks_dir() / f"{CORPUS}.ipynb").exists():
        planned.append(Job("", CORPUS))

    def stale_job(j: Job) -> bool:
        return force or j.letter_id in stale_letters or not stamps.fresh(j.html, _report_key(j, code))

    todo = [j for j in planned if stale_job(j)]
    index = paths.reports_dir() / "index.html"
    if not stale_letters and not todo and not dropped and index.exists() and (
            paths.reports_dir() / "assets" / "report.css").exists():
        say(f"reports are up to date ({len(letters)} letters, {len(planned)} reports; {time.perf_counter() - t0:.2f} s)")
        return

    jobs = max(1, jobs or os.cpu_count() or 1)
    n_workers = min(jobs, len(todo)) if names else 0
    _remove_stale_runtime_dirs()
    ctx = multiprocessing.get_context("fork")
    queue_, results, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    # Workers (and their kernels) start first, before this process imports
    # anything heavy: their start-up overlaps with the processing below.
    workers = [ctx.Process(target=_worker, args=(root, _LOCK_FD[0], queue_, results, stop), daemon=True)
               for _ in range(n_workers)]
    for w in workers:
        w.start()
    for k in PHASES:
        PHASES[k] = 0.0
    sent: dict[str, tuple[Job, str]] = {}
    from .progress import Progress

    # One bar on a terminal (reports done of those to build, time left, phase); plain lines otherwise.
    progress = Progress(len(todo) if names else 0)
    try:
        t_process = time.perf_counter()
        todo_labels = {j.label for j in todo}
        n_processed = [0]

        def on_letter(letter_id: str) -> None:
            n_processed[0] += 1
            progress.letter(n_processed[0], len(letters), letter_id)
            if workers:
                send_jobs(letter_id)

        def send_jobs(letter_id: str) -> None:
            # A letter's reports are queued as soon as the letter is processed; the
            # corpus report's staleness is decided once every letter is processed.
            for j in planned:
                if j.letter_id == letter_id and (j.label in todo_labels or not letter_id):
                    key = _report_key(j, code)
                    if force or not stamps.fresh(j.html, key):
                        sent[j.label] = (j, key)
                        queue_.put(j)

        process_all(verbose=True, stamps=stamps, force=force, on_letter=on_letter, progress=progress)
        PHASES["process"] = time.perf_counter() - t_process
        if not names:
            say("no report notebooks exist yet (notebooks/*.ipynb); processed data is up to date")
            return
        if workers:
            send_jobs("")  # the corpus report, once every letter is processed
        for _ in workers:
            queue_.put(None)
        failures: list[str] = []
        pending = len(sent)
        while pending:
            try:
                status, job, *rest = results.get(timeout=0.5)
            except Exception:  # queue.Empty: check that the workers are still alive
                if all(not w.is_alive() for w in workers):
                    raise BuildError("the report workers stopped before finishing their reports") from None
                continue
            if status == "say":  # a worker's [start]/[done] lines are the bar's on a terminal; warnings are not
                (progress.line if rest[0].startswith("[warning]") else progress.detail)(rest[0])
                continue
            pending -= 1
            if status == "done":
                progress.report(job.label)
                stamps.record(job.html, sent[job.label][1])
                PHASES["execute"] += rest[0]
                PHASES["export"] += rest[1]
            else:
                failures.append(rest[0])
                break
        for w in workers:
            w.join(timeout=60)
        write_index([lid for lid, _ in letters], names)
        progress.close()
        if failures:
            raise BuildError(failures[0])
        say(f"built {len(sent)} report(s) for {len(letters)} letter(s) in {time.perf_counter() - t0:.1f} s "
            f"(processing {PHASES['process']:.1f} s; notebooks {PHASES['execute']:.1f} s executing and "
            f"{PHASES['export']:.1f} s exporting, summed over {n_workers} workers)")
    finally:
        progress.close()
        stop.set()
        for w in workers:
            if w.is_alive():
                w.terminate()
        for w in workers:
            w.join(timeout=30)


# --- verify --------------------------------------------------------------------------

def _tree(folder: Path) -> dict[str, bytes]:
    from .outputs import MARKER

    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and (not p.name.startswith(".") or p.name == MARKER)}


VERIFY_LOCK = ".verify.lock"  # held by a running verify in its temporary copy


@contextlib.contextmanager
def _held(lock_path: Path):
    import fcntl

    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def remove_stale_verify_copies() -> None:
    """Temporary copies of verify runs that were killed (their lock is free)."""
    import fcntl

    for folder in Path(tempfile.gettempdir()).glob("compendium-verify-*"):
        try:
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            if not (folder / VERIFY_LOCK).exists():  # being created this instant, or from before the lock
                if time.time() - folder.stat().st_mtime > 3600:
                    shutil.rmtree(folder, ignore_errors=True)
                continue
            with open(folder / VERIFY_LOCK, "a") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # its verify is running, or it vanished meanwhile
            continue


def _fresh_build(copy: Path) -> None:
    """`compendium build --force` in the copy, as its own process rooted there: this process's
    root (and its environment) stays what it was."""
    import subprocess
    import sys

    sys.stdout.flush()
    env = {**os.environ, "COMPENDIUM_ROOT": str(copy)}
    done = subprocess.run([sys.executable, "-m", "compendium", "build", "--force"], env=env, cwd=copy)
    if done.returncode == 130:
        raise KeyboardInterrupt
    if done.returncode != 0:
        raise CompendiumError(f"verify failed: the fresh build in {copy} failed (exit status {done.returncode}; "
                              "its error is above)")


def verify() -> None:
    """Rebuild everything from data/raw and the code into a temporary copy and compare;
    for each file that differs, print what differs (compendium.differ)."""
    from . import differ

    root = paths.root()
    remove_stale_verify_copies()
    with tempfile.TemporaryDirectory(prefix="compendium-verify-") as tmp, _held(Path(tmp) / VERIFY_LOCK):
        copy = Path(tmp)
        shutil.copytree(root / "data" / "raw", copy / "data" / "raw")
        shutil.copytree(root / "notebooks", copy / "notebooks")
        shutil.copy2(root / "requirements.lock", copy / "requirements.lock")
        _fresh_build(copy)
        problems, details = [], []
        for sub in ("data/processed", "reports"):
            fresh, committed = _tree(copy / sub), _tree(root / sub)
            for name in sorted(set(fresh) | set(committed)):
                if name not in committed:
                    problems.append(f"{sub}/{name}: built but not committed")
                elif name not in fresh:
                    problems.append(f"{sub}/{name}: committed but no longer built")
                elif fresh[name] != committed[name]:
                    problems.append(f"{sub}/{name}: differs from a fresh build")
                    details.append(f"{sub}/{name}: differs from a fresh build")
                    details += ["    " + line for line in differ.describe(name, committed[name], fresh[name])]
        if problems:
            for line in details:  # what differs, on stdout; the error itself stays one line
                say(line)
            raise CompendiumError("verify failed: " + "; ".join(problems))
        n = len(_tree(root / "data/processed")) + len(_tree(root / "reports"))
        say(f"verify: {n} committed files are byte-identical to a fresh build")
