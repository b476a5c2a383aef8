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

# Every message an organizer sees from publishing.
MESSAGES = {
    "not a repository": "{repository} ist kein Git-Repository",
    "no remote": "Git-Remote „{remote}“ gibt es nicht (git remote add {remote} URL, "
                 "oder invoke publish --remote NAME)",
    "no siteurl": "{settings}: SITEURL fehlt; veröffentlicht wird nur mit der Adresse der Site, "
                  "z. B. MEETUP_SITEURL=https://NAME.github.io/REPO invoke publish",
    "not absolute": "{settings}: SITEURL ist „{siteurl}“; veröffentlicht wird nur mit absoluter "
                    "Adresse (https://…), z. B. MEETUP_SITEURL=https://NAME.github.io/REPO "
                    "invoke publish",
    "placeholder": "{settings}: SITEURL ist „{siteurl}“, ein Platzhalter; alle Links zeigten "
                   "dorthin. Die echte Adresse setzen, z. B. "
                   "MEETUP_SITEURL=https://NAME.github.io/REPO invoke publish",
    "dirty": "nicht committete Änderungen {where}: {files}. Erst committen "
             "(git add … && git commit) oder mit invoke publish --allow-dirty trotzdem "
             "veröffentlichen",
    "no index": "index.html fehlt nach dem Build",
    "push failed": "git push nach {remote}/{branch} fehlgeschlagen (Exit {code}); "
                   "siehe git-Meldung oben",
    "ghp-import": "ghp-import: {message}",
    "commit": "Site aus {source} veröffentlicht",
    "commit dirty": "Site aus {source}-dirty veröffentlicht (mit nicht committeten Änderungen)",
    "no commit": "Site aus nicht committetem Stand veröffentlicht (noch kein Commit)",
}
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
    _require_remote(repository, remote)
    try:
        settings = sitebuild.read_settings(settings_file, content)
    except sitebuild.BuildFailed as failure:
        raise PublishFailed(failure.messages) from None
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
            raise PublishFailed([MESSAGES["no index"]])
        _push(repository, site, remote, branch, _message(repository, dirty=bool(changes)))
    return siteurl


def _git(repository: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True)


def _require_remote(repository: Path, remote: str) -> None:
    if _git(repository, "rev-parse", "--git-dir").returncode != 0:
        raise PublishFailed([MESSAGES["not a repository"].format(repository=repository)])
    if _git(repository, "remote", "get-url", remote).returncode != 0:
        raise PublishFailed([MESSAGES["no remote"].format(remote=remote)])


def placeholder_siteurl(siteurl: str) -> bool:
    """https://example.github.io/…, https://www.example.com, http://localhost:8000 …"""
    host = (urlparse(siteurl).hostname or "").lower()
    return host in LOCAL_HOSTS or bool(PLACEHOLDER_LABELS & set(host.split(".")))


def _require_siteurl(settings: dict, settings_file: Path) -> str:
    siteurl = str(settings.get("SITEURL") or "").strip()
    values = {"settings": settings_file, "siteurl": siteurl}
    if not siteurl:
        raise PublishFailed([MESSAGES["no siteurl"].format(**values)])
    parsed = urlparse(siteurl)
    if parsed.scheme not in ("https", "http") or not parsed.hostname:
        raise PublishFailed([MESSAGES["not absolute"].format(**values)])
    if placeholder_siteurl(siteurl):
        raise PublishFailed([MESSAGES["placeholder"].format(**values)])
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
    code = sorted({relative for path in sources if (relative := _inside(repository, path))})
    for where, paths, untracked in (("im Content-Ordner", [content] if content else [], "all"),
                                    ("in Einstellungen, Theme oder Plugins", code, "no")):
        if not paths:
            continue
        status = _git(repository, "-c", "core.quotePath=false", "status", "--porcelain",
                      f"--untracked-files={untracked}", "--", *paths)
        files = [line[3:] for line in status.stdout.splitlines() if line.strip()]
        if files:
            shown = ", ".join(files[:SHOWN_FILES]) + (" …" if len(files) > SHOWN_FILES else "")
            problems.append(MESSAGES["dirty"].format(where=where, files=shown))
    return problems


def _message(repository: Path, dirty: bool) -> str:
    head = _git(repository, "rev-parse", "--short", "HEAD")
    if head.returncode != 0:
        return MESSAGES["no commit"]
    return MESSAGES["commit dirty" if dirty else "commit"].format(source=head.stdout.strip())


def _push(repository: Path, site: Path, remote: str, branch: str, message: str) -> None:
    from ghp_import import GhpError, ghp_import

    try:
        with contextlib.chdir(repository):  # ghp-import runs git in the current folder
            ghp_import(str(site), mesg=message, remote=remote, branch=branch,
                       push=True, force=True, nojekyll=True)
    except GhpError as error:
        raise PublishFailed([MESSAGES["ghp-import"].format(message=error.message)]) from None
    except subprocess.CalledProcessError as error:
        raise PublishFailed([MESSAGES["push failed"].format(
            remote=remote, branch=branch, code=error.returncode)]) from None
    sys.stdout.flush()
