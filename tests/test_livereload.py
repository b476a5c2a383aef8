"""`invoke livereload`: serves the site and rebuilds it when content changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from helpers import ROOT, build_env, run_invoke

REPORT = """\
Title: Bericht vom Treffen im Oktober 2025
Date: 2025-10-21 18:30

### Teilnehmer

- Anna, Data Scientist, Firma A
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page and text in page:
            return page
        time.sleep(0.5)
    return None


def test_livereload_rebuilds_after_an_edit(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    content.mkdir()
    report = content / "2025-10-21-bericht.md"
    report.write_text(REPORT, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(port),
         "--content", str(content), "--output", str(output)],
        cwd=ROOT, env=build_env(PYTHONUNBUFFERED="1"), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/bericht-vom-treffen-im-oktober-2025/"
        assert wait_for(url, "1 Person", 90), "first build not served"
        report.write_text(REPORT + "- Bernd, Student, Uni\n", encoding="utf-8")
        page = wait_for(url, "2 Teilnehmende", 90)
        assert page is not None, "edit not rebuilt"
        # The browser is told to reload by livereload's script.
        assert "livereload.js" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        printed, _ = server.communicate(timeout=30)
    # Both builds are reported; the preview address once, and never the advice to
    # start `invoke serve`: livereload serves already.
    assert printed.count(f"Site gebaut: {output}") == 2, printed
    assert printed.count(f"Vorschau: http://127.0.0.1:{port}/") == 1, printed
    assert "invoke serve" not in printed, printed


def test_build_names_the_preview_command(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "2025-10-21-bericht.md").write_text(REPORT, encoding="utf-8")
    result = run_invoke("build", "--content", str(content), "--output", str(tmp_path / "output"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-2:] == [
        f"Site gebaut: {tmp_path / 'output'}", "Vorschau: invoke serve  (http://127.0.0.1:8000/)"]
