"""How the build grows with the corpus: generated corpora of 1, 32 and 128 letters (512 on request).

For each size, in a temporary project (never data/raw): cold build, no-op
build, rebuild after changing one letter, and the floor (one plain process
that imports the same libraries and processes the same letters). Repeated
runs alternate; the table gives medians and ratios measured in the same run,
peak memory of the whole process tree (driver and kernels), and the build's
own phase times. Writes benchmarks/results.md and benchmarks/time-per-letter.svg.

    make bench          (or: .venv/bin/python benchmarks/corpus_scaling.py --sizes 1 32 128 512 --repeat 3)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_vs_floor import FLOOR, machine  # noqa: E402
from generate import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            status = (d / "status").read_text()
        except OSError:
            continue
        ppid = int(re.search(r"PPid:\s+(\d+)", status).group(1))
        m = re.search(r"VmRSS:\s+(\d+)", status)
        children.setdefault(ppid, []).append(int(d.name))
        rss[int(d.name)] = int(m.group(1)) if m else 0
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack += children.get(p, [])
    return total


def run(cmd: list[str], env: dict) -> tuple[float, int, str]:
    """Wall time, peak resident memory of the process tree (MiB) and stdout."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out = proc.communicate()[0]
    wall = time.perf_counter() - t
    th.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with exit {proc.returncode}")
    return wall, peak[0] // 1024, out


def project(tmp: Path, n: int) -> Path:
    root = tmp / "project"
    raw = root / "data" / "raw"
    (raw / "letters").mkdir(parents=True)
    for name in ("codebook.csv", "context_events.csv"):
        shutil.copy2(ROOT / "data" / "raw" / name, raw / name)
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copy2(ROOT / "requirements.lock", root / "requirements.lock")
    from compendium import register

    os.environ["COMPENDIUM_ROOT"] = str(root)
    for path in write_corpus(tmp / "generated", n):
        register.add(path)
    del os.environ["COMPENDIUM_ROOT"]
    return root


def change_one_letter(root: Path) -> None:
    """A new version of one letter (as a curator would register it), manifest updated."""
    from compendium import rawdata

    os.environ["COMPENDIUM_ROOT"] = str(root)
    try:
        path = sorted((root / "data" / "raw" / "letters").glob("*.txt"))[0]
        text = path.read_text(encoding="utf-8").replace("Dear Secretary Kerry,", "Dear Mr. Secretary Kerry,")
        path.write_text(text, encoding="utf-8")
        entries = rawdata.read_manifest()
        entries[f"letters/{path.name}"] = rawdata.sha256(path.read_bytes())
        (root / "data" / "raw" / "SHA256SUMS").write_text(rawdata.manifest_text(entries), encoding="utf-8")
    finally:
        del os.environ["COMPENDIUM_ROOT"]


def add_one_letter(root: Path, tmp: Path, seed: int) -> str:
    """A new generated letter registered with `compendium add` (as a curator adds one); its id."""
    from compendium import register

    path = write_corpus(tmp / "added", 1, seed=seed)[0]
    letter_id = path.stem.replace("generated", "added")
    os.environ["COMPENDIUM_ROOT"] = str(root)
    try:
        register.add(path, letter_id)
    finally:
        del os.environ["COMPENDIUM_ROOT"]
    return letter_id


def remove_one_letter(root: Path, letter_id: str) -> None:
    """`compendium remove`: the letter leaves the manifest; the next build drops its outputs."""
    from compendium import lock, registry

    os.environ["COMPENDIUM_ROOT"] = str(root)
    try:
        with lock.exclusive():  # as `compendium remove` holds it
            registry.recover()
            registry.remove(letter_id)
    finally:
        del os.environ["COMPENDIUM_ROOT"]


# compendium.explore.load_all on the built project, timed inside its process (imports excluded).
LOAD_ALL = """
import sys, time
from compendium.explore import load_all
t = time.perf_counter()
c = load_all()
print(f"{time.perf_counter() - t:.4f} {len(c.letters)}")
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 32, 128])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--once-above", type=int, default=128, help="sizes above this run once (512 takes minutes)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md",
                    help="the results table (the figure benchmarks/time-per-letter.svg only with the default)")
    ap.add_argument("--note", default="", help="a line saying under what conditions the figures were taken")
    args = ap.parse_args()
    py = sys.executable
    rows = []
    phases_note = {}
    for n in args.sizes:
        res: dict[str, list[float]] = {"cold": [], "no-op": [], "no-op again": [], "one letter changed": [],
                                       "one letter added": [], "one letter removed": [], "load_all": [], "floor": []}
        loads: list[float] = []  # the 1-minute load average before each timed command (other work on the machine)
        mem: dict[str, list[int]] = {"cold": [], "floor": []}
        pages: list[tuple[int, int]] = []  # (median letter page, whole reports/ folder) in bytes
        repeat = args.repeat if n <= args.once_above else 1
        for i in range(repeat):
            with tempfile.TemporaryDirectory() as tmp:
                root = project(Path(tmp), n)
                env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
                loads.append(os.getloadavg()[0])
                wall, peak, out = run([py, "-m", "compendium", "build"], env)
                res["cold"].append(wall)
                mem["cold"].append(peak)
                phases_note[n] = out.strip().splitlines()[-1]
                letter_pages = sorted(p.stat().st_size for p in (root / "reports").glob("*/*.html"))
                pages.append((letter_pages[len(letter_pages) // 2],
                              sum(p.stat().st_size for p in (root / "reports").rglob("*") if p.is_file())))
                # The first no-op reads what the cold build wrote (its stat cache holds no file younger
                # than two seconds, compendium.hashcache); the second finds every digest in the cache.
                loads.append(os.getloadavg()[0])
                res["no-op"].append(run([py, "-m", "compendium", "build"], env)[0])
                time.sleep(2.1)
                res["no-op again"].append(run([py, "-m", "compendium", "build"], env)[0])
                change_one_letter(root)
                loads.append(os.getloadavg()[0])
                res["one letter changed"].append(run([py, "-m", "compendium", "build"], env)[0])
                added = add_one_letter(root, Path(tmp), seed=1000 + n + i)
                loads.append(os.getloadavg()[0])
                res["one letter added"].append(run([py, "-m", "compendium", "build"], env)[0])
                remove_one_letter(root, added)
                loads.append(os.getloadavg()[0])
                res["one letter removed"].append(run([py, "-m", "compendium", "build"], env)[0])
                seconds, count = run([py, "-c", LOAD_ALL], env)[2].split()
                assert int(count) == n, (count, n)
                res["load_all"].append(float(seconds))
                wall, peak, _ = run([py, "-c", FLOOR, str(Path(tmp) / "floor")], env)
                res["floor"].append(wall)
                mem["floor"].append(peak)
            print(f"{n} letters, run {i + 1}/{repeat}: " +
                  ", ".join(f"{k} {v[-1]:.2f} s" for k, v in res.items()) +
                  f"; peak memory {mem['cold'][-1]} MiB (floor {mem['floor'][-1]} MiB); "
                  f"letter page {pages[-1][0]} B, reports/ {pages[-1][1]} B; load average "
                  f"{min(loads):.1f}-{max(loads):.1f}", flush=True)
        med = {k: statistics.median(v) for k, v in res.items()}
        rows.append({"n": n, **med, "mem_cold": statistics.median(mem["cold"]),
                     "mem_floor": statistics.median(mem["floor"]), "runs": repeat,
                     "page": statistics.median(p for p, _ in pages), "reports": statistics.median(r for _, r in pages),
                     "load": (min(loads), statistics.median(loads), max(loads))})
        write_results(rows, phases_note, args)  # after each size: a long run interrupted keeps what it measured


def write_results(rows: list[dict], phases_note: dict, args) -> None:
    lines = [
        "# How the build grows with the corpus",
        "",
        f"Machine: {machine()}. Generated letters (benchmarks/generate.py, 5–15 signatories each); "
        f"{args.repeat} repetitions per size (sizes above {args.once_above}: one), alternating; medians in seconds. "
        "Reports per letter: 2, plus the corpus report from 2 letters on. Peak memory: resident memory of the "
        "whole process tree (build process, workers, kernels), sampled every 50 ms. Load average: the machine's "
        "1-minute load average before each timed build (2 cores: above 2, other work competed; 'busy' above 1.5).",
        "",
        "| letters | runs | cold build | no-op | no-op again | one letter changed | one letter added | one letter removed | "
        "load_all | floor | cold / floor | no-op / cold | cold per letter | peak memory, build (MiB) | "
        "peak memory, floor (MiB) | letter page (KB, median) | reports/ (MB) | load average (min / median / max) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    if args.note:
        lines[2:2] = [f"**{args.note}**", ""]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['runs']} | {r['cold']:.2f} | {r['no-op']:.2f} | {r['no-op again']:.2f} | "
            f"{r['one letter changed']:.2f} | "
            f"{r['one letter added']:.2f} | {r['one letter removed']:.2f} | {r['load_all']:.3f} | "
            f"{r['floor']:.2f} | {r['cold'] / r['floor']:.2f} | {r['no-op'] / r['cold']:.1%} | "
            f"{r['cold'] / r['n']:.2f} | {r['mem_cold']} | {r['mem_floor']} | {r['page'] / 1000:.0f} | "
            f"{r['reports'] / 1e6:.1f} | {' / '.join(f'{x:.1f}' for x in r['load'])} |")
    lines += ["", "Cost of one letter added (a build after `compendium add` of one generated letter):", ""]
    lines += [f"- {r['n']} letters: {r['one letter added']:.2f} s" for r in rows]
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        per = (b["one letter added"] - a["one letter added"]) / (b["n"] - a["n"])
        at = b["one letter added"] + per * (100_000 - b["n"])
        small = next((r for r in rows if r["n"] >= 32), rows[0])
        lines += ["", f"An add grows by {per * 1000:.2f} ms per letter already in the corpus ({a['n']} → {b['n']}); "
                  f"extrapolated linearly, one letter added to 100,000 letters ≈ {at:.0f} s. "
                  f"Ratio of the add at {b['n']} letters to the add at {small['n']}: "
                  f"{b['one letter added'] / small['one letter added']:.2f}."]
    lines += ["", "The build's own account of its last cold run per size (phase times summed over workers):", ""]
    lines += [f"- {n} letters: {note}" for n, note in phases_note.items()]
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        slope = (b["cold"] - a["cold"]) / (b["n"] - a["n"])
        lines += ["", f"Marginal cost between {a['n']} and {b['n']} letters: **{slope:.2f} s per letter** "
                  f"(cold). Extrapolated on this machine: 1,000 letters ≈ {a['cold'] + slope * (1000 - a['n']):.0f} s, "
                  f"100,000 letters ≈ {(a['cold'] + slope * (100000 - a['n'])) / 3600:.1f} h."]
    lines += ["", "Regenerate: `make bench`.", ""]
    text = "\n".join(lines)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    if args.out != ROOT / "benchmarks" / "results.md":
        return

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "compendium-bench"
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.plot([r["n"] for r in rows], [r["cold"] / r["n"] for r in rows], "o-", label="cold build")
    ax.plot([r["n"] for r in rows], [r["floor"] / r["n"] for r in rows], "s--", label="floor")
    ax.set_xscale("log", base=2)
    ax.set_xlabel("letters in the corpus")
    ax.set_ylabel("seconds per letter")
    ax.legend(frameon=False)
    fig.savefig(ROOT / "benchmarks" / "time-per-letter.svg", bbox_inches="tight", metadata={"Date": None})


if __name__ == "__main__":
    main()
