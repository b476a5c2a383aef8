"""``invoke publish``: check, build for production, push to the gh-pages branch.

Nothing is pushed unless every step before it succeeded: the repository and
remote exist, the settings give an absolute SITEURL, the content check is
clean and the strict build went through.  The push itself is ghp-import
(``ghp-import -n -p -f``: .nojekyll, push, force), run in the repository.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

from . import sitebuild


class PublishFailed(Exception):
    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


def publish(repository: Path, settings_file: Path, output: Path, remote: str = "origin",
            branch: str = "gh-pages", content: Path | None = None, log=print) -> str:
    """Build ``output`` for production and push it to ``remote``/``branch``.

    Returns the SITEURL published to; raises PublishFailed (nothing pushed).
    """
    _require_remote(repository, remote)
    try:
        settings = sitebuild.read_settings(settings_file, content)
    except sitebuild.BuildFailed as failure:
        raise PublishFailed(failure.messages) from None
    siteurl = str(settings.get("SITEURL", ""))
    if not siteurl.startswith(("https://", "http://")):
        raise PublishFailed([
            f"{settings_file}: SITEURL ist {siteurl!r}; veröffentlicht wird nur mit absoluter "
            "Adresse (publishconf.py, MEETUP_SITEURL)"
        ])
    try:
        sitebuild.build(settings_file, output, content=content, log=log)
    except sitebuild.BuildFailed as failure:
        raise PublishFailed(failure.messages) from None
    if not (output / "index.html").is_file():
        raise PublishFailed([f"{output}/index.html fehlt nach dem Build"])
    _push(repository, output, remote, branch, _message(repository))
    return siteurl


def _git(repository: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True)


def _require_remote(repository: Path, remote: str) -> None:
    if _git(repository, "rev-parse", "--git-dir").returncode != 0:
        raise PublishFailed([f"{repository} ist kein Git-Repository"])
    if _git(repository, "remote", "get-url", remote).returncode != 0:
        raise PublishFailed([f"Git-Remote „{remote}“ gibt es nicht (git remote add {remote} URL)"])


def _message(repository: Path) -> str:
    head = _git(repository, "rev-parse", "--short", "HEAD")
    source = head.stdout.strip() if head.returncode == 0 else "ungespeichertem Stand"
    return f"Site aus {source} veröffentlicht"


def _push(repository: Path, output: Path, remote: str, branch: str, message: str) -> None:
    from ghp_import import GhpError, ghp_import

    try:
        with contextlib.chdir(repository):  # ghp-import runs git in the current folder
            ghp_import(str(output), mesg=message, remote=remote, branch=branch,
                       push=True, force=True, nojekyll=True)
    except GhpError as error:
        raise PublishFailed([f"ghp-import: {error.message}"]) from None
    except subprocess.CalledProcessError as error:
        raise PublishFailed([f"git push nach {remote}/{branch} fehlgeschlagen "
                             f"(Exit {error.returncode}); siehe git-Meldung oben"]) from None
    sys.stdout.flush()
