"""Shared test helpers: real builds in a subprocess, pinned time, tool lookup."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
# 2025-11-26 12:00 Europe/Berlin: "now" for every test build.
PINNED_EPOCH = 1764154800
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


# A small site's report (the preview's and the catalogs' builds).
OCTOBER_REPORT = """\
Title: Bericht vom Treffen im Oktober 2025
Date: 2025-10-21 18:30

Wir haben über Embeddings gesprochen.

### Teilnehmer

- Anna Beispiel, Data Scientist, Firma A
- Bernd Muster, Student, Uni
"""

# publishconf.py's default SITEURL; tests never take it from the caller's shell.
PRODUCTION_SITEURL = "https://example.github.io/meetup-site"


def build_env(epoch: int | None = PINNED_EPOCH, **extra: str) -> dict:
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["MEETUP_SITEURL"] = PRODUCTION_SITEURL
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    env.update(extra)
    return env


def run_invoke(*args: str, epoch: int | None = PINNED_EPOCH, cwd: Path = ROOT, env=None,
               timeout: int = 300) -> subprocess.CompletedProcess:
    """Run ``invoke ARGS`` as an organizer would; never raises on failure."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=cwd,
        env=env or build_env(epoch),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def build_site(content: Path, output: Path, *, production: bool = False,
               settings: Path | None = None, epoch: int | None = PINNED_EPOCH,
               env=None) -> subprocess.CompletedProcess:
    args = ["build", "--content", str(content), "--output", str(output)]
    if production:
        args.append("--production")
    if settings is not None:
        args += ["--settings", str(settings)]
    return run_invoke(*args, epoch=epoch, env=env)


def write_settings(path: Path, base: str = "pelicanconf", **overrides) -> Path:
    """A settings file that imports the project's and overrides a few values."""
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        f"from {base} import *  # noqa",
        f"PATH = {str(CONTENT)!r}",
    ]
    lines += [f"{key} = {value!r}" for key, value in overrides.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def require_tool(path_or_name: str, what: str) -> str:
    """Find an external tool; missing is a skip locally, an error under CI=true."""
    found = shutil.which(path_or_name) or (path_or_name if Path(path_or_name).exists() else None)
    if found:
        return found
    message = f"{what} not found ({path_or_name}); run .ci/setup"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)
