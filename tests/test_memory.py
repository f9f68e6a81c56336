"""Memory of a build does not grow with the number of letters (issue 12): the peak
resident memory of the whole process tree (build process, workers, kernels) for
64 generated letters is within 20 % of the peak for 16.

Before the fix, a worker kept every kernel client nbclient opened (one per
notebook), each still subscribed to the kernel's output: the peak grew by
about 13 MiB per letter."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from support import ROOT

pytestmark = pytest.mark.slow


def _peak_mib(tmp: Path, n: int) -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus_scaling import project, run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    root = project(tmp, n)
    env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
    _, peak, out = run([sys.executable, "-m", "compendium", "build"], env)
    assert f"for {n} letter(s)" in out
    return peak


def test_peak_memory_of_a_build_is_flat_in_the_number_of_letters(tmp_path):
    small = _peak_mib(tmp_path / "small", 16)
    large = _peak_mib(tmp_path / "large", 64)
    assert large <= small * 1.2, f"peak memory {small} MiB for 16 letters, {large} MiB for 64"
    assert large < 1024, f"peak memory {large} MiB for 64 letters"
