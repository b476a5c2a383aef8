"""The built distribution, installed into a fresh virtualenv outside the repository,
as a group that adopts the plugin and theme would install it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import ROOT

# What the wheel is built from: the repository's packaging, without its site.
SOURCES = ("pyproject.toml", "README.md", "plugins", "theme")


def build_wheel(folder: Path) -> Path:
    """``pip wheel`` of a copy of the sources (the build leaves no file in the repository)."""
    source = folder / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, source / name)
    wheels = folder / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--wheel-dir", str(wheels), str(source))
    (wheel,) = wheels.glob("pelican_meetup-*.whl")
    return wheel


def fresh_virtualenv(folder: Path, wheel: Path) -> Path:
    """A new virtualenv with the wheel and its declared dependencies (pinned by the
    project's constraints, as CI installs them); returns its ``bin/`` folder."""
    venv = folder / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    run(str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
        "--disable-pip-version-check", "-c", str(ROOT / "constraints.txt"), str(wheel))
    return venv / "bin"


def wheel_files(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def run(*args: str, cwd: Path | None = None, env: dict | None = None,
        timeout: int = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result
