"""Rerun without installing: the repo2docker / Binder configuration in binder/.

There is no Docker daemon here, so the test asks repo2docker for the Dockerfile
it would build (`jupyter-repo2docker --no-build --debug .`) and checks that the
image gets Python 3.11, installs the pinned lock and runs binder/postBuild.
repo2docker runs from its own venv under build/tools/, pinned by
tools/repo2docker-requirements.txt (created on first use, from PyPI)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

PINS = ROOT / "tools" / "repo2docker-requirements.txt"


def test_binder_points_at_the_lock_and_postbuild_installs_the_package_and_kernel():
    req = [ln for ln in (ROOT / "binder" / "requirements.txt").read_text().splitlines() if ln and not ln.startswith("#")]
    assert req == ["-r ../requirements.lock"]
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    post = ROOT / "binder" / "postBuild"
    assert os.access(post, os.X_OK)
    text = post.read_text()
    assert "pip install --no-cache-dir --no-input --no-deps --no-build-isolation -e ." in text
    assert 'ipykernel install --sys-prefix --name compendium --display-name "Python (compendium)"' in text
    mode = subprocess.run(["git", "ls-files", "-s", "binder/postBuild"], cwd=ROOT, capture_output=True, text=True).stdout
    assert not mode or mode.startswith("100755"), "binder/postBuild must be committed executable"


def _repo2docker() -> Path:
    venv = ROOT / "build" / "tools" / f"repo2docker-{hashlib.sha256(PINS.read_bytes()).hexdigest()[:12]}"
    exe = venv / "bin" / "jupyter-repo2docker"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        proc = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-input",
                               "--disable-pip-version-check", "-r", str(PINS)], capture_output=True, text=True)
        if proc.returncode:
            pytest.fail(f"could not install repo2docker from {PINS.name}:\n{proc.stderr[-2000:]}")
    return exe


@pytest.mark.slow
def test_repo2docker_detects_the_configuration_installs_the_lock_and_runs_postbuild(tmp_path):
    proc = subprocess.run([str(_repo2docker()), "--no-build", "--debug", str(ROOT)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-3000:]
    assert "Building conda environment for python=3.11" in out
    lines = out.splitlines()
    copy_repo = next(i for i, ln in enumerate(lines) if ln.startswith("COPY") and " src/ ${REPO_DIR}/" in ln)
    install = next(i for i, ln in enumerate(lines) if 'pip install --no-cache-dir -r "binder/requirements.txt"' in ln)
    post = next(i for i, ln in enumerate(lines) if ln.strip() == "RUN ./binder/postBuild")
    # The lock is installed once the whole repository is in the image (requirements.txt refers
    # to ../requirements.lock), and postBuild runs after it.
    assert copy_repo < install < post
