"""A fresh clone stays clean: what setup, build and tests write is ignored, nothing
ignored is tracked (so `git status --porcelain` is empty after the README's
first command)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from helpers import IN_CI, ROOT

# What `bash .ci/setup && .venv/bin/invoke build` and `invoke test` write into the
# working tree.
GENERATED = [".venv/", "node_modules/", "meetup_site.egg-info/", "output/", ".cache/",
             ".output.building-x/", "plugins/meetup/__pycache__/", ".pytest_cache/",
             ".hypothesis/", "bench/corpus/", "bench/results/"]


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                          timeout=60)


@pytest.fixture(scope="module")
def repository():
    if shutil.which("git") is None or git("rev-parse", "--git-dir").returncode != 0:
        message = f"{ROOT} is no git checkout"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def test_nothing_ignored_is_tracked(repository):
    tracked_but_ignored = git("ls-files", "--cached", "--ignored", "--exclude-standard")
    assert tracked_but_ignored.returncode == 0, tracked_but_ignored.stderr
    assert tracked_but_ignored.stdout.splitlines() == []


@pytest.mark.parametrize("path", GENERATED)
def test_generated_paths_are_ignored(repository, path):
    result = git("check-ignore", "--no-index", "--quiet", path)
    assert result.returncode == 0, f"{path} is not ignored by .gitignore: git status would show it"
