"""Session fixtures: each shared site is built once per test run.

Under pytest-xdist (``invoke test`` runs two workers) "once" holds across the
workers too: the first worker that needs a site builds it into a folder of the
run's temporary root, under a lock; the others wait for it and use the same
folder.  Tests read these sites and never change them.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from english_site import build_english_site
from helpers import CONTENT, build_site


def built_once(tmp_path_factory, name: str, build: Callable[[Path], Path]) -> Path:
    """``build(root)`` into a fresh folder once per run, shared by every xdist worker.

    Without xdist this is ``build(tmp_path_factory.mktemp(name))``.  With it, the
    folder lies beside the workers' own temporary folders; a lock makes the other
    workers wait until the build is done, a marker file tells them where it went.
    A build that failed leaves no marker: the next worker asking tries again (and
    fails with its own message)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / "shared-builds"
    shared.mkdir(exist_ok=True)
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        done = shared / f"{name}.done"
        if done.is_file():
            return Path(done.read_text(encoding="utf-8"))
        root = shared / name
        if root.exists():  # what a failed attempt left
            shutil.rmtree(root)
        root.mkdir()
        built = build(root)
        done.write_text(str(built), encoding="utf-8")
        return built


def _build_demo(root: Path, production: bool) -> Path:
    output = root / "output"
    result = build_site(CONTENT, output, production=production)
    assert result.returncode == 0, f"demo build failed:\n{result.stdout}\n{result.stderr}"
    return output


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo content built with pelicanconf.py (relative URLs, for browsing)."""
    return built_once(tmp_path_factory, "demo-dev", lambda root: _build_demo(root, False))


@pytest.fixture(scope="session")
def demo_site_production(tmp_path_factory) -> Path:
    """The demo content built with publishconf.py (absolute URLs, feeds)."""
    return built_once(tmp_path_factory, "demo-prod", lambda root: _build_demo(root, True))


@pytest.fixture(scope="session")
def english_site(tmp_path_factory) -> Path:
    """The English fixture archive (DEFAULT_LANG = "en") with relative URLs."""
    return built_once(tmp_path_factory, "english-dev", build_english_site)


@pytest.fixture(scope="session")
def english_site_production(tmp_path_factory) -> Path:
    """The English fixture archive built with publishconf.py (absolute URLs, feeds)."""
    return built_once(tmp_path_factory, "english-prod",
                      lambda root: build_english_site(root, production=True))


@pytest.fixture(scope="session")
def pelican_meetup_wheel(tmp_path_factory) -> Path:
    """The distribution as a group would get it from PyPI, built once per run."""
    from package_helpers import build_wheel

    return built_once(tmp_path_factory, "wheel", build_wheel)


@pytest.fixture(scope="session")
def installed_package(pelican_meetup_wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv outside the repository with the wheel installed; its bin/."""
    from package_helpers import fresh_virtualenv

    return built_once(tmp_path_factory, "adopter",
                      lambda root: fresh_virtualenv(root, pelican_meetup_wheel))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The slow modules first (browser tests, then builds and external tools), the quick
    unit tests last: parallel workers take modules in this order, and long ones taken
    last would leave one worker running alone at the end.  A module's tests stay
    together and in their order (its module-scoped builds are made once)."""
    def rank(item) -> int:
        return 0 if item.get_closest_marker("browser") else \
            1 if item.get_closest_marker("slow") else 2

    module_rank: dict[str, int] = {}
    for item in items:
        module = item.nodeid.split("::")[0]
        module_rank[module] = min(module_rank.get(module, 2), rank(item))
    items.sort(key=lambda item: module_rank[item.nodeid.split("::")[0]])
