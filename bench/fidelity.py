"""How well the plugin reads an archive it has never seen: scores per field against a truth table.

    python bench/fidelity.py CORPUS_DIR TRUTH_JSON [--lang de|en] [--headers] [--drop-refused]
                             [--set NAME=VALUE] [--keep OUTPUT] [--json] [-v]

CORPUS_DIR is a folder of meeting files exactly as a group keeps them.  It is
copied unchanged into a temporary folder and built with the project's real
build (``pelican.plugins.meetup.organizer.sitebuild.build``) under a neutral settings file: the project's
``pelicanconf.py`` with everything group-specific switched off (no recurrence,
no place, no pages folder), so that only the files speak.  The scorer then reads
the ``meetups.json`` the build wrote and compares every article with the row of
TRUTH_JSON for the same file (rows are keyed by the path relative to CORPUS_DIR;
the format is described in bench/README.md, "Fidelity").

``--headers`` builds the archive as an organizer would bring it in by hand: the
front matter of each file is replaced by Pelican's ``Title:`` and ``Date:`` lines
(title from the front matter or the first ``#`` heading, date from the truth
table, the front matter or the file name), files Pelican does not read as
Markdown are renamed to ``.md``, and a ``Slug:`` is added where two titles are
equal.  The reader can so be scored before it reads front matter itself.

Scores per field: found-and-right / stated / wrong.  A date the site would show
that the truth table contradicts (a meeting date or a "next" date) is a WRONG
DATE and always listed.  ``-v`` lists every miss with its file.  ``--json``
prints the same as one JSON object.  Exit status 0 when the scores were printed
(also for a failed build, which scores nothing), 2 for unusable arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# 2025-11-26 12:00 Europe/Berlin, as in the tests and the build benchmark.
PINNED_EPOCH = 1764154800
FIELDS = ("kind", "date", "time", "next", "participants", "talks", "location")
KINDS = ("report", "announcement", "other")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
# Suffixes a group's archive uses for pages that --headers turns into Markdown.
CONVERTED_SUFFIXES = (".md.erb", ".html.erb", ".erb", ".html", ".htm")
# Dates of pages the truth table leaves undated (index pages): --headers needs one.
UNDATED = "1970-01-01"


# --- Truth table -------------------------------------------------------------------


class TruthError(ValueError):
    pass


def load_truth(path: Path) -> dict[str, dict]:
    """The rows of a truth table, keyed by the path relative to the corpus folder."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise TruthError(f"{path}: not readable as JSON: {error}") from None
    rows = document.get("files") if isinstance(document, dict) else None
    if not isinstance(rows, dict) or not rows:
        raise TruthError(f"{path}: needs a non-empty object 'files'")
    for key, row in rows.items():
        problem = _row_problem(row)
        if problem:
            raise TruthError(f"{path}: {key}: {problem}")
    return rows


def _row_problem(row) -> str | None:
    if not isinstance(row, dict):
        return "row is not an object"
    missing = [name for name in FIELDS if name not in row]
    if missing:
        return f"missing field(s) {', '.join(missing)}"
    if row["kind"] is not None and row["kind"] not in KINDS:
        return f"kind must be one of {', '.join(KINDS)} or null"
    for name in ("date", "next"):
        if row[name] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(row[name])):
            return f"{name} must be YYYY-MM-DD or null"
    if row["time"] is not None and not re.fullmatch(r"\d\d:\d\d", str(row["time"])):
        return "time must be HH:MM or null"
    if row["participants"] is not None and not isinstance(row["participants"], int):
        return "participants must be a number or null"
    if row["talks"] is not None and not isinstance(row["talks"], list):
        return "talks must be a list or null"
    return None


# --- Preparing the copy -----------------------------------------------------------


def copy_corpus(source: Path, target: Path) -> Path:
    """The corpus, byte for byte, in ``target`` (which must not exist)."""
    shutil.copytree(source, target, symlinks=False)
    return target


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter as a dict, body) for YAML ``---``, TOML ``+++`` or a JSON object; ({}, text) if none."""
    text = text.lstrip("\ufeff")
    if text.startswith("---"):
        match = re.match(r"---[ \t]*\n(.*?)\n---[ \t]*(\n|\Z)", text, re.S)
        if match:
            return _yaml(match.group(1)), text[match.end():]
    if text.startswith("+++"):
        match = re.match(r"\+\+\+[ \t]*\n(.*?)\n?\+\+\+[ \t]*(\n|\Z)", text, re.S)
        if match:
            return _toml(match.group(1)), text[match.end():]
    if text.startswith("{"):
        match = re.match(r"(\{.*?\n\})[ \t]*(\n|\Z)", text, re.S)
        if match:
            try:
                data = json.loads(match.group(1))
            except ValueError:
                data = None
            if isinstance(data, dict):
                return data, text[match.end():]
    return {}, text


def _yaml(block: str) -> dict:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _toml(block: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return {}


def guess_title(front: dict, body: str, relative: str) -> str:
    """What an organizer would type as the title: front matter, first heading, else the file name."""
    title = front.get("title")
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    for line in body.splitlines():
        heading = re.match(r"\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
        html = re.search(r"<h[1-6][^>]*>(.*?)</h[1-6]>", line)
        text = heading.group(1) if heading else html.group(1) if html else ""
        text = " ".join(re.sub(r"<[^>]*>", "", text).split())
        if text:
            return text
    return Path(relative).name.split(".")[0].replace("_", " ").replace("-", " ").strip() or relative


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]


def guess_date(row: dict | None, front: dict, relative: str) -> str:
    """A date for ``Date:``: the truth table, the front matter, the path, else UNDATED."""
    if row and row.get("date"):
        return row["date"]
    for key in ("meeting_date", "meetingdate", "date"):
        value = front.get(key)
        if isinstance(value, (dt.date, dt.datetime)):
            return value.strftime("%Y-%m-%d")
        if isinstance(value, str) and re.match(r"\d{4}-\d\d-\d\d", value):
            return value[:10]
    found = re.search(r"(\d{4})-(\d\d)-(\d\d)", relative)
    if found:
        return found.group(0)
    parts = relative.lower().split("/")
    years = [p for p in parts if re.fullmatch(r"(19|20)\d\d", p)]
    months = [_MONTHS.index(p) + 1 for p in parts if p in _MONTHS]
    if years:
        return f"{years[0]}-{months[0] if months else 1:02d}-01"
    return UNDATED


def markdown_name(relative: str) -> str:
    """The file's name as Markdown: ``index.html.md.erb`` -> ``index.html.md``, ``x.html`` -> ``x.html.md``."""
    lower = relative.lower()
    if lower.endswith(".md.erb"):
        return relative[: -len(".erb")]
    if lower.endswith(MARKDOWN_SUFFIXES):
        return relative
    return relative + ".md"


def _needs_conversion(relative: str) -> bool:
    return relative.lower().endswith(MARKDOWN_SUFFIXES + CONVERTED_SUFFIXES)


def add_headers(folder: Path, truth: dict[str, dict]) -> tuple[dict[str, str], list[str]]:
    """Rewrite each page in ``folder`` with Title:/Date: instead of its front matter.

    Returns (built name -> original name, notes on what was done).
    """
    pages = sorted(p for p in folder.rglob("*") if p.is_file()
                   and _needs_conversion(p.relative_to(folder).as_posix()))
    planned = []
    for path in pages:
        relative = path.relative_to(folder).as_posix()
        front, body = split_front_matter(path.read_text(encoding="utf-8", errors="replace"))
        planned.append((path, relative, guess_title(front, body, relative),
                        guess_date(truth.get(relative), front, relative), body))
    titles = [title.casefold() for _, _, title, _, _ in planned]
    renamed, duplicates = {}, 0
    for path, relative, title, date, body in planned:
        lines = [f"Title: {title}", f"Date: {date}"]
        if titles.count(title.casefold()) > 1:
            lines.append("Slug: " + re.sub(r"[^a-z0-9]+", "-", relative.lower()).strip("-"))
            duplicates += 1
        built = markdown_name(relative)
        path.unlink()
        (folder / built).write_text("\n".join(lines) + "\n\n" + body.lstrip("\n"), encoding="utf-8")
        renamed[built] = relative
    notes = [f"--headers: {len(planned)} files given Title:/Date: in place of their front matter",
             f"--headers: {sum(1 for b, r in renamed.items() if b != r)} renamed to .md"]
    if duplicates:
        notes.append(f"--headers: {duplicates} files share a title with another and got a Slug:")
    return renamed, notes


# --- Building ----------------------------------------------------------------------


def write_settings(path: Path, content: Path, lang: str, cache: Path, extra: dict | None = None) -> Path:
    """A settings file: the project's pelicanconf.py with nothing of its own group left.

    ``extra``: settings an organizer of this archive would set (``--set``).
    """
    overrides = {
        "PATH": str(content),
        "SITENAME": "Archive under test",
        "SITESUBTITLE": "",
        "AUTHOR": "Organizers",
        "SITEURL": "",
        "DEFAULT_LANG": lang,
        "PAGE_PATHS": [],
        "ARTICLE_EXCLUDES": [],
        "STATIC_PATHS": [],
        "MEETUP_GROUP_NAME": "",
        "MEETUP_LOCATION": "",
        "MEETUP_SIGNUP_URL": "",
        "MEETUP_RECURRENCE": None,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "CACHE_PATH": str(cache),
        **(extra or {}),
    }
    lines = ["import sys", f"sys.path.insert(0, {str(ROOT)!r})", "from pelicanconf import *  # noqa"]
    lines += [f"{key} = {value!r}" for key, value in overrides.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class BuildResult:
    ok: bool
    errors: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # files left out after a failed build


@contextlib.contextmanager
def _pinned_now():
    """SOURCE_DATE_EPOCH pinned for the build, restored afterwards."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(PINNED_EPOCH)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def run_build(settings_file: Path, content: Path, output: Path) -> BuildResult:
    """The project's real build; the articles of its meetups.json, or the build's error messages."""
    from pelican.plugins.meetup.organizer.sitebuild import BuildFailed, build

    hints: list[str] = []
    try:
        # Pelican's summary line goes to stderr: stdout is the report.
        with _pinned_now(), contextlib.redirect_stdout(sys.stderr):
            build(settings_file, output, content=content, search_index=False, log=hints.append)
    except BuildFailed as failure:
        return BuildResult(False, errors=list(failure.messages), hints=hints)
    except Exception as error:  # a crash is a finding, not a reason to lose the report
        return BuildResult(False, errors=[f"{type(error).__name__}: {error}"], hints=hints)
    written = output / "meetups.json"
    if not written.is_file():
        return BuildResult(False, errors=["the build wrote no meetups.json"], hints=hints)
    return BuildResult(True, hints=hints,
                       articles=json.loads(written.read_text(encoding="utf-8"))["articles"])


def articles_by_key(articles: list[dict], renamed: dict[str, str]) -> dict[str, dict]:
    """meetups.json's articles keyed like the truth table (original file names)."""
    return {renamed.get(a["source"], a["source"]): a for a in articles}


# --- Comparing -----------------------------------------------------------------------


@dataclass
class FieldScore:
    right: int = 0
    stated: int = 0
    wrong: int = 0
    misses: list[dict] = field(default_factory=list)

    def miss(self, key: str, expected, got, wrong: bool) -> None:
        self.misses.append({"file": key, "expected": expected, "got": got, "wrong": wrong})
        if wrong:
            self.wrong += 1


@dataclass
class Scores:
    fields: dict[str, FieldScore]
    wrong_dates: list[dict]
    not_built: list[str]


def speaker_names(speakers) -> list[str]:
    """Speakers as comparable names: one per person, in order, case and spacing folded."""
    names = []
    for speaker in speakers:
        for part in re.split(r",|&|\band\b|\bund\b|/", str(speaker or "")):
            name = " ".join(part.split()).casefold()
            if name:
                names.append(name)
    return names


def same_speakers(got: list[str], expected: list[str]) -> bool:
    """Equal lists of names; a name may be given shorter ("mara" for "mara lindner")."""
    return len(got) == len(expected) and all(
        a.split() == b.split()[: len(a.split())] or b.split() == a.split()[: len(b.split())]
        for a, b in zip(got, expected))


def _folded(text) -> str:
    return " ".join(str(text or "").split()).casefold()


def _next_date(article: dict):
    nxt = article.get("next")
    return nxt.get("date") if isinstance(nxt, dict) else None


def _total(article: dict):
    participants = article.get("participants")
    return participants.get("total") if isinstance(participants, dict) else None


def _exact(article: dict) -> bool:
    """False for a lower bound ("+ weitere"): no claim against a file that states no total."""
    participants = article.get("participants")
    return not isinstance(participants, dict) or participants.get("exact") is not False


def compare(truth: dict[str, dict], articles: dict[str, dict], built: bool = True) -> Scores:
    """Per-field scores of ``articles`` (keyed like ``truth``) against the truth rows.

    ``built``: the build succeeded, so a page missing from ``articles`` was skipped by it
    (right for a non-meeting page); after a failed build nothing is right.
    """
    scores = {name: FieldScore() for name in FIELDS}
    wrong_dates: list[dict] = []
    not_built = sorted(key for key, row in truth.items() if key not in articles and row["kind"] != "other")
    for key in sorted(truth):
        row, article = truth[key], articles.get(key)
        _score_kind(scores["kind"], key, row, article, built)
        if article is None:
            for name in FIELDS[1:]:
                if _stated(row, name):
                    scores[name].stated += 1
                    scores[name].miss(key, row[name], "(not built)", wrong=False)
            continue
        meeting = article.get("kind") in ("report", "announcement")
        _score_value(scores["date"], key, row["date"], article.get("date") if meeting else None,
                     wrong_dates, "meeting date", judge_unstated=False)
        _score_value(scores["time"], key, row["time"], article.get("time") if meeting else None)
        _score_value(scores["next"], key, row["next"], _next_date(article), wrong_dates, "next date")
        _score_value(scores["participants"], key, row["participants"], _total(article),
                     judge_unstated=_exact(article))
        _score_talks(scores["talks"], key, row["talks"], article.get("talks") or [])
        _score_location(scores["location"], key, row["location"], article.get("location"))
    return Scores(scores, wrong_dates, not_built)


def _stated(row: dict, name: str) -> bool:
    return row[name] is not None


def _score_kind(score: FieldScore, key: str, row: dict, article: dict | None, built: bool) -> None:
    if row["kind"] is None:
        return
    score.stated += 1
    got = article.get("kind") if article else None
    if got == row["kind"] or (article is None and built and row["kind"] == "other"):
        score.right += 1  # a non-meeting page the build skips is read right
    else:
        score.miss(key, row["kind"], got or "(not built)", wrong=article is not None)


def _score_value(score: FieldScore, key: str, expected, got, wrong_dates: list | None = None,
                 what: str = "", judge_unstated: bool = True) -> None:
    """Equality scoring; ``wrong_dates`` collects dates shown against the truth."""
    if expected is not None:
        score.stated += 1
        if got == expected:
            score.right += 1
            return
    elif got is None or not judge_unstated:
        return
    wrong = got is not None
    score.miss(key, expected, got, wrong=wrong)
    if wrong and wrong_dates is not None:
        wrong_dates.append({"file": key, "what": what, "expected": expected, "got": got})


def _score_talks(score: FieldScore, key: str, expected, talks: list[dict]) -> None:
    if expected is None:
        return
    score.stated += 1
    got = speaker_names(t.get("speaker") for t in talks)
    if same_speakers(got, speaker_names(expected)):
        score.right += 1
    else:
        score.miss(key, expected, [t.get("speaker") for t in talks], wrong=bool(got))


def _score_location(score: FieldScore, key: str, expected, got) -> None:
    if expected is None:
        return
    score.stated += 1
    a, b = _folded(expected), _folded(got)
    if b and (a in b or b in a):
        score.right += 1
    else:
        score.miss(key, expected, got, wrong=bool(b))


# --- Reporting ----------------------------------------------------------------------


def as_json(scores: Scores, build: BuildResult, mode: str, notes: list[str]) -> dict:
    return {
        "builds": build.ok and not build.refused,
        "builds_without_refused": build.ok,
        "refused": build.refused,
        "mode": mode,
        "articles": len(build.articles),
        "errors": build.errors,
        "notes": notes,
        "fields": {name: {"right": s.right, "stated": s.stated, "wrong": s.wrong, "misses": s.misses}
                   for name, s in scores.fields.items()},
        "wrong_dates": scores.wrong_dates,
        "not_built": scores.not_built,
    }


def render_text(scores: Scores, build: BuildResult, mode: str, notes: list[str], verbose: bool) -> str:
    built = "yes" if build.ok and not build.refused else "no"
    if build.ok and build.refused:
        built += f", yes without {len(build.refused)} refused files"
    if build.ok:
        built += f", {len(build.articles)} articles in meetups.json"
    out = [f"builds: {built} ({mode})"]
    out += [f"  {note}" for note in notes]
    out += [f"  ERROR: {message}" for message in build.errors]
    out += ["", f"{'field':<13}{'right':>6}{'stated':>8}{'wrong':>7}   share"]
    for name, s in scores.fields.items():
        share = f"{100 * s.right / s.stated:5.0f} %" if s.stated else "    –"
        out.append(f"{name:<13}{s.right:>6}{s.stated:>8}{s.wrong:>7}   {share}")
    if scores.wrong_dates:
        out += ["", f"WRONG DATES: {len(scores.wrong_dates)} dates the site would show against the truth"]
        out += [f"  WRONG {w['what']}: {w['file']}: shown {w['got']}, file says {w['expected'] or 'none'}"
                for w in scores.wrong_dates]
    else:
        out += ["", "wrong dates: none"]
    if scores.not_built:
        out.append(f"meeting files missing from meetups.json: {len(scores.not_built)}")
    if verbose:
        out += _render_misses(scores)
    return "\n".join(out)


def _render_misses(scores: Scores) -> list[str]:
    out = []
    for name, s in scores.fields.items():
        if not s.misses:
            continue
        out += ["", f"misses in {name}:"]
        for miss in s.misses:
            mark = "WRONG" if miss["wrong"] else "miss "
            out.append(f"  {mark} {miss['file']}: expected {json.dumps(miss['expected'], ensure_ascii=False)},"
                       f" got {json.dumps(miss['got'], ensure_ascii=False)}")
    return out


# --- Command line -------------------------------------------------------------------


def refused_files(errors: list[str], content: Path) -> list[str]:
    """Files of ``content`` that the build's ``file:line: message`` errors name."""
    found = []
    for message in errors:
        match = re.match(r"(.+?):\d+: ", message)
        if match and (content / match.group(1)).is_file() and match.group(1) not in found:
            found.append(match.group(1))
    return found


def build_copy(content: Path, settings: Path, output: Path, drop_refused: bool) -> BuildResult:
    """Build ``content``; with ``drop_refused`` leave out the files a failed build names, and retry."""
    build = _relative_messages(run_build(settings, content, output), content)
    refused, errors = [], list(build.errors)
    for _ in range(3):
        names = refused_files(build.errors, content) if drop_refused and not build.ok else []
        if not names:
            break
        for name in names:
            (content / name).unlink()
        refused += names
        build = _relative_messages(run_build(settings, content, output), content)
    if refused:
        build.refused, build.errors = refused, errors + [m for m in build.errors if m not in errors]
    return build


def _relative_messages(build: BuildResult, content: Path) -> BuildResult:
    build.errors = [m.replace(f"{content}{os.sep}", "") for m in build.errors]
    build.hints = [m.replace(f"{content}{os.sep}", "") for m in build.hints]
    return build


def score_corpus(corpus: Path, truth_file: Path, lang: str, headers: bool, keep: Path | None,
                 drop_refused: bool = False, extra: dict | None = None,
                 ) -> tuple[Scores, BuildResult, list[str], str]:
    truth = load_truth(truth_file)
    with tempfile.TemporaryDirectory(prefix="fidelity-") as temp:
        temp = Path(temp)
        content = copy_corpus(corpus, temp / "content")
        renamed, notes = add_headers(content, truth) if headers else ({}, [])
        settings = write_settings(temp / "settings.py", content, lang, temp / "cache", extra)
        output = Path(keep).resolve() if keep else temp / "output"
        build = build_copy(content, settings, output, drop_refused)
    build.refused = [renamed.get(name, name) for name in build.refused]
    if build.refused:
        notes.append(f"--drop-refused: left out {len(build.refused)} files the build refused:"
                     f" {', '.join(build.refused)}")
    scores = compare(truth, articles_by_key(build.articles, renamed), built=build.ok)
    return scores, build, notes, "headers added" if headers else "files unchanged"


def parse_settings(assignments: list[str]) -> dict:
    """``NAME=VALUE`` pairs (VALUE a Python literal) as a dict; ValueError if unusable."""
    import ast

    settings = {}
    for assignment in assignments:
        name, sign, value = assignment.partition("=")
        if not sign or not name.isidentifier():
            raise ValueError(f"--set {assignment!r}: expected NAME=VALUE")
        try:
            settings[name] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            raise ValueError(f"--set {name}: {value!r} is no Python literal") from None
    return settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of meeting files, as the group keeps it")
    parser.add_argument("truth", type=Path, help="truth table (JSON) for files of that folder")
    parser.add_argument("--lang", choices=("de", "en"), default="de", help="DEFAULT_LANG of the build")
    parser.add_argument("--headers", action="store_true",
                        help="replace front matter by Title:/Date: lines first, as an organizer would")
    parser.add_argument("--drop-refused", action="store_true",
                        help="if the build fails naming files, leave those out and score the rest")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for this archive, VALUE a Python literal "
                             "(e.g. MEETUP_MARKDOWN_EXTENSIONS='[\"md\", \"md.erb\"]')")
    parser.add_argument("--keep", type=Path, metavar="OUTPUT", help="build into OUTPUT and keep it")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss with its file")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus} is not a folder")
    try:
        extra = parse_settings(args.set)
        scores, build, notes, mode = score_corpus(args.corpus.resolve(), args.truth, args.lang,
                                                  args.headers, args.keep, args.drop_refused, extra)
    except (TruthError, ValueError) as error:
        parser.error(str(error))
    if args.json:
        print(json.dumps(as_json(scores, build, mode, notes), ensure_ascii=False, indent=2))
    else:
        print(render_text(scores, build, mode, notes, args.verbose))
        if not build.ok and not args.headers:
            print("\n(the archive does not build as it is; --headers scores the reader anyway)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
