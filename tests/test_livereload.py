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


def browser_reloads(port: int, action, expected: int, quiet: float = 3,
                    seconds: float = 90) -> list[float]:
    """Connected as livereload.js is, ``action()`` done: the seconds after it at which
    the server said "reload", until ``quiet`` seconds passed after the ``expected``-th
    (or ``seconds`` in all)."""
    import asyncio
    import concurrent.futures
    import json

    from tornado.websocket import websocket_connect

    async def listen() -> list[float]:
        socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        socket.write_message(json.dumps({"command": "hello", "protocols": [
            "http://livereload.com/protocols/official-7"]}))
        await socket.read_message()  # the server's hello
        socket.write_message(json.dumps({"command": "info", "url": "http://test/"}))
        # livereload's own reload 2 s after its first look at the files (for browsers
        # still open from before a restart) comes first.
        while True:
            try:
                await asyncio.wait_for(socket.read_message(), timeout=3.5)
            except asyncio.TimeoutError:
                break
        start = time.monotonic()
        action()
        reloads: list[float] = []
        end = start + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                message = await asyncio.wait_for(socket.read_message(), timeout=left)
            except asyncio.TimeoutError:
                break
            if message is None:
                break
            if json.loads(message).get("command") == "reload":
                reloads.append(round(time.monotonic() - start, 1))
                if len(reloads) == expected:
                    end = min(end, time.monotonic() + quiet)
        socket.close()
        return reloads

    # A thread of its own: its event loop must not meet one a browser test's Playwright
    # keeps running in this pytest worker's main thread.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, listen()).result()


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

        def edit():
            report.write_text(REPORT + "- Bernd, Student, Uni\n", encoding="utf-8")

        # A browser's view: a reload when the edited page is there, one more when the
        # whole site is, and none after (nothing it writes starts another build).
        reloads = browser_reloads(port, edit, expected=2)
        page = wait_for(url, "2 Teilnehmende", 90)
        assert page is not None, "edit not rebuilt"
        # The browser is told to reload by livereload's script.
        assert "livereload.js" in page
        assert len(reloads) == 2, reloads
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
