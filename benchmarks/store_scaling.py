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
from build_vs_floor import machine  # noqa: E402
from generate import write_corpus  # noqa: E402

CODEBOOK = Path(__file__).resolve().parents[1] / "data" / "raw" / "codebook.csv"
CONTEXT = Path(__file__).resolve().parents[1] / "data" / "raw" / "context_events.csv"


def register(project: Path, raws: list[Path]) -> None:
    """The manifest names the registered letters (the store reads those in the project's data/processed)."""
    manifest = project / "data" / "raw" / "SHA256SUMS"
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text("".join(f"{'0' * 64}  letters/{r.stem}.txt\n" for r in sorted(raws)), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[128, 512])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, help="also write the table here (with the machine and load average)")
    args = ap.parse_args()
    tmp_root = Path(tempfile.mkdtemp(prefix="compendium-store-"))
    os.environ["COMPENDIUM_ROOT"] = str(tmp_root)  # the project's own data/processed: the build's digest cache
    (tmp_root / "build").mkdir()
    from compendium import store
    from compendium.explore import load_all
    from compendium.process import process
    from compendium.storemanifest import FOLDER

    lines = ["| letters | store rebuilt (s) | update, nothing changed (s) | one letter added: store update (s) | "
             "load_all (s, median) | store on disk (MB) |", "|---|---|---|---|---|---|"]
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        # The letters are processed elsewhere (process writes into data/processed registered letters only);
        # the project's data/processed links to them, so the store is the build's own (its digest cache).
        (Path(tmp) / "processed").mkdir()
        (tmp_root / "data").mkdir()
        (tmp_root / "data" / "processed").symlink_to(Path(tmp) / "processed")
        root, done = Path(tmp) / "processed", 0
        raws = write_corpus(Path(tmp) / "raw", max(args.sizes) + 1)
        extra = raws.pop()
        for n in sorted(args.sizes):
            for raw in raws[done:n]:
                process(raw, root / raw.stem, codebook=CODEBOOK, context=CONTEXT, warn=lambda m: None)
            done = n
            register(tmp_root, raws[:n])
            for p in [*(root / FOLDER).glob("*"), *(tmp_root / "build").glob("*")]:  # a rebuild from nothing
                p.unlink()
            t = time.perf_counter()
            store.update(root)
            rebuilt = time.perf_counter() - t
            t = time.perf_counter()
            store.update(root)
            noop = time.perf_counter() - t
            process(extra, root / extra.stem, codebook=CODEBOOK, context=CONTEXT, warn=lambda m: None)
            register(tmp_root, [*raws[:n], extra])
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
            lines.append(f"| {n} | {rebuilt:.2f} | {noop:.2f} | {added:.2f} | {statistics.median(loads):.3f} | {size:.2f} |")
            print(lines[-1], flush=True)
            for p in (root / extra.stem).iterdir():  # the next size starts without it
                p.unlink()
            (root / extra.stem).rmdir()
    shutil.rmtree(tmp_root, ignore_errors=True)
    if args.out:
        head = ["# The corpus store alone", "", f"Machine: {machine()}; load average when done {os.getloadavg()[0]:.1f}. "
                "Generated letters, processed without reports; one rebuild, one no-op update and one add per size, "
                f"load_all median of {args.repeat}. Regenerate: `.venv/bin/python benchmarks/store_scaling.py`.", ""]
        args.out.write_text("\n".join(head + lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
