"""What a site's ``tasks.py`` calls: one function per organizer command.

Both this project's ``tasks.py`` and the one ``invoke init`` writes into a new
site are thin: each task calls one of these with the site's folder.  A failure
raises invoke's ``Exit`` with the message (and prints the details to stderr),
never a traceback.  What they print is in the site's language (``DEFAULT_LANG``
of the settings they read; English until the settings are read).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from invoke import Exit

from ..i18n.language import gettext as _, ngettext


def settings_file(root: Path, production: bool = False) -> Path:
    return Path(root) / ("publishconf.py" if production else "pelicanconf.py")


def build(root: Path, production: bool = False, output: Path | None = None,
          content: Path | None = None, settings: Path | None = None) -> None:
    """``invoke build``: the site into output/ (kept as it was if the build fails)."""
    root = Path(root)
    run_build(Path(output or root / "output"), Path(content or root / "content"),
              Path(settings) if settings else settings_file(root, production))
    print(_("Preview: invoke serve  (http://127.0.0.1:8000/)"))


def run_build(target: Path, content: Path, settings: Path) -> None:
    """One build with its messages; Exit(1) when it fails (target unchanged)."""
    from .sitebuild import BuildFailed
    from .sitebuild import build as build_site

    try:
        build_site(settings, target, content=content)
    except BuildFailed as failure:
        for message in failure.messages:
            print(_("ERROR: {message}").format(message=message), file=sys.stderr)
        raise Exit(_("Build failed; {path} is unchanged.").format(path=target), code=1)
    print(_("Site built: {path}").format(path=target))


def serve(root: Path, port: int = 8000, output: Path | None = None) -> None:
    """``invoke serve``: output/ on http://127.0.0.1:PORT/ (no rebuild)."""
    folder = Path(output or Path(root) / "output")
    subprocess.run([sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                    "--directory", str(folder), str(port)], check=False)


def livereload(root: Path, port: int = 8000, content: Path | None = None,
               output: Path | None = None, watch: tuple[str, ...] = ()) -> None:
    """``invoke livereload``: build, serve, rebuild and reload on every change of the
    content, the settings and the files the glob patterns in ``watch`` match."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    from .preview import Preview
    from .sitebuild import BuildFailed

    root = Path(root)
    content = Path(content or root / "content")
    output = Path(output or root / "output")

    def print_errors(messages):
        for message in messages:
            print(_("ERROR: {message}").format(message=message), file=sys.stderr)

    # The server's loop (serve() runs it in this thread); livereload's message to the
    # browsers is sent from there.
    loop = IOLoop.current()

    def reload_browsers():
        if LiveReloadHandler.watcher is not None:  # the server runs
            loop.add_callback(LiveReloadHandler.reload_waiters)

    # The edited page first; the whole site and the search index are made after it, in
    # the background, and the browser reloads again when the whole site is there.
    preview = Preview(settings_file(root), content, output, on_index_failure=print_errors,
                      on_complete=reload_browsers)

    def rebuild():
        try:
            preview.rebuild()
        except BuildFailed as failure:  # keep serving the last good site
            print_errors(failure.messages)
            print(_("Build failed; {path} is unchanged.").format(path=output), file=sys.stderr)
            return
        print(_("Site built: {path}").format(path=output))
        if LiveReloadHandler.watcher is not None:
            # Now, in the server's loop (rebuild runs there): livereload's own reload after
            # this task is skipped within 3 s of another, e.g. the background one.
            LiveReloadHandler.reload_waiters()

    rebuild()
    print(_("Preview: http://127.0.0.1:{port}/  (rebuilds on every change, Ctrl+C stops)")
          .format(port=port))
    server = Server()
    patterns = [f"{content}/**/*", f"{root}/pelicanconf.py"]
    patterns += list(watch)
    for pattern in patterns:
        server.watch(pattern, rebuild)
    try:
        server.serve(host="127.0.0.1", port=port, root=str(output))  # until Ctrl+C
    finally:
        preview.stop_indexing()  # the background build runs in a process group of its own


def check(root: Path, content: Path | None = None, settings: Path | None = None) -> None:
    """``invoke check``: all content, every problem as file:line: message."""
    from .contentcheck import count_sources, errors
    from .sitebuild import BuildFailed, check as check_content, read_settings

    root = Path(root)
    try:
        site_settings = read_settings(Path(settings) if settings else settings_file(root),
                                      Path(content or root / "content"))
    except BuildFailed as failure:
        raise Exit("\n".join(_("ERROR: {message}").format(message=m) for m in failure.messages),
                   code=1) from None
    problems = check_content(site_settings, with_facts=True)
    for problem in problems:
        print(problem)
    found = len(errors(problems))
    hints = len(problems) - found
    if found:
        raise Exit(ngettext("{count} error, {hints}: please correct them.",
                            "{count} errors, {hints}: please correct them.", found)
                   .format(count=found, hints=_hints(hints)), code=1)
    files = count_sources(Path(site_settings["PATH"]), site_settings)
    print(ngettext("Content is fine: {count} file checked, no errors, {hints}.",
                   "Content is fine: {count} files checked, no errors, {hints}.", files)
          .format(count=files, hints=_hints(hints)))


def _hints(count: int) -> str:
    return ngettext("{count} hint", "{count} hints", count).format(count=count)


def new(root: Path, announcement: bool = False, content: Path | None = None,
        settings: Path | None = None) -> Path:
    """``invoke new``: the next meeting's report (or announcement); prints its path."""
    from ..settings import merged
    from ..site import clock
    from .newfile import NewFileError, create
    from .sitebuild import BuildFailed, read_settings

    root = Path(root)
    content = Path(content or root / "content")
    try:
        site_settings = read_settings(Path(settings) if settings else settings_file(root),
                                      content)
        path = create(content, merged(site_settings), clock.now(site_settings["TIMEZONE"]),
                      announcement=announcement)
    except (NewFileError, BuildFailed, ValueError) as problem:
        raise Exit(_("ERROR: {message}").format(message=problem), code=1) from None
    print(path)
    return path


def publish(root: Path, remote: str = "origin", branch: str = "gh-pages",
            allow_dirty: bool = False, content: Path | None = None) -> None:
    """``invoke publish``: check, production build in a temporary folder, push to gh-pages."""
    from .publishing import PublishFailed
    from .publishing import publish as publish_site

    root = Path(root)
    try:
        siteurl = publish_site(root, settings_file(root, True), remote=remote, branch=branch,
                               content=Path(content or root / "content"),
                               allow_dirty=allow_dirty)
    except PublishFailed as failure:
        for message in failure.messages:
            print(_("ERROR: {message}").format(message=message), file=sys.stderr)
        raise Exit(_("Nothing published."), code=1) from None
    print(_("Published: {remote}/{branch} ({siteurl})").format(remote=remote, branch=branch,
                                                              siteurl=siteurl))
    print(_("{folder}/ is unchanged: the local build for invoke serve.").format(folder="output"))
