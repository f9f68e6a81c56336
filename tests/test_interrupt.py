"""A build killed at any moment leaves every earlier output whole, and the next build completes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _outputs(root: Path) -> dict[str, bytes]:
    out = {}
    for sub in ("data/processed", "reports"):
        for p in sorted((root / sub).rglob("*")):
            # a writer's staging file or folder (*.tmp) and a set-aside folder (*.old*) are not
            # outputs: a killed build may leave them, the next one removes them (checked below)
            staging = any(part.endswith(".tmp") for part in p.relative_to(root).parts)
            if p.is_file() and not staging and ".old" not in p.parent.name:
                out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def _build(root: Path) -> subprocess.Popen:
    env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
    return subprocess.Popen([sys.executable, "-m", "compendium", "build"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_killed_builds_leave_old_or_new_outputs_never_half(buildable_project, tmp_path):
    root = buildable_project
    assert _build(root).wait() == 0
    before = _outputs(root)

    # A change that makes every output stale: a new context event for the letter.
    ctx = root / "data" / "raw" / "context_events.csv"
    ctx.write_text(ctx.read_text(encoding="utf-8") +
                   "2014-09-10-kerry-unga-north-korea,2014-10,A test event,,https://example.org/test,\n", encoding="utf-8")
    reference = tmp_path / "reference"
    shutil.copytree(root, reference)
    assert _build(reference).wait() == 0
    after = _outputs(reference)
    assert after != before

    for sig, delay in ((signal.SIGKILL, 0.7), (signal.SIGTERM, 1.8), (signal.SIGINT, 2.6), (signal.SIGKILL, 3.4)):
        proc = _build(root)
        time.sleep(delay)
        proc.send_signal(sig)
        proc.wait(timeout=60)
        now = _outputs(root)
        assert set(now) <= set(before) | set(after)
        for name, data in now.items():
            assert data in (before.get(name), after.get(name)), f"{name} is neither the old nor the new version"
        for name in before:  # nothing that existed is lost (a processed folder swap finishes on the next run)
            assert name in now or name.startswith("data/processed/"), name

    assert _build(root).wait() == 0
    assert _outputs(root) == after
    assert not list(root.rglob("*.tmp"))
