"""The corpus store alone: generated letters processed (no reports), then the store rebuilt,
one letter added (its rows read, the files rewritten), and `load_all` timed, per corpus size.
In a temporary folder; the processing itself is not timed.

    .venv/bin/python benchmarks/store_scaling.py --sizes 128 512
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[128, 512])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    tmp_root = Path(tempfile.mkdtemp(prefix="compendium-store-"))
    os.environ["COMPENDIUM_ROOT"] = str(tmp_root)  # the project's own data/processed: the build's digest cache
    (tmp_root / "build").mkdir()
    from compendium import store
    from compendium.explore import load_all
    from compendium.process import process
    from compendium.storemanifest import FOLDER

    print("| letters | store rebuilt (s) | update, nothing changed (s) | one letter added: store update (s) | "
          "load_all (s, median) | store on disk (MB) |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        root, done = tmp_root / "data" / "processed", 0
        raws = write_corpus(Path(tmp) / "raw", max(args.sizes) + 1)
        extra = raws.pop()
        for n in sorted(args.sizes):
            for raw in raws[done:n]:
                process(raw, root / raw.stem, warn=lambda m: None)
            done = n
            for p in [*(root / FOLDER).glob("*"), *(tmp_root / "build").glob("*")]:
                p.unlink()
            t = time.perf_counter()
            store.update(root)
            rebuilt = time.perf_counter() - t
            t = time.perf_counter()
            store.update(root)
            noop = time.perf_counter() - t
            process(extra, root / extra.stem, warn=lambda m: None)
            t = time.perf_counter()
            delta = store.update(root)
            added = time.perf_counter() - t
            assert delta.changed == [extra.stem] and not delta.rebuilt
            loads = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                c = load_all(root)
                loads.append(time.perf_counter() - t)
            assert len(c.letters) == n + 1
            size = sum(p.stat().st_size for p in (root / FOLDER).iterdir()) / 1e6
            print(f"| {n} | {rebuilt:.2f} | {noop:.2f} | {added:.2f} | {statistics.median(loads):.3f} | {size:.2f} |", flush=True)
            for p in (root / extra.stem).iterdir():  # the next size starts without it
                p.unlink()
            (root / extra.stem).rmdir()
    shutil.rmtree(tmp_root, ignore_errors=True)


if __name__ == "__main__":
    main()
