"""Start-up: `compendium process` (into a temporary --out) and `compendium check` of the seed
letter, each run as its own process, alternating; medians of wall time and of CPU time
(user + system, less sensitive to other load on the machine) and peak memory.

    .venv/bin/python benchmarks/startup.py --repeat 9     (part of `make bench`; writes benchmarks/results-startup.md)
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_vs_floor import machine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "letters" / "2014-09-10-kerry-unga-north-korea.txt"


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident memory (MiB) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-startup.md")
    args = ap.parse_args()
    exe = str(Path(sys.executable).with_name("compendium"))
    with tempfile.TemporaryDirectory(prefix="compendium-startup-") as tmp:
        cmds = {"process": [exe, "process", str(SEED), "--out", str(Path(tmp) / "seed")],
                "check": [exe, "check", str(SEED)]}
        for cmd in cmds.values():  # warm the disk cache and the bytecode
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs: dict[str, list[tuple[float, float, float]]] = {k: [] for k in cmds}
        for _ in range(args.repeat):
            for name, cmd in cmds.items():
                runs[name].append(timed(cmd))
    load = os.getloadavg()[0]
    lines = ["# Start-up: one letter, alone", "",
             f"Machine: {machine()}. Seed letter, {args.repeat} runs of each command, alternating; medians. "
             f"Load average when done: {load:.1f} (on {os.cpu_count()} cores: wall times above the CPU times "
             "mean the machine was shared).", "",
             "| command | wall (s) | CPU, user + system (s) | peak memory (MiB) |", "|---|---|---|---|"]
    for name, rs in runs.items():
        lines.append(f"| `compendium {name}` | {statistics.median(r[0] for r in rs):.2f} | "
                     f"{statistics.median(r[1] for r in rs):.2f} | {max(r[2] for r in rs):.0f} |")
    lines += ["", "Target: ≤ 0.8 s wall for each. Regenerate: `.venv/bin/python benchmarks/startup.py`."]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
