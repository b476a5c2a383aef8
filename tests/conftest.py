"""Session fixtures: the demo site is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from english_site import build_english_site
from helpers import CONTENT, build_site


def _build_once(tmp_path_factory, name: str, production: bool) -> Path:
    output = tmp_path_factory.mktemp(name) / "output"
    result = build_site(CONTENT, output, production=production)
    assert result.returncode == 0, f"demo build failed:\n{result.stdout}\n{result.stderr}"
    return output


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo content built with pelicanconf.py (relative URLs, for browsing)."""
    return _build_once(tmp_path_factory, "demo-dev", production=False)


@pytest.fixture(scope="session")
def demo_site_production(tmp_path_factory) -> Path:
    """The demo content built with publishconf.py (absolute URLs, feeds)."""
    return _build_once(tmp_path_factory, "demo-prod", production=True)


@pytest.fixture(scope="session")
def english_site(tmp_path_factory) -> Path:
    """The English fixture archive (DEFAULT_LANG = "en") with relative URLs."""
    return build_english_site(tmp_path_factory.mktemp("english-dev"))


@pytest.fixture(scope="session")
def english_site_production(tmp_path_factory) -> Path:
    """The English fixture archive built with publishconf.py (absolute URLs, feeds)."""
    return build_english_site(tmp_path_factory.mktemp("english-prod"), production=True)


@pytest.fixture(scope="session")
def pelican_meetup_wheel(tmp_path_factory) -> Path:
    """The distribution as a group would get it from PyPI, built once per session."""
    from package_helpers import build_wheel

    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def installed_package(pelican_meetup_wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv outside the repository with the wheel installed; its bin/."""
    from package_helpers import fresh_virtualenv

    return fresh_virtualenv(tmp_path_factory.mktemp("adopter"), pelican_meetup_wheel)
