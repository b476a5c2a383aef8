"""What organizers type: ``invoke --list`` shows every task.

Tasks are thin: the work happens in ``plugins/meetup`` so it can be tested
without invoke.  What they print is in the site's language (``DEFAULT_LANG`` of
the settings they read; English until the settings are read).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"

from pelican.plugins.meetup.i18n.language import gettext as _, ngettext  # noqa: E402


def _settings_file(production: bool) -> Path:
    return ROOT / ("publishconf.py" if production else "pelicanconf.py")


@task(help={"production": "build with publishconf.py (absolute URLs, feeds)",
            "output": "output folder (default: output/)",
            "content": "content folder (default: content/)",
            "settings": "settings file (default: pelicanconf.py or publishconf.py)"})
def build(c, production=False, output=str(OUTPUT), content=str(CONTENT), settings=None):
    """Build the site into output/ (kept as it was if the build fails)."""
    _build(Path(output), Path(content), Path(settings) if settings else _settings_file(production))
    print(_("Preview: invoke serve  (http://127.0.0.1:8000/)"))


def _build(target: Path, content: Path, settings_file: Path) -> None:
    """One build with its messages; Exit(1) when it fails (target unchanged)."""
    from pelican.plugins.meetup.organizer.sitebuild import BuildFailed
    from pelican.plugins.meetup.organizer.sitebuild import build as build_site

    try:
        build_site(settings_file, target, content=content)
    except BuildFailed as failure:
        for message in failure.messages:
            print(_("ERROR: {message}").format(message=message), file=sys.stderr)
        raise Exit(_("Build failed; {path} is unchanged.").format(path=target), code=1)
    print(_("Site built: {path}").format(path=target))


@task(help={"port": "port to listen on (default 8000)"})
def serve(c, port=8000):
    """Serve output/ on http://127.0.0.1:PORT/ (no rebuild)."""
    c.run(f"{sys.executable} -m http.server --bind 127.0.0.1 --directory {OUTPUT} {port}")


@task(help={"port": "port to listen on (default 8000)",
            "content": "content folder (default: content/)",
            "output": "output folder (default: output/)"})
def livereload(c, port=8000, content=str(CONTENT), output=str(OUTPUT)):
    """Build, serve on 127.0.0.1:PORT and rebuild + reload the browser on every change."""
    from livereload import Server

    def rebuild():
        try:
            _build(Path(output), Path(content), _settings_file(False))
        except Exit as failure:  # keep serving the last good site
            print(failure.message, file=sys.stderr)

    rebuild()
    print(_("Preview: http://127.0.0.1:{port}/  (rebuilds on every change, Ctrl+C stops)")
          .format(port=port))
    server = Server()
    for pattern in (f"{content}/**/*", f"{ROOT}/theme/**/*", f"{ROOT}/plugins/**/*.py",
                    f"{ROOT}/plugins/**/*.po", f"{ROOT}/pelicanconf.py"):
        server.watch(pattern, rebuild)
    server.serve(host="127.0.0.1", port=port, root=output)


@task(help={"content": "content folder (default: content/)",
            "settings": "settings file (default: pelicanconf.py)"})
def check(c, content=str(CONTENT), settings=None):
    """Check all content before committing: every problem as file:line: message."""
    from pelican.plugins.meetup.organizer.contentcheck import count_sources, errors
    from pelican.plugins.meetup.organizer.sitebuild import BuildFailed, check as check_content, read_settings

    try:
        site_settings = read_settings(Path(settings) if settings else _settings_file(False),
                                      Path(content))
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


@task(help={"remote": "git remote to push to (default: origin)",
            "branch": "branch GitHub Pages serves (default: gh-pages)",
            "allow-dirty": "publish even with uncommitted changes in content/ (or settings, "
                           "theme, plugins); the gh-pages commit then says so"})
def publish(c, remote="origin", branch="gh-pages", allow_dirty=False):
    """Check, build for production (in a temporary folder) and push to the gh-pages branch."""
    from pelican.plugins.meetup.organizer.publishing import PublishFailed
    from pelican.plugins.meetup.organizer.publishing import publish as publish_site

    try:
        siteurl = publish_site(ROOT, _settings_file(True), remote=remote, branch=branch,
                               content=CONTENT, allow_dirty=allow_dirty)
    except PublishFailed as failure:
        for message in failure.messages:
            print(_("ERROR: {message}").format(message=message), file=sys.stderr)
        raise Exit(_("Nothing published."), code=1) from None
    print(_("Published: {remote}/{branch} ({siteurl})").format(remote=remote, branch=branch,
                                                              siteurl=siteurl))
    print(_("{folder}/ is unchanged: the local build for invoke serve.").format(
        folder=OUTPUT.name))


@task
def golden(c):
    """Regenerate tests/golden/expected/ from tests/golden/content/; review the diff, commit."""
    sys.path.insert(0, str(ROOT / "tests"))
    from golden.recipe import regenerate

    changed = regenerate()
    print(f"tests/golden/expected/ rebuilt: {changed} files changed (git diff shows them).")


@task(help={"announcement": "create the announcement instead of the report",
            "content": "content folder (default: content/)",
            "settings": "settings file (default: pelicanconf.py)"})
def new(c, announcement=False, content=str(CONTENT), settings=None):
    """Create the next meeting's report (or announcement), prefilled from the last report."""
    from pelican.plugins.meetup.site import clock
    from pelican.plugins.meetup.organizer.newfile import NewFileError, create
    from pelican.plugins.meetup.settings import merged
    from pelican.plugins.meetup.organizer.sitebuild import BuildFailed, read_settings

    try:
        site_settings = read_settings(Path(settings) if settings else _settings_file(False),
                                      Path(content))
        path = create(Path(content), merged(site_settings), clock.now(site_settings["TIMEZONE"]),
                      announcement=announcement)
    except (NewFileError, BuildFailed, ValueError) as problem:
        raise Exit(_("ERROR: {message}").format(message=problem), code=1) from None
    print(path)


@task(help={"new": "start the catalog of another language, e.g. --new fr",
            "check": "only report, change no file (exit 1 when de or en is incomplete)"})
def catalogs(c, new="", check=False):
    """Extract the texts of theme and plugin and update every message catalog (.po)."""
    from pelican.plugins.meetup.i18n import extract

    if new:
        print(f"started {extract.new_catalog(ROOT, new).relative_to(ROOT)}")
    changed = [] if check else extract.update(ROOT)
    for path in changed:
        print(f"updated {path.relative_to(ROOT)}")
    incomplete = []
    from pelican.plugins.meetup.i18n.catalogs import available

    for code in available():
        state = extract.status(ROOT, code)
        print(f"{code}: {state.translated} of {state.messages} messages translated"
              + (f", {len(state.missing)} missing" if state.missing else ""))
        for problem in state.problems:
            print(f"  {code}: {problem}")
        if (state.missing and code in ("de", "en")) or state.problems:
            incomplete.append(code)
    if incomplete:
        raise Exit(f"translate the empty msgstr entries in: {', '.join(incomplete)}", code=1)


@task(help={"args": "extra pytest arguments, e.g. \"-k next -x\""})
def test(c, args=""):
    """Run the whole test suite (browser, validator and build tests included)."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task(help={"quick": "smoke run: 120 files, one round (about 10 s)",
            "sizes": "comma-separated corpus sizes in files (default 120,1200,4800)",
            "rounds": "rounds per size (default 3, 2 at 4800)",
            "seed": "corpus seed (default 1)",
            "results": "folder for the result table and samples (default bench/results/)",
            "corpus": "folder for the generated corpora (default bench/corpus/)",
            "profile": "instead: profile one build of this many files (pyinstrument)"})
def bench(c, quick=False, sizes="", rounds=0, seed=1, results="", corpus="", profile=0):
    """Benchmark: Markdown floor vs. production build vs. rebuild; see bench/README.md."""
    args = ["--seed", str(seed)]
    if results:
        args += ["--results", results]
    if corpus:
        args += ["--corpus", corpus]
    if quick:
        args.append("--quick")
    if sizes:
        args += ["--sizes", sizes]
    if rounds:
        args += ["--rounds", str(rounds)]
    if profile:
        args += ["--profile", str(profile)]
    result = c.run(shlex.join([sys.executable, str(ROOT / "bench" / "run.py"), *args]),
                   pty=False, warn=True)
    if result.failed:
        raise Exit("Benchmark stopped (see the messages above).", code=result.exited)


@task(help={"corpus": "folder of meeting files, as a group keeps it",
            "truth": "truth table (JSON) labelled for files of that folder "
                     "(see bench/fidelity/truth/ and bench/README.md)",
            "lang": "DEFAULT_LANG of the build (de or en)",
            "verbose": "list every miss with its file"})
def fidelity(c, corpus, truth, lang="de", verbose=False):
    """How well the plugin reads an archive: build it unchanged, score per field."""
    args = [str(corpus), str(truth), "--lang", lang, "--drop-refused"]
    if verbose:
        args.append("-v")
    result = c.run(shlex.join([sys.executable, str(ROOT / "bench" / "fidelity.py"), *args]),
                   pty=False, warn=True)
    if result.failed:
        raise Exit("Scoring stopped (see the messages above).", code=result.exited)
