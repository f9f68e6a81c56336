"""Cold `make reports` against its floor, measured in the same run.

The floor is one plain Python process that imports the libraries the build
uses and processes the same letters: what any build must pay at least.
Runs alternate (build, floor, no-op, ...) so drift affects both alike; the
table reports medians over the repetitions and their ratios.

    .venv/bin/python benchmarks/build_vs_floor.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = """
import sys
import pandas, matplotlib.pyplot, networkx, pandera.pandas, dateparser, ftfy, nameparser
import papermill, nbconvert
from pathlib import Path
from compendium import rawdata
from compendium.process import process
for letter_id, raw in rawdata.registered_letters():
    process(raw, Path(sys.argv[1]) / letter_id, letter_id, warn=lambda m: None)
"""


def project_copy(tmp: Path) -> Path:
    root = tmp / "project"
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copy2(ROOT / "requirements.lock", root / "requirements.lock")
    return root


def timed(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-build.md")
    args = ap.parse_args()
    py = sys.executable
    results: dict[str, list[float]] = {"cold build": [], "no-op build": [], "floor": [], "floor + fastimport": []}
    for i in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            root = project_copy(Path(tmp))
            env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
            results["cold build"].append(timed([py, "-m", "compendium", "build"], env))
            results["no-op build"].append(timed([py, "-m", "compendium", "build"], env))
            results["floor"].append(timed([py, "-c", FLOOR, str(Path(tmp) / "f1")], env))
            fast = "from compendium import fastimport; fastimport.install()\n" + FLOOR
            results["floor + fastimport"].append(timed([py, "-c", fast, str(Path(tmp) / "f2")], env))
        print(f"run {i + 1}/{args.repeat}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in results.items()), flush=True)
    med = {k: statistics.median(v) for k, v in results.items()}
    lines = [
        "# Cold build against its floor",
        "",
        f"Machine: {machine()}. Letters: {len(list((ROOT / 'data/raw/letters').glob('*.txt')))}. "
        f"Repetitions: {args.repeat}, alternating; medians in seconds.",
        "",
        "| measure | median (s) | min (s) | max (s) | ratio to floor |",
        "|---|---|---|---|---|",
    ]
    for k, v in results.items():
        lines.append(f"| {k} | {med[k]:.2f} | {min(v):.2f} | {max(v):.2f} | {med[k] / med['floor']:.2f} |")
    lines += [
        "",
        f"Cold build / floor: **{med['cold build'] / med['floor']:.2f}** (target: at most 3). "
        f"No-op / cold: **{med['no-op build'] / med['cold build']:.1%}** (target: under 5%).",
        "",
        "`floor` imports pandas, matplotlib, networkx, pandera, dateparser, ftfy, nameparser, papermill and",
        "nbconvert in one plain process and processes every letter. `floor + fastimport` is the same with",
        "compendium.fastimport's deferred rfc3987_syntax import, the one upstream workaround the build uses.",
        "Regenerate: `.venv/bin/python benchmarks/build_vs_floor.py`.",
        "",
    ]
    text = "\n".join(lines)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
