"""``invoke publish``: check, build for production, push to the gh-pages branch.

Nothing is pushed unless every step before it succeeded: the repository and
remote exist, the settings give the site's real absolute SITEURL (not the
placeholder of publishconf.py), the content is committed (or the organizer
said ``--allow-dirty``), the content check is clean and the strict build went
through.  The production build goes into a temporary folder and is pushed from
there, so ``output/`` stays the local build ``invoke serve`` shows.  The push
itself is ghp-import (.nojekyll, push, force), run in the repository; its
commit names the source commit, with ``-dirty`` when uncommitted changes went
out.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from . import contentcheck
from . import sitebuild
from ..i18n.language import N_, gettext as _

# Every message an organizer sees from publishing (English ids, shown in the
# site's language: message() translates them).
MESSAGES = {
    "not a repository": N_("{repository} is not a Git repository"),
    "no remote": N_("Git remote “{remote}” does not exist (git remote add {remote} URL, "
                    "or invoke publish --remote NAME)"),
    "no siteurl": N_("{settings}: SITEURL is missing; publishing needs the site's address, "
                     "e.g. MEETUP_SITEURL=https://NAME.github.io/REPO invoke publish"),
    "not absolute": N_("{settings}: SITEURL is “{siteurl}”; publishing needs an absolute "
                       "address (https://…), e.g. MEETUP_SITEURL=https://NAME.github.io/REPO "
                       "invoke publish"),
    "placeholder": N_("{settings}: SITEURL is “{siteurl}”, a placeholder; every link would "
                      "point there. Set the real address, e.g. "
                      "MEETUP_SITEURL=https://NAME.github.io/REPO invoke publish"),
    "dirty": N_("uncommitted changes {where}: {files}. Commit them first "
                "(git add … && git commit) or publish anyway with invoke publish --allow-dirty"),
    "in content": N_("in the content folder"),
    "in code": N_("in settings, theme or plugins"),
    "no index": N_("index.html is missing after the build"),
    "push failed": N_("git push to {remote}/{branch} failed (exit {code}); "
                      "see git's message above"),
    "ghp-import": N_("ghp-import: {message}"),
    "commit": N_("Site published from {source}"),
    "commit dirty": N_("Site published from {source}-dirty (with uncommitted changes)"),
    "no commit": N_("Site published from an uncommitted state (no commit yet)"),
}


def message(key: str, **values) -> str:
    """MESSAGES[key] in the site's language, filled in."""
    return _(MESSAGES[key]).format(**values)
# Hosts that stand for "fill in your own" (RFC 2606) or are no public address.
PLACEHOLDER_LABELS = frozenset({"example", "invalid", "test", "localhost"})
LOCAL_HOSTS = frozenset({"127.0.0.1", "::1", "0.0.0.0"})
SHOWN_FILES = 5


class PublishFailed(Exception):
    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


def publish(repository: Path, settings_file: Path, remote: str = "origin",
            branch: str = "gh-pages", content: Path | None = None, allow_dirty: bool = False,
            log=print) -> str:
    """Build the site for production into a temporary folder and push it to
    ``remote``/``branch``; ``output/`` is not touched.

    Returns the SITEURL published to; raises PublishFailed (nothing pushed).
    """
    try:
        # First: the site's language is that of every message after it.
        settings = sitebuild.read_settings(settings_file, content)
    except sitebuild.BuildFailed as failure:
        raise PublishFailed(failure.messages) from None
    _require_remote(repository, remote)
    siteurl = _require_siteurl(settings, settings_file)
    changes = _uncommitted(repository, settings, settings_file)
    if changes and not allow_dirty:
        # The content check's errors too: all there is to fix, in one go.
        raise PublishFailed(_content_errors(settings) + changes)
    with tempfile.TemporaryDirectory(prefix="meetup-publish-") as folder:
        site = Path(folder) / "site"
        try:
            sitebuild.build(settings_file, site, content=content, log=log)
        except sitebuild.BuildFailed as failure:
            raise PublishFailed(failure.messages) from None
        if not (site / "index.html").is_file():
            raise PublishFailed([message("no index")])
        _push(repository, site, remote, branch, _message(repository, dirty=bool(changes)))
    return siteurl


def _git(repository: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True)


def _require_remote(repository: Path, remote: str) -> None:
    if _git(repository, "rev-parse", "--git-dir").returncode != 0:
        raise PublishFailed([message("not a repository", repository=repository)])
    if _git(repository, "remote", "get-url", remote).returncode != 0:
        raise PublishFailed([message("no remote", remote=remote)])


def placeholder_siteurl(siteurl: str) -> bool:
    """https://example.github.io/…, https://www.example.com, http://localhost:8000 …"""
    host = (urlparse(siteurl).hostname or "").lower()
    return host in LOCAL_HOSTS or bool(PLACEHOLDER_LABELS & set(host.split(".")))


def _require_siteurl(settings: dict, settings_file: Path) -> str:
    siteurl = str(settings.get("SITEURL") or "").strip()
    values = {"settings": settings_file, "siteurl": siteurl}
    if not siteurl:
        raise PublishFailed([message("no siteurl", **values)])
    parsed = urlparse(siteurl)
    if parsed.scheme not in ("https", "http") or not parsed.hostname:
        raise PublishFailed([message("not absolute", **values)])
    if placeholder_siteurl(siteurl):
        raise PublishFailed([message("placeholder", **values)])
    return siteurl


def _content_errors(settings: dict) -> list[str]:
    try:
        return [str(problem) for problem in contentcheck.errors(sitebuild.check(settings))]
    except Exception:  # the build would report it; the refusal stands anyway
        return []


def _inside(repository: Path, path: Path) -> str | None:
    """``path`` relative to the repository, or None when it lies outside."""
    relative = os.path.relpath(Path(path).resolve(), Path(repository).resolve())
    return None if relative == ".." or relative.startswith(".." + os.sep) else relative


def _uncommitted(repository: Path, settings: dict, settings_file: Path) -> list[str]:
    """What the site is built from but is not committed: the content folder
    (new files included), the settings, the theme and the plugins (changed
    tracked files; caches such as __pycache__ do not count)."""
    problems = []
    content = _inside(repository, Path(settings["PATH"]))
    sources = [Path(settings_file), Path(settings_file).parent / "pelicanconf.py"]
    if settings.get("THEME"):
        sources.append(Path(settings["THEME"]))
    sources += [Path(path) for path in settings.get("PLUGIN_PATHS", [])]
    # The plugin itself, when the site's repository holds it (an editable install).
    sources.append(Path(__file__).resolve().parents[1])
    code = sorted({relative for path in sources if (relative := _inside(repository, path))})
    for where, paths, untracked in ((message("in content"), [content] if content else [], "all"),
                                    (message("in code"), code, "no")):
        if not paths:
            continue
        status = _git(repository, "-c", "core.quotePath=false", "status", "--porcelain",
                      f"--untracked-files={untracked}", "--", *paths)
        files = [line[3:] for line in status.stdout.splitlines() if line.strip()]
        if files:
            shown = ", ".join(files[:SHOWN_FILES]) + (" …" if len(files) > SHOWN_FILES else "")
            problems.append(message("dirty", where=where, files=shown))
    return problems


def _message(repository: Path, dirty: bool) -> str:
    head = _git(repository, "rev-parse", "--short", "HEAD")
    if head.returncode != 0:
        return message("no commit")
    return message("commit dirty" if dirty else "commit", source=head.stdout.strip())


def _push(repository: Path, site: Path, remote: str, branch: str, message: str) -> None:
    from ghp_import import GhpError, ghp_import

    try:
        with contextlib.chdir(repository):  # ghp-import runs git in the current folder
            ghp_import(str(site), mesg=message, remote=remote, branch=branch,
                       push=True, force=True, nojekyll=True)
    except GhpError as error:
        raise PublishFailed([message("ghp-import", message=error.message)]) from None
    except subprocess.CalledProcessError as error:
        raise PublishFailed([message("push failed", remote=remote, branch=branch,
                                     code=error.returncode)]) from None
    sys.stdout.flush()
