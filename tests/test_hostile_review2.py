"""Issue 20, the second hostile review: nothing deleted outside the project, no registration
lost, no input that eats the machine (items 1, 3, 4, 6, 7, 10-16 of it).

Every command runs against a copy of the project (COMPENDIUM_ROOT), never the
repository's own data/ or reports/; what lies outside the project is a folder of the
test's own under tmp_path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compendium import atomic
from support import REAL_ID, ROOT

REAL_RAW = ROOT / "data" / "raw" / "letters" / f"{REAL_ID}.txt"


def _cli(root: Path, *args, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "compendium", *map(str, args)], cwd=root,
                          env={**os.environ, "COMPENDIUM_ROOT": str(root), **(env or {})},
                          capture_output=True, text=True, timeout=timeout)


def _one_line(proc: subprocess.CompletedProcess, *words: str) -> str:
    """Exit 2 and exactly one stderr line, 'compendium: error: …', holding each of `words`."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("compendium: error: "), proc.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


@pytest.fixture
def built(buildable_project) -> Path:
    """A project copy with the committed processed data and reports in place."""
    for sub in ("data/processed", "reports"):
        shutil.copytree(ROOT / sub, buildable_project / sub)
    return buildable_project


# --- 1. a symbolic link in reports/ or data/processed is never followed -------------------

def test_a_link_in_reports_is_refused_and_its_target_kept(built, tmp_path):
    site = tmp_path / "mysite"
    site.mkdir()
    (site / "timeline.html").write_text("mine", encoding="utf-8")
    (built / "reports" / "mysite").symlink_to(site)
    for args in ((), ("--force",)):
        _one_line(_cli(built, "build", *args), "reports/mysite: a symbolic link")
    assert (site / "timeline.html").read_text(encoding="utf-8") == "mine"


def test_a_link_in_data_processed_is_refused_and_its_target_kept(built, tmp_path):
    mine = tmp_path / "elsewhere"
    shutil.copytree(built / "data" / "processed" / REAL_ID, mine)  # looks like the compendium's own folder
    before = sorted(p.name for p in mine.iterdir())
    (built / "data" / "processed" / "zz-link").symlink_to(mine)
    _one_line(_cli(built, "build"), "data/processed/zz-link: a symbolic link")
    _one_line(_cli(built, "process", built / "data/raw/letters" / f"{REAL_ID}.txt"), "data/processed/zz-link: a symbolic link")
    assert sorted(p.name for p in mine.iterdir()) == before
    assert not list((built / "data" / "processed").glob(".*.tmp"))


def test_a_leftover_that_is_a_link_is_removed_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine", encoding="utf-8")
    folder = tmp_path / "processed"
    folder.mkdir()
    (folder / ".gone.dropped.tmp").symlink_to(outside)
    atomic.remove_leftovers(folder)
    assert not (folder / ".gone.dropped.tmp").is_symlink()
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "mine"


# --- 3, 4, 6. the manifest and data/raw change together, under the project lock -----------

CORPUS_A, CORPUS_B = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt"))
FIXES = ROOT / "tests" / "fixtures" / "corrections"
DATELESS, DATELESS_ID = FIXES / "letter-without-date.txt", "2017-05-11-caldora-journalists"

# Runs the CLI with compendium.atomic.write_bytes and os.replace/link/unlink on files under
# data/ counted as steps: with STEP_GATE, the first step waits for that file to exist (a slow
# writer between reading the manifest and writing); with KILL_AT=k, the process kills itself
# (SIGKILL: nothing runs after) just before step k; with STEP_LOG, each step is logged.
STEPPED = r'''
import os, signal, sys, time
from pathlib import Path
from compendium import atomic
data = os.path.join(os.environ["COMPENDIUM_ROOT"], "data") + os.sep
gate, kill_at, log = os.environ.get("STEP_GATE"), int(os.environ.get("KILL_AT", "0")), os.environ.get("STEP_LOG")
count = [0]
def step(what, path):
    if not str(path).startswith(data):
        return
    count[0] += 1
    if log:
        with open(log, "a") as fh:
            fh.write(f"{count[0]} {what} {path}\n")
    if count[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    if gate and count[0] == 1:
        Path(gate + ".ready").touch()
        while not os.path.exists(gate):
            time.sleep(0.02)
def hooked(name, fn):
    def call(a, *rest, **kw):
        step(name, os.path.abspath(a))
        return fn(a, *rest, **kw)
    return call
atomic.write_bytes = hooked("write", atomic.write_bytes)
for name in ("replace", "link", "unlink", "rename"):
    setattr(os, name, hooked(name, getattr(os, name)))
from compendium.cli import main
sys.exit(main(sys.argv[1:]))
'''


def _stepped(root: Path, *args, **env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", STEPPED, *map(str, args)], cwd=root,
                            env={**os.environ, "COMPENDIUM_ROOT": str(root), **{k: str(v) for k, v in env.items()}},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _consistent(root: Path) -> dict[str, str]:
    """data/raw as no command leaves it otherwise: every file the manifest lists is there with its
    checksum, every letter and corrections file there is in the manifest; the manifest."""
    from compendium import rawdata

    manifest = {}
    for line in (root / "data" / "raw" / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, rel = line.split("  ")
        manifest[rel] = digest
    raw = root / "data" / "raw"
    on_disk = {p.relative_to(raw).as_posix() for sub in ("letters", "corrections") if (raw / sub).is_dir()
               for p in (raw / sub).iterdir()}
    assert on_disk == {rel for rel in manifest if rel.startswith(("letters/", "corrections/"))}, on_disk
    for rel, digest in manifest.items():
        assert rawdata.sha256((raw / rel).read_bytes()) == digest, rel
    assert not (root / "data" / ".compendium-journal.json").exists()
    return manifest


def test_two_adds_at_once_never_lose_a_registration(project, tmp_path):
    gate = tmp_path / "go"
    first = _stepped(project, "add", CORPUS_A, STEP_GATE=gate)  # paused between reading and writing the manifest
    deadline = __import__("time").monotonic() + 120
    while not Path(f"{gate}.ready").exists():
        assert first.poll() is None and __import__("time").monotonic() < deadline, first.communicate()
        __import__("time").sleep(0.05)
    second = _cli(project, "add", CORPUS_B)
    gate.touch()
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0 and out.startswith("added "), err
    _one_line(second, "build.lock: another compendium command is writing this project")
    manifest = _consistent(project)
    assert f"letters/{CORPUS_A.name}" in manifest and f"letters/{CORPUS_B.name}" not in manifest


def test_every_command_that_writes_the_project_takes_the_lock(project, monkeypatch):
    from compendium import lock

    letter = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    with lock.exclusive():
        results = [_cli(project, *args) for args in (
            ("add", CORPUS_A), ("remove", REAL_ID), ("process-all",), ("process", letter), ("build",))]
    for r in results:
        _one_line(r, "another compendium command is writing this project")
    assert not (project / "data" / "processed").exists()
    _consistent(project)


def _with_other_note(tmp_path: Path) -> Path:
    other = tmp_path / "other-fixes.csv"
    other.write_text(DATELESS.with_name("letter-without-date.corrections.csv").read_text(encoding="utf-8")
                     .replace("checked against the organizations' earlier statement", "checked again"),
                     encoding="utf-8")
    return other


def test_remove_never_overwrites_what_data_removed_holds(project, tmp_path):
    fixes_a = FIXES / "letter-without-date.corrections.csv"
    fixes_b = _with_other_note(tmp_path)
    for fixes in (fixes_a, fixes_b):
        added = _cli(project, "add", DATELESS, "--id", DATELESS_ID, "--corrections", fixes)
        assert added.returncode == 0, added.stderr
        removed = _cli(project, "remove", DATELESS_ID)
        assert removed.returncode == 0, removed.stderr
    gone = project / "data" / "removed"
    assert (gone / f"{DATELESS_ID}.txt").read_bytes() == (gone / f"{DATELESS_ID}.2.txt").read_bytes() \
        == DATELESS.read_bytes()
    assert (gone / "corrections" / f"{DATELESS_ID}.csv").read_bytes() == fixes_a.read_bytes()
    assert (gone / "corrections" / f"{DATELESS_ID}.2.csv").read_bytes() == fixes_b.read_bytes()
    assert f"data/removed/{DATELESS_ID}.2.txt" in removed.stdout
    _consistent(project)


def _steps(root: Path, tmp_path: Path, *args) -> int:
    """How many steps the command takes when nothing interrupts it (run in a copy of `root`)."""
    copy = tmp_path / "count"
    shutil.copytree(root, copy)
    log = tmp_path / "steps.log"
    proc = _stepped(copy, *args, STEP_LOG=log)
    assert proc.wait(timeout=120) == 0, proc.communicate()
    return len(log.read_text(encoding="utf-8").splitlines())


def _killed_at_every_step(project: Path, tmp_path: Path, *args) -> None:
    """Kill the command before each of its steps in turn; the next command that writes the
    project (here a `remove` of no letter, which takes the lock and then refuses) finds it
    as before the command or as after it, never in between."""
    n = _steps(project, tmp_path, *args)
    assert n >= 4
    pristine, done = tmp_path / "pristine", tmp_path / "count"
    shutil.copytree(project, pristine)
    states = [_consistent(pristine), _consistent(done)]
    assert states[0] != states[1]
    for k in range(1, n + 1):
        shutil.rmtree(project)
        shutil.copytree(pristine, project)
        killed = _stepped(project, *args, KILL_AT=k)
        assert killed.wait(timeout=120) == -9
        after = _cli(project, "remove", "no-such-letter")
        notes, error = after.stderr.splitlines()[:-1], after.stderr.splitlines()[-1]
        assert after.returncode == 2 and "no-such-letter: not registered" in error, after.stderr
        assert all(" an interrupted `compendium " in line for line in notes) and len(notes) <= 1, after.stderr
        assert _consistent(project) in states, k
        removed = project / "data" / "removed"
        assert sorted(p.relative_to(project).as_posix() for p in removed.rglob("*") if p.is_file()) in (
            [], sorted(p.relative_to(done).as_posix() for p in (done / "data" / "removed").rglob("*") if p.is_file()))


@pytest.mark.slow
def test_an_add_killed_at_any_step_is_undone_or_completed(project, tmp_path):
    _killed_at_every_step(project, tmp_path, "add", DATELESS, "--id", DATELESS_ID, "--corrections",
                          FIXES / "letter-without-date.corrections.csv")


def test_a_remove_killed_at_any_step_is_undone_or_completed(project, tmp_path):
    fixes = FIXES / "letter-without-date.corrections.csv"
    assert _cli(project, "add", DATELESS, "--id", DATELESS_ID, "--corrections", fixes).returncode == 0
    _killed_at_every_step(project, tmp_path, "remove", DATELESS_ID)


def test_process_finishes_or_undoes_an_interrupted_add_first(project, tmp_path):
    """`compendium process` into data/processed recovers an interrupted add, as add, remove,
    process-all and build do (it used to leave the record for a later command)."""
    args = ("add", DATELESS, "--id", DATELESS_ID, "--corrections", FIXES / "letter-without-date.corrections.csv")
    n = _steps(project, tmp_path, *args)
    before = _consistent(project)
    assert _stepped(project, *args, KILL_AT=n).wait(timeout=120) == -9  # killed before its last step
    journal = project / "data" / ".compendium-journal.json"
    assert journal.exists()
    result = _cli(project, "process", project / "data" / "raw" / "letters" / f"{REAL_ID}.txt")
    assert result.returncode == 0, result.stderr
    assert f"an interrupted `compendium add {DATELESS_ID}` was" in result.stderr, result.stderr
    assert not journal.exists()
    assert _consistent(project) in (before, _consistent(tmp_path / "count"))


# --- 10. one line, not a traceback --------------------------------------------------------

def _read_only(root: Path, folders: list[Path], *args) -> subprocess.CompletedProcess:
    """The CLI with `folders` read-only: a read-only bind mount in a mount namespace of its own
    as root (who may write anywhere), the folders' modes otherwise."""
    env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
    cmd = [sys.executable, "-m", "compendium", *map(str, args)]
    if os.geteuid() != 0:
        dirs = [d for f in folders for d in (f, *(p for p in f.rglob("*") if p.is_dir()))]
        for d in dirs:
            d.chmod(0o555)
        try:
            return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=600)
        finally:
            for d in dirs:
                d.chmod(0o755)
    if not shutil.which("unshare"):
        pytest.skip("no unshare(1) to make a folder read-only for root")
    mounts = "".join(f'mount --bind "{f}" "{f}" && mount -o remount,bind,ro "{f}" && ' for f in folders)
    probe = subprocess.run(["unshare", "-m", "sh", "-c", mounts + "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {probe.stderr.strip()}")
    return subprocess.run(["unshare", "-m", "sh", "-c", mounts + 'exec "$@"', "sh", *cmd], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_a_read_only_reports_folder_says_the_workers_own_error(built):
    before = {p: p.read_bytes() for p in (built / "reports").rglob("*") if p.is_file()}
    result = _read_only(built, [built / "reports"], "build", "--force")
    line = _one_line(result, "timeline.html")
    assert "Read-only file system" in line or "Permission denied" in line, line
    assert {p: p.read_bytes() for p in (built / "reports").rglob("*") if p.is_file()} == before


def test_a_read_only_build_folder_is_one_line(built):
    (built / "build").mkdir(exist_ok=True)
    _one_line(_read_only(built, [built / "build"], "build"), "build: cannot write the build folder")


def test_a_read_only_data_raw_during_add_and_remove_is_one_line(project):
    (project / "data" / "removed").mkdir(parents=True)
    before = _consistent(project)
    for args in (("add", CORPUS_A), ("remove", REAL_ID)):
        _one_line(_read_only(project, [project / "data" / "raw"], *args), "data/raw/")
        assert _consistent(project) == before  # nothing half-done, no journal left
        assert not list((project / "data" / "removed").iterdir())


def test_out_a_symbolic_link_is_one_line_and_nothing_is_left(project, tmp_path):
    target = tmp_path / "real-out"
    first = _cli(project, "process", CORPUS_A, "--out", target)
    assert first.returncode == 0, first.stderr
    link = tmp_path / "link-out"
    link.symlink_to(target)
    before = sorted(p.name for p in target.iterdir())
    for _ in range(2):  # and again: nothing left behind makes the next run fail differently
        _one_line(_cli(project, "process", CORPUS_A, "--out", link), f"{link}: --out is a symbolic link")
    assert link.is_symlink() and sorted(p.name for p in target.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link-out", "project", "real-out"]


def test_a_name_over_255_bytes_and_loops_of_links_are_one_line(project, tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    long = tmp_path / ("x" * 300)
    _one_line(_cli(project, "process", CORPUS_A, "--out", long), "File name too long")
    _one_line(_cli(project, "process", CORPUS_A, "--out", tmp_path / "loop" / "sub"), "loop")
    _one_line(_cli(project, "process", CORPUS_A, "--out", tmp_path / "a" / "x"), "loop")
    _one_line(_cli(project, "check", tmp_path / "a"), f"{tmp_path / 'a'}: ")


def test_ascii_only_output_and_a_full_disk_on_stdout(project):
    letter = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    shown = _cli(project, "check", letter, env={"PYTHONIOENCODING": "ascii"})
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, shown.stderr
    assert "\\u2026" in shown.stdout  # '…' shown escaped, not a crash
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "compendium", "check", letter], stdout=full,
                              stderr=subprocess.PIPE, text=True, env={**os.environ, "COMPENDIUM_ROOT": str(project)})
    assert proc.returncode == 2 and proc.stderr == "compendium: error: standard output: No space left on device\n", \
        proc.stderr


# Ctrl-C while a module is being imported: `python -m compendium` with an import hook that sends
# SIGINT to the process itself when the named module starts loading (the first milliseconds of
# start-up, made deterministic).
INTERRUPT_AT_IMPORT = r'''
import os, runpy, signal, sys
target = sys.argv.pop(1)
class Hook:
    def find_spec(self, name, path=None, module=None):
        if name == target:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Hook())
sys.argv[0] = "compendium"
runpy.run_module("compendium", run_name="__main__", alter_sys=True)
'''


@pytest.mark.parametrize("module", ["compendium.cli", "argparse", "compendium.explain", "ftfy"])
def test_ctrl_c_during_start_up_is_one_line(project, module):
    letter = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    proc = subprocess.run([sys.executable, "-c", INTERRUPT_AT_IMPORT, module, "check", letter], cwd=project,
                          env={**os.environ, "COMPENDIUM_ROOT": str(project)}, capture_output=True, text=True)
    assert proc.returncode == 130, (proc.returncode, proc.stderr[-2000:])
    assert proc.stderr == "compendium: interrupted; finished outputs are in place, nothing half-written\n"


# --- 11. a reader's own configuration changes no page ---------------------------------------

@pytest.mark.slow
def test_a_readers_matplotlibrc_and_lab_template_change_no_page(built, tmp_path):
    home = tmp_path / "home"
    rc = "lines.linewidth: 9\nfont.size: 30\naxes.facecolor: red\nfigure.figsize: 3, 2\ntimezone: US/Pacific\n"
    (home / ".config" / "matplotlib").mkdir(parents=True)
    (home / ".config" / "matplotlib" / "matplotlibrc").write_text(rc, encoding="utf-8")
    (built / "matplotlibrc").write_text(rc, encoding="utf-8")  # the kernel's working folder is the project
    jupyter = tmp_path / "jupyter"
    lab = jupyter / "nbconvert" / "templates" / "lab"
    shutil.copytree(Path(sys.prefix) / "share" / "jupyter" / "nbconvert" / "templates" / "lab", lab)
    for name, extra in (("index.html.j2", "\n<!-- a reader's own template -->\n"),
                        ("static/index.css", "\nbody { color: red; }\n")):
        (lab / name).write_text((lab / name).read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = _cli(built, "build", "--force", env={"HOME": str(home), "JUPYTER_PATH": str(jupyter)})
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(ROOT / "reports") for p in (ROOT / "reports").rglob("*") if p.is_file())
    assert pages and sorted(p.relative_to(built / "reports") for p in (built / "reports").rglob("*") if p.is_file()) \
        == pages
    for page in pages:
        assert (built / "reports" / page).read_bytes() == (ROOT / "reports" / page).read_bytes(), page


# --- 12. Python's version is in the report keys; the index page and style sheet are stamped ---

def test_pythons_version_is_in_the_report_key(monkeypatch):
    from compendium import colophon
    from compendium.build import report_code_digest

    now = report_code_digest()
    monkeypatch.setattr(colophon, "python_version", lambda: "3.99")
    assert report_code_digest() != now


@pytest.mark.slow
def test_an_index_page_or_style_sheet_emptied_by_hand_is_rebuilt(built):
    first = _cli(built, "build")
    assert first.returncode == 0, first.stderr
    assert "up to date" in _cli(built, "build").stdout
    for page in (built / "reports" / "index.html", built / "reports" / "assets" / "report.css"):
        page.write_text("", encoding="utf-8")
        again = _cli(built, "build")
        assert again.returncode == 0 and "up to date" not in again.stdout, again.stdout
        rel = page.relative_to(built).as_posix()
        assert page.read_bytes() == (ROOT / rel).read_bytes(), rel
        assert "up to date" in _cli(built, "build").stdout


# --- 13, 14. a user's files are left alone; an unregistered raw letter is named once ----------

def test_leftovers_are_removed_only_where_the_compendium_writes(tmp_path):
    folder = tmp_path / "processed"
    (folder / "zz-mine").mkdir(parents=True)
    (folder / "zz-mine" / ".draft.tmp").write_text("mine", encoding="utf-8")
    (folder / "zz-mine" / ".notes.abcd1234.tmp").write_text("mine too", encoding="utf-8")
    (folder / ".draft.tmp").write_text("a name no writer of the compendium uses", encoding="utf-8")
    (folder / ".letter.abcd1234.tmp").mkdir()  # a killed process's staging folder
    atomic.remove_leftovers(folder)
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        ".draft.tmp", "zz-mine", "zz-mine/.draft.tmp", "zz-mine/.notes.abcd1234.tmp"]


@pytest.mark.slow
def test_a_build_keeps_a_users_files_and_names_an_unregistered_raw_letter_once(built):
    mine = built / "data" / "processed" / "zz-drafts"
    mine.mkdir()
    (mine / ".draft.tmp").write_text("mine", encoding="utf-8")
    stray = built / "data" / "raw" / "letters" / "2016-01-01-not-added.txt"
    shutil.copy(CORPUS_A, stray)
    for _ in range(2):  # a full build, then a build with nothing to do
        result = _cli(built, "build")
        assert result.returncode == 0, result.stderr
        assert (mine / ".draft.tmp").read_text(encoding="utf-8") == "mine"
        assert result.stdout.count("2016-01-01-not-added.txt") == 1, result.stdout
        assert "warning: data/raw/letters/2016-01-01-not-added.txt: not registered" in result.stdout
    assert "up to date" in result.stdout


# --- 15. a clone with core.autocrlf=true keeps the raw checksums -----------------------------

def test_a_clone_with_autocrlf_keeps_every_checksum(tmp_path):
    from compendium import rawdata

    if not shutil.which("git"):
        pytest.skip("git is not installed")
    repo, clone = tmp_path / "repo", tmp_path / "clone"
    shutil.copytree(ROOT / "data" / "raw", repo / "data" / "raw")
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main",
           "-c", "core.autocrlf=false"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "raw data"]):
        subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    subprocess.run(["git", "-c", "core.autocrlf=true", "clone", "-q", "--config", "core.autocrlf=true", str(repo),
                    str(clone)], check=True, capture_output=True)
    manifest = (clone / "data" / "raw" / "SHA256SUMS").read_text(encoding="utf-8")
    assert "\r" not in manifest
    for line in manifest.splitlines():
        digest, rel = line.split("  ")
        assert rawdata.sha256((clone / "data" / "raw" / rel).read_bytes()) == digest, rel


# --- 16. --jobs is capped by cores and memory -------------------------------------------------

def test_workers_are_capped_by_cores_memory_and_reports():
    from compendium.build.pool import KERNEL_MIB, worker_count

    assert worker_count(10_000, 100, 2, 64_000) == (2, "--jobs 10000: 2 worker(s) (2 cores, 64000 MiB of memory "
                                                       f"available, about {KERNEL_MIB} MiB a report's kernel)")
    assert worker_count(None, 100, 64, 1024)[0] == 1024 // KERNEL_MIB == 6
    assert worker_count(None, 100, 64, 100)[0] == 1  # less than one kernel's worth: still one worker
    assert worker_count(4, 1, 8, 64_000) == (1, "")  # one report: one worker, nothing capped that was needed
    assert worker_count(None, 3, 8, None) == (3, "")
    assert worker_count(2, 0, 8, 64_000) == (0, "")


@pytest.mark.slow
def test_a_build_with_ten_thousand_jobs_forks_no_more_than_the_cores(built):
    from compendium.build.pool import cores

    assert _cli(built, "add", CORPUS_A).returncode == 0  # two letters: five reports, more than the cores here
    result = _cli(built, "build", "--force", "--jobs", "10000")
    assert result.returncode == 0, result.stderr
    n = min(cores(), 5)
    assert f"--jobs 10000: {n} worker(s) ({cores()} cores, " in result.stdout, result.stdout
    assert f"summed over {n} workers" in result.stdout


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_below_one_is_one_line_and_builds_nothing(project, jobs):
    """--jobs 0 used to mean "one per core" and --jobs -3 "one", without a word."""
    reports = sorted(p.relative_to(project) for p in (project / "reports").rglob("*"))
    _one_line(_cli(project, "build", "--jobs", jobs), "--jobs", f"{jobs} is not a number of notebooks at once")
    assert sorted(p.relative_to(project) for p in (project / "reports").rglob("*")) == reports


# --- 7 (time limit). each notebook execution has a time limit ----------------------------------

@pytest.mark.slow
def test_a_notebook_over_its_time_limit_stops_the_build_in_one_line(buildable_project):
    import time

    import nbformat

    path = buildable_project / "notebooks" / "coalition.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(120)"))  # a letter that takes long
    nbformat.write(nb, path)
    t = time.monotonic()
    result = _cli(buildable_project, "build", "--notebook-time-limit", "4")
    assert time.monotonic() - t < 90
    _one_line(result, f"notebooks/coalition.ipynb on {REAL_ID}: stopped at its time limit of 4 seconds")
    assert not (buildable_project / "reports" / REAL_ID / "coalition.html").exists()
    _one_line(_cli(buildable_project, "build", env={"COMPENDIUM_NOTEBOOK_TIME_LIMIT": "soon"}),
              "COMPENDIUM_NOTEBOOK_TIME_LIMIT: 'soon' is not a number of seconds above 0")
