"""What organizers type: ``invoke --list`` shows every task.

Tasks are thin: the work happens in ``plugins/meetup`` (``organizer.commands``, which the
sites ``invoke init`` makes call too) so it can be tested
without invoke.  What they print is in the site's language (``DEFAULT_LANG`` of
the settings they read; English until the settings are read).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"

from pelican.plugins.meetup.organizer import commands  # noqa: E402


@task(help={"production": "build with publishconf.py (absolute URLs, feeds)",
            "output": "output folder (default: output/)",
            "content": "content folder (default: content/)",
            "settings": "settings file (default: pelicanconf.py or publishconf.py)"})
def build(c, production=False, output=str(OUTPUT), content=str(CONTENT), settings=None):
    """Build the site into output/ (kept as it was if the build fails)."""
    commands.build(ROOT, production=production, output=Path(output), content=Path(content),
                   settings=Path(settings) if settings else None)


@task(help={"port": "port to listen on (default 8000)"})
def serve(c, port=8000):
    """Serve output/ on http://127.0.0.1:PORT/ (no rebuild)."""
    commands.serve(ROOT, port=port)


@task(help={"port": "port to listen on (default 8000)",
            "content": "content folder (default: content/)",
            "output": "output folder (default: output/)"})
def livereload(c, port=8000, content=str(CONTENT), output=str(OUTPUT)):
    """Build, serve on 127.0.0.1:PORT and rebuild + reload the browser on every change."""
    # Here the theme and the plugin are sources too.
    commands.livereload(ROOT, port=port, content=Path(content), output=Path(output),
                        watch=(f"{ROOT}/theme/**/*", f"{ROOT}/plugins/**/*.py",
                               f"{ROOT}/plugins/**/*.po", f"{ROOT}/plugins/**/*.html"))


@task(help={"content": "content folder (default: content/)",
            "settings": "settings file (default: pelicanconf.py)"})
def check(c, content=str(CONTENT), settings=None):
    """Check all content before committing: every problem as file:line: message."""
    commands.check(ROOT, content=Path(content), settings=Path(settings) if settings else None)


@task(help={"remote": "git remote to push to (default: origin)",
            "branch": "branch GitHub Pages serves (default: gh-pages)",
            "allow-dirty": "publish even with uncommitted changes in content/ (or settings, "
                           "theme, plugins); the gh-pages commit then says so"})
def publish(c, remote="origin", branch="gh-pages", allow_dirty=False):
    """Check, build for production (in a temporary folder) and push to the gh-pages branch."""
    commands.publish(ROOT, remote=remote, branch=branch, allow_dirty=allow_dirty)


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
    commands.new(ROOT, announcement=announcement, content=Path(content),
                 settings=Path(settings) if settings else None)


@task(help={"name": "the group's name",
            "language": "the site's language: de or en",
            "timezone": "time zone of the meetings, e.g. Europe/Berlin",
            "place": "usual venue or city",
            "recurrence": "when the group meets, e.g. \"third tuesday 18:30 except july "
                          "august\" (MEETUP_RECURRENCE)",
            "signup-url": "sign-up address (optional)",
            "repository-url": "the site's GitHub repository, https://github.com/OWNER/REPO "
                              "(optional)",
            "target": "the new site's folder (must not exist or be empty)"})
def init(c, target="", name="", language="", timezone="", place="", recurrence="",
         signup_url="", repository_url=""):
    """Start the website of a new group: a site folder that uses the installed package."""
    from pelican.plugins.meetup.organizer import site_init

    try:
        print(site_init.init(target, name=name, language=language, timezone=timezone,
                             place=place, recurrence=recurrence, signup_url=signup_url,
                             repository_url=repository_url))
    except site_init.InitError as failure:
        raise Exit("\n".join(f"ERROR: {message}" for message in failure.messages), code=1) \
            from None


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
