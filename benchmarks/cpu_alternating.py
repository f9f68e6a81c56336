"""CPU seconds a cold build costs per letter, this checkout's code against another's, alternating
on one generated corpus (old, new, old, new, ...), with every processed file and page compared
byte for byte between the two. CPU time (build process, report workers, their kernels) is less
sensitive to other work on the machine than wall time.

    git archive REV | tar -x -C /tmp/old
    .venv/bin/python benchmarks/cpu_alternating.py --old /tmp/old/src --letters 32 --runs 2

The other code runs from `--old` (a `src` folder, put first on PYTHONPATH for the build and its
kernels); the notebooks and raw data are this checkout's in both.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scaling import project  # noqa: E402
from memory_by_process import sample_build  # noqa: E402


def digests(root: Path) -> dict[str, str]:
    """relative path → sha256 of every file under data/processed and reports."""
    out = {}
    for top in ("data/processed", "reports"):
        for p in sorted((root / top).rglob("*")):
            if p.is_file():
                out[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def build(source: Path, work: Path, pythonpath: str | None) -> tuple[float, dict[str, float], float, dict]:
    """A cold build of a fresh copy of `source`; (CPU seconds in all, by role, wall, digests)."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(source, work, symlinks=True)
    env = {**os.environ, "COMPENDIUM_ROOT": str(work)}
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    r = sample_build([sys.executable, "-m", "compendium", "build"], env)
    by_role: dict[str, float] = {}
    for role, seconds in r["cpu"].values():
        by_role[role] = by_role.get(role, 0.0) + seconds
    return sum(by_role.values()), by_role, r["wall"], digests(work)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", type=Path, required=True, help="the other code's src folder")
    ap.add_argument("--letters", type=int, default=32)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        source = project(base, args.letters)
        cpu: dict[str, list[float]] = {"old": [], "new": []}
        seen: dict[str, dict] = {}
        for i in range(args.runs):
            for name, pp in (("old", str(args.old.resolve())), ("new", None)):
                load = os.getloadavg()[0]
                total, roles, wall, dig = build(source, base / "work", pp)
                cpu[name].append(total)
                print(f"run {i + 1} {name}: {total:.1f} s CPU ({total / args.letters:.3f} s a letter), "
                      f"wall {wall:.1f} s, load {load:.1f} before; "
                      + "; ".join(f"{r} {s:.1f}" for r, s in sorted(roles.items())), flush=True)
                if name in seen and seen[name] != dig:
                    print(f"  {name}: outputs differ between its own runs", flush=True)
                seen[name] = dig
        old, new = statistics.median(cpu["old"]), statistics.median(cpu["new"])
        print(f"median CPU a letter: old {old / args.letters:.3f} s, new {new / args.letters:.3f} s "
              f"(new/old {new / old:.2f}); load {os.getloadavg()[0]:.1f} after")
        differ = sorted(k for k in seen["old"].keys() | seen["new"].keys()
                        if seen["old"].get(k) != seen["new"].get(k))
        print(f"outputs: {len(seen['new'])} files, {len(differ)} differ between old and new"
              + (": " + ", ".join(differ[:20]) if differ else ""))


if __name__ == "__main__":
    main()
