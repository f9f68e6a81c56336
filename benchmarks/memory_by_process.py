"""Where a build's memory is: resident memory of each process of `compendium build`'s tree,
sampled every 50 ms, grouped by role (the build process, its report workers, their kernels),
for generated corpora of the given sizes. The peak of the whole tree is what
benchmarks/corpus_scaling.py reports; this says which process makes it.

    .venv/bin/python benchmarks/memory_by_process.py --sizes 256 1024
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scaling import project  # noqa: E402


_TICK = os.sysconf("SC_CLK_TCK")


def _table() -> dict[int, tuple[int, int, str, float]]:
    """pid → (parent pid, resident KiB, command line, CPU seconds so far)."""
    out = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            status = (d / "status").read_text()
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ppid = int(re.search(r"PPid:\s+(\d+)", status).group(1))
        m = re.search(r"VmRSS:\s+(\d+)", status)
        out[int(d.name)] = (ppid, int(m.group(1)) if m else 0, cmd, (int(stat[11]) + int(stat[12])) / _TICK)
    return out


def _roles(root_pid: int, table) -> dict[int, str]:
    """The build tree's processes by role: the build process, its workers (forked, same command
    line), their kernels (ipykernel) and anything else."""
    roles, stack = {root_pid: "build process"}, [root_pid]
    while stack:
        p = stack.pop()
        for pid, (ppid, _, cmd, _) in table.items():
            if ppid == p:
                if "ipykernel" in cmd:
                    roles[pid] = "kernel"
                elif roles[p] == "build process" and "compendium" in cmd:
                    roles[pid] = "worker"
                else:
                    roles[pid] = "other: " + cmd[:60]
                stack.append(pid)
    return roles


def sample_build(cmd: list[str], env: dict) -> dict:
    """Run the build; per role the peak of its largest process and the processes' share of the
    tree at the tree's peak."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak_by_pid: dict[int, tuple[str, int]] = {}
    tree_peak = [0, {}, 0.0]
    cpu: dict[int, tuple[str, float]] = {}  # pid → (role, CPU seconds when last seen)

    def sample():
        while proc.poll() is None:
            table = _table()
            roles = _roles(proc.pid, table)
            total = 0
            for pid, role in roles.items():
                rss = table[pid][1] if pid in table else 0
                total += rss
                if rss > peak_by_pid.get(pid, ("", 0))[1]:
                    peak_by_pid[pid] = (role, rss)
            if total > tree_peak[0]:
                tree_peak[:] = [total, {pid: (roles[pid], table[pid][1]) for pid in roles if pid in table},
                                time.perf_counter() - t0]
            cpu.update({pid: (role, table[pid][3]) for pid, role in roles.items() if pid in table and table[pid][2]})
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out = proc.communicate()[0]
    th.join()
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with exit {proc.returncode}")
    return {"wall": wall, "peak_by_pid": peak_by_pid, "cpu": cpu, "tree_peak": tree_peak, "summary": out.strip().splitlines()[-1]}


def _mib(kb: int) -> int:
    return round(kb / 1024)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[256, 1024])
    ap.add_argument("--keep", type=Path, help="build in this folder (kept) instead of a temporary one")
    args = ap.parse_args()
    py = sys.executable
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            root = project(base, n)
            env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
            load = os.getloadavg()[0]
            r = sample_build([py, "-m", "compendium", "build"], env)
            total, at_peak, when = r["tree_peak"]
            by_role: dict[str, list[int]] = {}
            for role, rss in at_peak.values():
                by_role.setdefault(role, []).append(rss)
            peaks: dict[str, list[int]] = {}
            for role, rss in r["peak_by_pid"].values():
                peaks.setdefault(role, []).append(rss)
            print(f"{n} letters: cold build {r['wall']:.1f} s (load {load:.1f} before); tree peak "
                  f"{_mib(total)} MiB at {when:.0f} s: " +
                  "; ".join(f"{role} {'+'.join(str(_mib(x)) for x in sorted(v, reverse=True))}"
                            for role, v in sorted(by_role.items())), flush=True)
            print("  each process's own peak (MiB): " +
                  "; ".join(f"{role} {'/'.join(str(_mib(x)) for x in sorted(v, reverse=True))}"
                            for role, v in sorted(peaks.items())), flush=True)
            cpu: dict[str, float] = {}
            for role, seconds in r["cpu"].values():
                cpu[role] = cpu.get(role, 0.0) + seconds
            print("  CPU seconds by role (as last sampled, up to 50 ms short): " +
                  "; ".join(f"{role} {s:.1f}" for role, s in sorted(cpu.items())) +
                  f"; per letter {sum(cpu.values()) / n:.3f} s", flush=True)
            print("  " + r["summary"], flush=True)


if __name__ == "__main__":
    main()
