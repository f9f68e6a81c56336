"""JupyterLab's server, from the venv, sees the notebooks and starts the project's kernel."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support import ROOT

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(url: str, token: str, method: str = "GET", body: dict | None = None):
    req = urllib.request.Request(url, method=method, headers={"Authorization": f"token {token}"},
                                 data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(req, timeout=10) as resp:
        data = resp.read()
        return resp.status, (json.loads(data) if data else None)


def test_server_lists_notebooks_and_starts_the_project_kernel(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    server = subprocess.Popen(
        [str(jupyter), "server", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}", "--allow-root"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _call(f"{base}/api/status", token)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("jupyter server did not start within 60 s")
                time.sleep(0.3)
        status, listing = _call(f"{base}/api/contents/notebooks", token)
        names = {item["name"] for item in listing["content"]}
        assert {"timeline.ipynb", "coalition.ipynb"} <= names

        status, specs = _call(f"{base}/api/kernelspecs", token)
        assert "compendium" in specs["kernelspecs"]

        status, kernel = _call(f"{base}/api/kernels", token, "POST", {"name": "compendium"})
        assert status == 201 and kernel["name"] == "compendium"
        status, _ = _call(f"{base}/api/kernels/{kernel['id']}", token, "DELETE")
        assert status == 204
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
