"""``invoke init``: a new group's site folder, ready to build and to publish.

The answers (name, language, time zone, usual place, meeting rule, sign-up and
repository addresses) fill the file templates in ``site_template/`` (package
data, so this works from the installed wheel): ``pelicanconf.py`` and
``publishconf.py`` that use the installed theme and plugin, ``tasks.py``
calling ``organizer.commands``, the organizer README in the site's language,
the GitHub Pages workflow, the talk-proposal issue form, a ``pyproject.toml``
that depends on the released ``pelican-meetup`` of this version, and
``content/`` with the announcement of the next meeting by the rule (its date
from "now": SOURCE_DATE_EPOCH when set).  A folder that is not empty is
refused: nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, fields
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import settings as meetup_settings
from ..i18n import language as languages
from ..i18n.language import pgettext
from ..site import clock, schedule
from .newfile import PlannedMeeting, announcement_text

TEMPLATES = Path(__file__).resolve().parent / "site_template"
LANGUAGES = ("de", "en")
# The call-for-talks form of each language; the German one is the plugin's default name.
TALK_FORMS = {"de": meetup_settings.TALK_PROPOSAL_TEMPLATE, "en": "talk.yml"}
_PLACEHOLDER = re.compile(r"__[A-Z_]+__")


class InitError(Exception):
    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Answers:
    """What ``invoke init`` asks; "" for a question not answered (yet)."""

    name: str = ""
    language: str = ""
    timezone: str = ""
    place: str = ""
    recurrence: str = ""
    signup_url: str = ""
    repository_url: str = ""


# (field, question, default offered, required)
QUESTIONS = (
    ("name", "Name of the group", "", True),
    ("language", "Language of the site (de or en)", "en", True),
    ("timezone", "Time zone", "Europe/Berlin", True),
    ("place", "Usual venue or city", "", False),
    ("recurrence", f"When does the group meet (e.g. {schedule.RECURRENCE_EXAMPLE})",
     "third tuesday 18:30", True),
    ("signup_url", "Sign-up address (https://…, may stay empty)", "", False),
    ("repository_url", "GitHub repository of the site (https://github.com/OWNER/REPO, may "
                       "stay empty)", "", False),
)
OPTIONS = {name: "--" + name.replace("_", "-") for name, *_ in QUESTIONS}


def missing(answers: Answers) -> list[str]:
    """The required questions without an answer, as their options (--name …)."""
    return [OPTIONS[name] for name, _, _, required in QUESTIONS
            if required and not getattr(answers, name).strip()]


def ask(answers: Answers, ask_line=input) -> Answers:
    """Ask every question that has no answer yet, offering its default."""
    values = {}
    for name, question, default, _ in QUESTIONS:
        value = getattr(answers, name).strip()
        while not value:
            shown = f" [{default}]" if default else ""
            try:
                value = ask_line(f"{question}{shown}: ").strip() or default
            except EOFError:  # Ctrl+D, or the input ended
                raise InitError([f"no answer for {OPTIONS[name]}; nothing written"]) from None
            if value or not _is_required(name):
                break
        values[name] = value
    return Answers(**values)


def _is_required(name: str) -> bool:
    return next(required for field, _, _, required in QUESTIONS if field == name)


def check_answers(answers: Answers) -> tuple[dict, list[str]]:
    """The meeting rule as MEETUP_RECURRENCE and every problem of the answers."""
    problems = [f"{option} is missing" for option in missing(answers)]
    if answers.language and answers.language not in LANGUAGES:
        problems.append(f"--language must be one of {', '.join(LANGUAGES)}, "
                        f"got {answers.language!r}")
    if answers.timezone:
        try:
            ZoneInfo(answers.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"--timezone {answers.timezone!r} is no time zone "
                            "(e.g. Europe/Berlin, America/New_York, UTC)")
    rule: dict = {}
    if answers.recurrence:
        try:
            rule = schedule.recurrence_from_text(answers.recurrence)
        except schedule.RecurrenceError as error:
            problems.append(f"--recurrence {error}")
    for name in ("signup_url", "repository_url"):
        value = getattr(answers, name)
        if value and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", value):
            problems.append(f"{OPTIONS[name]} must be an address like https://…, got {value!r}")
    repository = answers.repository_url.rstrip("/")
    if repository and not re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", repository):
        problems.append("--repository-url must be a GitHub repository "
                        f"(https://github.com/OWNER/REPO), got {answers.repository_url!r}")
    return rule, problems


def package_version() -> str:
    """This package's version, as the installed distribution says (pyproject's version)."""
    try:
        return meetup_settings.version()
    except meetup_settings.SettingsError as error:
        raise InitError([str(error)]) from None


def compatible_release(version: str) -> str:
    """"0.3.1" -> "0.3": the generated site asks for pelican-meetup~=0.3."""
    parts = re.match(r"(\d+)\.(\d+)", version)
    if not parts:
        raise InitError([f"version {version!r} of {meetup_settings.DISTRIBUTION} is no X.Y.Z"])
    return f"{parts[1]}.{parts[2]}"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-") or "site"


def _literal(value) -> str:
    """A Python literal with double quotes and the text as typed (umlauts kept)."""
    return json.dumps(value, ensure_ascii=False)


def _recurrence_literal(rule: dict) -> str:
    items = ",\n".join(f"    {_literal(key)}: {_literal(value)}" for key, value in rule.items())
    return "{\n" + items + ",\n}"


def pages_address(repository_url: str, name: str) -> str:
    """GitHub Pages' address of the repository's site, or a placeholder
    (which ``invoke publish`` refuses until MEETUP_SITEURL is set)."""
    match = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+)", repository_url.rstrip("/"))
    if not match:
        return f"https://example.github.io/{slug(name)}"
    owner, repo = match[1], match[2]
    if repo.lower() == f"{owner.lower()}.github.io":
        return f"https://{owner.lower()}.github.io"
    return f"https://{owner.lower()}.github.io/{repo}"


def site_files(answers: Answers, rule: dict, now: dt.datetime, version: str) -> dict[str, str]:
    """Every file of the new site: relative path -> text."""
    language = answers.language
    repository = answers.repository_url.rstrip("/")
    form = TALK_FORMS[language]
    talk_proposal = ""
    if form != meetup_settings.TALK_PROPOSAL_TEMPLATE:
        # The English form has its own name: say where "Propose a talk" leads.
        talk_proposal = (f"MEETUP_TALK_PROPOSAL_URL = "
                         f"{_literal(f'{repository}/issues/new?template={form}')}\n"
                         if repository else
                         f"# With MEETUP_REPOSITORY_URL set: MEETUP_TALK_PROPOSAL_URL = "
                         f"MEETUP_REPOSITORY_URL + \"/issues/new?template={form}\"\n")
    values = {
        "SITENAME": _literal(answers.name),
        "NAME": _literal(answers.name),
        "AUTHOR": _literal(answers.name),
        "TIMEZONE": _literal(answers.timezone),
        "LANG": _literal(language),
        "WHERE": "Wo:" if language == "de" else "Where:",
        "PLACE": _literal(answers.place),
        "SIGNUP": _literal(answers.signup_url),
        "REPOSITORY": _literal(repository),
        "TALK_PROPOSAL": talk_proposal,
        "RECURRENCE_TEXT": answers.recurrence.strip(),
        "RECURRENCE": _recurrence_literal(rule),
        "TIME": _literal(rule["time"]),
        "CATEGORY": _literal("archiv" if language == "de" else "archive"),
        "SITEURL": _literal(pages_address(repository, answers.name)),
        "PROJECT": _literal(slug(answers.name) + "-site"),
        "DESCRIPTION": _literal(f"Website of {answers.name}"),
        "VERSION": compatible_release(version),
    }
    plain = {"README": answers.name}  # Markdown, not Python: the name as typed
    files = {
        "pelicanconf.py": _fill("pelicanconf.py.in", values),
        "publishconf.py": _fill("publishconf.py.in", values),
        "tasks.py": _fill("tasks.py.in", values),
        "pyproject.toml": _fill("pyproject.toml.in", values),
        "README.md": _fill(f"README.{language}.md", {**values, "NAME": plain["README"]}),
        ".gitignore": _fill("gitignore", values),
        ".github/workflows/site.yml": _fill("github/workflows/site.yml", values),
        ".github/ISSUE_TEMPLATE/config.yml": _fill("github/ISSUE_TEMPLATE/config.yml", values),
        f".github/ISSUE_TEMPLATE/{form}": _fill(f"github/ISSUE_TEMPLATE/{form}", values),
    }
    files.update(first_announcement(answers, rule, now))
    return files


def _fill(template: str, values: dict) -> str:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    text = _PLACEHOLDER.sub(lambda match: values.get(match[0].strip("_"), match[0]), text)
    left = sorted(set(_PLACEHOLDER.findall(text)))
    if left:  # a template names a value this module does not give
        raise InitError([f"site_template/{template}: no value for {', '.join(left)}"])
    return text


def first_announcement(answers: Answers, rule: dict, now: dt.datetime) -> dict[str, str]:
    """content/<date>-<announcement>.md for the next meeting by the rule after ``now``."""
    settings = {"DEFAULT_LANG": answers.language, "MEETUP_LOCATION": answers.place,
                "MEETUP_SIGNUP_URL": answers.signup_url}
    recurrence = schedule.parse_recurrence(rule)
    duration = dt.timedelta(minutes=meetup_settings.DEFAULTS["MEETUP_DURATION_MINUTES"])
    start = schedule.next_by_rule(recurrence, now, duration)
    meeting = PlannedMeeting(start.date(), start.time(), (), "MEETUP_RECURRENCE")
    with languages.using(settings):
        text = announcement_text(meeting, settings, now, placeholders=False)
        suffix = pgettext("file name", "announcement")
    return {f"content/{meeting.date.isoformat()}-{suffix}.md": text}


def create_site(target: Path, answers: Answers, now: dt.datetime | None = None,
                version: str | None = None) -> list[Path]:
    """Write the new site into ``target`` (made if missing); InitError if it cannot."""
    target = Path(target)
    rule, problems = check_answers(answers)
    if target.exists() and not target.is_dir():
        problems.append(f"{target} is a file, not a folder")
    elif target.is_dir() and any(target.iterdir()):
        problems.append(f"{target} is not empty; choose a new folder (--target) so that "
                        "nothing in it is overwritten")
    if problems:
        raise InitError(problems)
    now = now or clock.now(answers.timezone)
    files = site_files(answers, rule, now, version or package_version())
    written = []
    try:
        for relative, text in files.items():
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as error:
        raise InitError([f"cannot write {error.filename or target}: {error.strerror}"]) from None
    return written


def next_steps(target: Path, written: list[Path]) -> str:
    announcement = next(p for p in written if p.parent.name == "content")
    return (f"Site created in {target}: {len(written)} files.\n"
            f"First meeting: {announcement.relative_to(target)} (fill in the talks).\n"
            "Next steps:\n"
            f"  cd {target}\n"
            "  python3 -m venv .venv && .venv/bin/pip install .\n"
            "  .venv/bin/invoke livereload\n"
            "then push it to GitHub and enable Pages with \"GitHub Actions\" (README.md).")


def answers_from_options(**options) -> Answers:
    known = {field.name for field in fields(Answers)}
    return Answers(**{key: (value or "").strip() for key, value in options.items()
                      if key in known})


def interactive() -> bool:
    return sys.stdin.isatty()


def init(target: str = "", ask_line=input, **options) -> str:
    """What ``invoke init`` and ``python -m pelican.plugins.meetup.organizer.site_init`` do:
    ask in a terminal for what the options did not say, write the site, return the next
    steps.  InitError names every problem (nothing is written then)."""
    answers = answers_from_options(**options)
    if interactive():
        answers = ask(answers, ask_line)
        default = slug(answers.name)
        try:
            target = target or ask_line(f"Folder of the new site [{default}]: ").strip() \
                or default
        except EOFError:
            raise InitError(["no answer for --target; nothing written"]) from None
    elif not target or missing(answers):
        needed = ([] if target else ["--target"]) + missing(answers)
        raise InitError([f"invoke init needs {', '.join(needed)} (or run it in a terminal "
                         "to be asked)"])
    written = create_site(Path(target), answers)
    return next_steps(Path(target), written)


def main(argv: list[str] | None = None) -> int:
    """The same without invoke, from the installed package:
    ``python -m pelican.plugins.meetup.organizer.site_init --target … --name …``."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m pelican.plugins.meetup.organizer.site_init",
        description="Start the website of a new group (asks for what is missing in a terminal).")
    parser.add_argument("--target", default="", help="the new site's folder (new or empty)")
    for name, question, _, _ in QUESTIONS:
        parser.add_argument(OPTIONS[name], dest=name, default="", help=question)
    options = vars(parser.parse_args(argv))
    try:
        print(init(**options))
    except InitError as failure:
        for message in failure.messages:
            print(f"ERROR: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
