"""Constants and small helpers shared by the browser tests (not fixtures)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
WIDTHS = {"phone": 390, "desktop": 1280}
LOCAL_HOSTS = ("127.0.0.1", "localhost")


def html_pages(site: Path) -> list[str]:
    """URL paths of every built HTML page ("" for the home page)."""
    paths = []
    for file in site.rglob("*.html"):
        relative = file.relative_to(site)
        if relative.parts[0] == "pagefind":
            continue
        path = relative.as_posix()
        paths.append(path[: -len("index.html")] if path.endswith("index.html") else path)
    return sorted(paths)


def newest_report_path(site: Path) -> str:
    """The report the home page presents as the newest one."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = home.select_one('[aria-labelledby="latest-heading"] h3 a')
    assert link is not None, "home page shows no newest report"
    return link["href"].removeprefix("./")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SiteServer:
    """``python -m http.server`` on a free local port, stopped by its PID.

    Another process (a second xdist worker) can take the port between the probe
    and the server's bind; the server then exits at once and another port is tried."""

    def __init__(self, root: Path, attempts: int = 5):
        self.root = root
        for _ in range(attempts):
            self.port = free_port()
            self.url = f"http://127.0.0.1:{self.port}/"
            self.process = subprocess.Popen(
                [sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                 "--directory", str(root), str(self.port)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if self._wait_until_serving():
                return
        raise RuntimeError(f"http.server for {root} did not start")

    def _wait_until_serving(self) -> bool:
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(self.url, timeout=1) as response:
                    served = response.read()
                # Ours: it serves this folder's home page (not another server's).
                home = self.root / "index.html"
                if not home.is_file() or served == home.read_bytes():
                    return True
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                return False
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
