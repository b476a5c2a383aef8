"""The content check: rules on files in a temp folder, and ``invoke check`` as run.

The rules run on real files with the project's real settings (read by Pelican
from pelicanconf.py), so slugs, page folders and static folders are the ones
the build uses.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pelican.settings import read_settings
from pelican.utils import slugify as pelican_slugify

from helpers import CONTENT, ROOT, run_invoke
from hostile_helpers import write
from pelican.plugins.meetup.organizer.contentcheck import check_content, errors, slugify

GOOD = "Title: Bericht vom Treffen im Mai 2025\nDate: 2025-05-20 18:30\n\n## Protokoll\n\nText.\n"


@pytest.fixture(scope="module")
def settings() -> dict:
    return read_settings(str(ROOT / "pelicanconf.py"))


def check(folder: Path, settings: dict, **kwargs):
    return check_content(folder, settings, display_root=folder, **kwargs)


def only(problems):
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


# --- One rule at a time -------------------------------------------------------------

CASES = {
    "missing title": ("Date: 2025-05-20\n\nText\n", 1, "„Title:“ fehlt"),
    "missing date": ("Title: Bericht\n\nText\n", 1, "„Date:“ fehlt"),
    "german date": ("Title: Bericht\nDate: 12.08.2025\n\nText\n", 2, "schreibe 2025-08-12"),
    "german date with time": ("Title: Bericht\nDate: 1.9.2025 18:30\n\nText\n", 2,
                              "schreibe 2025-09-01 18:30"),
    "date that does not exist": ("Title: Bericht\nDate: 2023-02-30\n\nText\n", 2,
                                 "„2023-02-30“ gibt es nicht: Februar 2023 hat 28 Tage"),
    "time that does not exist": ("Title: Bericht\nDate: 2025-05-20 25:00\n\nText\n", 2,
                                 "Uhrzeit in „2025-05-20 25:00“ gibt es nicht"),
    "free-text date": ("Title: Bericht\nDate: nächsten Dienstag\n\nText\n", 2, "kein ISO-Datum"),
    "modified not iso": ("Title: Bericht\nDate: 2025-05-20\nModified: 20.05.2025\n\nText\n", 3,
                         "schreibe 2025-05-20"),
    "umlaut in header key": ("Title: Bericht\nDate: 2025-05-20\nStraße: Königstraße 1\nSummary: x\n\nT\n",
                             3, "Kopfzeile „Straße:“: Namen dürfen nur A–Z"),
    "space in header key before more headers": (
        "Title: Bericht\nNächstes Treffen: bald\nDate: 2025-05-20\n\nText\n", 2,
        "landen im Text (verloren: Date:)"),
    "duplicate header key": ("Title: Bericht\nDate: 2025-05-20\nDate: 2025-05-21\n\nText\n", 3,
                             "„Date:“ steht doppelt im Kopf (zuerst in Zeile 2)"),
    "blank first line": ("\nTitle: Bericht\nDate: 2025-05-20\n\nText\n", 1,
                         "„Title:“ und „Date:“ fehlt: die erste Zeile ist leer"),
    "heading instead of header": ("# Bericht\n\nText\n", 1, "beginnt nicht mit Kopfzeilen"),
    "empty title": ("Title:\nDate: 2025-05-20\n\nText\n", 1, "„Title:“ ist leer"),
    "slug with slash": ("Title: Bericht\nDate: 2025-05-20\nSlug: a/b\n\nText\n", 3,
                        "„Slug: a/b“ darf weder / noch .. enthalten"),
    "slug with dot dot": ("Title: Bericht\nDate: 2025-05-20\nSlug: ../x\n\nText\n", 3,
                          "„Slug: ../x“ darf weder / noch .. enthalten"),
    "save_as absolute": ("Title: Bericht\nDate: 2025-05-20\nSave_as: /etc/x.html\n\nText\n", 3,
                         "zeigt aus dem Ausgabeordner heraus"),
    "save_as dot dot": ("Title: Bericht\nDate: 2025-05-20\nSave_as: a/../../x.html\n\nText\n", 3,
                        "zeigt aus dem Ausgabeordner heraus"),
    "url with scheme": ("Title: Bericht\nDate: 2025-05-20\nUrl: https://evil.example/\n\nText\n", 3,
                        "„Url: https://evil.example/“ zeigt aus dem Ausgabeordner heraus"),
    "unknown status": ("Title: Bericht\nDate: 2025-05-20\nStatus: entwurf\n\nText\n", 3,
                       "erlaubt sind published, draft, hidden"),
    "template not in the theme": ("Title: Bericht\nDate: 2025-05-20\nTemplate: spezial\n\nText\n", 3,
                                  "„Template: spezial“: die Vorlage spezial.html gibt es im Theme nicht"),
    "missing link target": ("Title: Bericht\nDate: 2025-05-20\n\nSiehe [a]({filename}fehlt.md).\n",
                            4, "Link {filename}fehlt.md: Datei fehlt.md gibt es im Content-Ordner nicht"),
    "missing image": ("Title: Bericht\nDate: 2025-05-20\n\nText\n\n![Foto]({static}images/x.png)\n",
                      6, "Link {static}images/x.png: Datei images/x.png gibt es"),
    "link out of content": ("Title: Bericht\nDate: 2025-05-20\n\n[a]({filename}../x.md)\n", 4,
                            "zeigt aus dem Content-Ordner heraus"),
    # What `invoke new` leaves to fill in.
    "placeholder participant": ("Title: Bericht\nDate: 2025-05-20\n\n### Teilnehmer\n\n"
                                "- Name, Rolle, Firma\n", 6,
                                "Platzhalter „Name, Rolle, Firma“ aus `invoke new`"),
    "empty date item in the next section": (
        "Title: Bericht\nDate: 2025-05-20\n\n### next\n\n- date: \n- talks:\n    - Anna: X\n", 6,
        "„date:“ ohne Datum: den nächsten Termin eintragen"),
    "empty date paragraph in the next section": (
        "Title: Bericht\nDate: 2025-05-20\n\n### nächster Termin\n\nTermin:\n\nVorträge:\n", 6,
        "„Termin:“ ohne Datum"),
    "TODO in the text": ("Title: Bericht\nDate: 2025-05-20\n\nTODO: Fotos einfügen\n", 4,
                         "„TODO“ steht noch im Text"),
    "TODO in a header": ("Title: Bericht\nDate: 2025-05-20\nSummary: TODO\n\nText\n", 3,
                         "„TODO“ steht noch im Text"),
    "placeholder location": ("Title: Einladung\nDate: 2025-05-20\n\n### Wann:\n\n3.6.2025\n\n"
                             "### Wo:\n\n(Ort)\n", 10, "Platzhalter „(Ort)“ aus `invoke new`"),
    "placeholder signup": ("Title: Einladung\nDate: 2025-05-20\n\n### Anmeldung\n\n"
                           "(Link zur Anmeldung)\n", 6, "Platzhalter „(Link zur Anmeldung)“"),
}


# A date in the file name dates a file without "Date:": these cases need a name without one.
UNDATED_NAME = {"missing date", "blank first line", "heading instead of header"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rule(tmp_path, settings, case):
    text, line, message = CASES[case]
    name = "bericht.md" if case in UNDATED_NAME else "2025-05-20-bericht.md"
    write(tmp_path, name, text)
    problem = only(check(tmp_path, settings))
    assert (problem.path, problem.line, problem.severity) == (name, line, "error")
    assert message in problem.message
    assert str(problem).startswith(f"{name}:{line}: ")


def test_date_from_the_file_name_and_title_from_the_heading(tmp_path, settings):
    write(tmp_path, "2025-05-20-bericht.md", "Title: Bericht\n\nText\n")
    write(tmp_path, "protokoll-20250617.md", "# Protokoll vom Juni\n\nAnwesend: Anna, Bernd\n")
    assert check(tmp_path, settings) == []


def test_good_file_has_no_problem(tmp_path, settings):
    write(tmp_path, "2025-05-20-bericht.md", GOOD)
    write(tmp_path, "pages/about.md", "Title: Über uns\n\nWir treffen uns monatlich.\n")
    assert check(tmp_path, settings) == []


def test_template_of_the_theme_is_accepted(tmp_path, settings):
    write(tmp_path, "pages/about.md", "Title: Über uns\nTemplate: page\n\nText\n")
    assert check(tmp_path, settings) == []


def test_pages_need_no_date(tmp_path, settings):
    write(tmp_path, "pages/about.md", "Title: Über uns\n\nText\n")
    write(tmp_path, "pages/ohne-titel.md", "Text ohne Kopf\n")
    problem = only(check(tmp_path, settings))
    assert (problem.path, problem.line) == ("pages/ohne-titel.md", 1)


def test_filled_in_labels_and_todo_words_are_no_placeholders(tmp_path, settings):
    write(tmp_path, "2025-05-20-bericht.md", "Title: Bericht\nDate: 2025-05-20\n\n"
          "### Teilnehmer\n\n- Anna, Rolle, Firma\n\n### Anna: TODO-Listen mit LLMs\n\n"
          "So schreibt man es: `# TODO`\n\n```python\n# TODO: aufräumen\n```\n\n"
          "    TODO im eingerückten Code\n\n"
          "### Orga\n\n- Datum:\n- Ort: Mitte\n\n"  # not the "next" section: just a list
          "### next\n\nTermin:\n20. Januar 2026\n\n- Datum:\n    - 21.1.2026\n")
    assert check(tmp_path, settings) == []


def test_a_todo_task_of_the_minutes_is_a_hint_and_the_file_still_builds(tmp_path, settings):
    write(tmp_path, "2025-05-20-protokoll.md", "Title: Protokoll\nDate: 2025-05-20\n\n"
          "Anwesend: Anna, Bernd\n\nTODO: Bernd fragt beim Vermieter nach dem Schlüssel.\n")
    problem = only(check(tmp_path, settings))
    assert (problem.line, problem.severity) == (6, "hint")
    assert "eine Aufgabe des Protokolls" in problem.message


def test_prose_with_colon_after_header_is_no_header_key(tmp_path, settings):
    write(tmp_path, "a.md", "Title: Bericht\nDate: 2025-05-20\nHeute ging es um: Transformer\n")
    assert errors(check(tmp_path, settings)) == []


# --- Encodings -------------------------------------------------------------------------


def test_windows_1252_is_named(tmp_path, settings):
    write(tmp_path, "a.md", "Title: Grüße\nDate: 2025-05-20\n\nMünchen\n".encode("cp1252"))
    problem = only(check(tmp_path, settings))
    assert (problem.line, problem.severity) == (1, "error")
    assert "nicht als UTF-8 lesbar (Byte 0xFC)" in problem.message
    assert "sieht nach Windows-1252 aus; als UTF-8 speichern" in problem.message


def test_undecodable_without_windows_1252_hint(tmp_path, settings):
    # 0x81 is unassigned in Windows-1252: neither UTF-8 nor Windows-1252.
    write(tmp_path, "a.md", b"Title: X\nDate: 2025-05-20\n\nText \x81\n")
    problem = only(check(tmp_path, settings))
    assert problem.line == 4
    assert "als UTF-8 speichern" in problem.message
    assert "Windows-1252" not in problem.message


def test_utf16_is_named(tmp_path, settings):
    write(tmp_path, "a.md", GOOD.encode("utf-16"))
    assert "UTF-16" in only(check(tmp_path, settings)).message


def test_bom_and_crlf_are_accepted(tmp_path, settings):
    write(tmp_path, "a.md", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    write(tmp_path, "b.md", GOOD.replace("Mai", "Juni").replace("\n", "\r").encode())
    assert check(tmp_path, settings) == []


def test_empty_and_binary_files(tmp_path, settings):
    write(tmp_path, "leer.md", "")
    write(tmp_path, "nur-leerzeilen.md", "\n\n  \n")
    write(tmp_path, "bild.md", bytes(range(256)) * 8)
    problems = check(tmp_path, settings)
    assert [(p.path, p.line) for p in problems] == [
        ("bild.md", 1), ("leer.md", 1), ("nur-leerzeilen.md", 1)]
    assert "Binärdatei" in problems[0].message
    assert "Datei ist leer" in problems[1].message


def test_only_headers_is_a_hint(tmp_path, settings):
    write(tmp_path, "a.md", "Title: Bericht\nDate: 2025-05-20\n")
    problem = only(check(tmp_path, settings))
    assert (problem.line, problem.severity) == (2, "warning")
    assert str(problem) == "a.md:2: Hinweis: nur Kopfzeilen, kein Text"


# --- Slugs and output paths ------------------------------------------------------------

TITLES = [
    "Bericht vom Treffen im März 2025",
    "Einladung: Über „Größe“ & Maße – ML in der Praxis!",
    "  Straße   zwischen\tzwei  Leerzeichen  ",
    "<em>Markup</em> im Titel",
    "ﬁ Ligatur und Ⅻ römisch",
    "Ünïcödé çà",
]


@pytest.mark.parametrize("title", TITLES)
def test_slugify_matches_pelican(settings, title):
    expected = pelican_slugify(
        title,
        regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
        preserve_case=settings["SLUGIFY_PRESERVE_CASE"],
        use_unicode=settings["SLUGIFY_USE_UNICODE"],
    )
    assert slugify(title, settings) == expected


def test_slugify_without_unicode_setting_matches_pelican(settings):
    plain = dict(settings, SLUGIFY_USE_UNICODE=False)
    for title in TITLES:
        assert slugify(title, plain) == pelican_slugify(
            title, regex_subs=plain["SLUG_REGEX_SUBSTITUTIONS"])


def test_duplicate_slugs_from_titles_get_the_date(tmp_path, settings):
    """A recurring title is no error: the build appends each meeting's date."""
    write(tmp_path, "2025-05-20-bericht.md", "Title: Treffen im März\nDate: 2025-05-20\n\nA\n")
    write(tmp_path, "2026-05-20-bericht.md", "Title: Treffen im Maerz\nDate: 2026-05-20\n\nB\n")
    write(tmp_path, "einmalig.md", "Title: Einmalig\nDate: 2026-06-20\n\nC\n")
    problems = check(tmp_path, settings)
    assert errors(problems) == []
    assert [(p.path, p.line, p.severity) for p in problems] == [
        ("2025-05-20-bericht.md", 1, "warning"), ("2026-05-20-bericht.md", 1, "warning")]
    assert "(treffen-im-maerz-2025-05-20/index.html)" in problems[0].message
    assert "(treffen-im-maerz-2026-05-20/index.html)" in problems[1].message


def test_duplicate_slug_headers(tmp_path, settings):
    """A slug chosen by hand is never changed: two of them on one file stay an error."""
    write(tmp_path, "2025-05-20-bericht.md", "Title: A\nDate: 2025-05-20\nSlug: treffen\n\nA\n")
    write(tmp_path, "2026-05-20-bericht.md", "Title: B\nDate: 2026-05-20\nSlug: treffen\n\nB\n")
    problems = check(tmp_path, settings)
    assert [(p.path, p.line, p.severity) for p in problems] == [
        ("2025-05-20-bericht.md", 3, "error"), ("2026-05-20-bericht.md", 3, "error")]
    assert "Slug „treffen“ gibt es mehrfach (auch 2026-05-20-bericht.md:3)" in problems[0].message
    assert "treffen/index.html" in problems[0].message


def test_duplicate_slug_header_against_page(tmp_path, settings):
    write(tmp_path, "a.md", "Title: Bericht\nDate: 2025-05-20\nSlug: ueber-uns\n\nA\n")
    write(tmp_path, "pages/about.md", "Title: Über uns\n\nB\n")
    problems = check(tmp_path, settings)
    assert [(p.path, p.line) for p in problems] == [("a.md", 3), ("pages/about.md", 1)]


def test_same_slug_as_draft_does_not_collide(tmp_path, settings):
    write(tmp_path, "a.md", "Title: Bericht\nDate: 2025-05-20\n\nA\n")
    write(tmp_path, "b.md", "Title: Bericht\nDate: 2025-05-21\nStatus: draft\n\nB\n")
    assert check(tmp_path, settings) == []


def test_slug_on_a_page_of_the_site(tmp_path, settings):
    write(tmp_path, "a.md", "Title: Bericht\nDate: 2025-05-20\nSlug: archiv\n\nA\n")
    problem = only(check(tmp_path, settings))
    assert problem.severity == "error"
    assert "archiv/index.html" in problem.message and "ARCHIVES_SAVE_AS" in problem.message


def test_title_on_a_page_of_the_site_gets_the_date(tmp_path, settings):
    write(tmp_path, "a.md", "Title: Archiv\nDate: 2025-05-20\n\nA\n")
    problem = only(check(tmp_path, settings))
    assert problem.severity == "warning"
    assert "ARCHIVES_SAVE_AS" in problem.message and "(archiv-2025-05-20/index.html)" in problem.message


# --- Links -------------------------------------------------------------------------------


def test_links_that_resolve(tmp_path, settings):
    write(tmp_path, "images/foto.png", b"\x89PNG\r\n")
    write(tmp_path, "pages/about.md", "Title: Über uns\n\nB\n")
    write(tmp_path, "a.md", "Title: Bericht\nDate: 2025-05-20\n\n"
          "[about]({filename}pages/about.md) [abs]({filename}/pages/about.md#team)\n"
          "![foto]({static}images/foto.png) [self]({filename}#oben)\n"
          "[b](|filename|pages/about.md) [quoted]({filename}pages/about.md \"Titel\")\n")
    assert check(tmp_path, settings) == []


def test_links_in_code_are_not_links(tmp_path, settings):
    write(tmp_path, "a.md", "Title: Bericht\nDate: 2025-05-20\n\n"
          "So verlinkt man: `[x]({filename}fehlt.md)`\n\n```\n[y]({filename}auch-nicht.md)\n```\n")
    assert check(tmp_path, settings) == []


def test_wrong_link_kind(tmp_path, settings):
    write(tmp_path, "images/foto.png", b"\x89PNG\r\n")
    write(tmp_path, "notiz.md", "Title: Notiz\nDate: 2025-05-21\n\nN\n")
    write(tmp_path, "a.md", "Title: Bericht\nDate: 2025-05-20\n\n"
          "![foto]({filename}images/foto.png)\n[n]({static}notiz.md)\n")
    problems = check(tmp_path, settings)
    assert [(p.path, p.line) for p in problems] == [("a.md", 4), ("a.md", 5)]
    assert "mit {static} verlinken" in problems[0].message
    assert "Seiten mit {filename} verlinken" in problems[1].message


def test_files_pelican_would_not_read_are_hinted(tmp_path, settings):
    write(tmp_path, "2025-05-20-bericht.txt", GOOD)
    write(tmp_path, "images/foto.png", b"\x89PNG\r\n")
    problem = only(check(tmp_path, settings))
    assert (problem.path, problem.severity) == ("2025-05-20-bericht.txt", "warning")
    assert "Pelican liest diese Datei nicht" in problem.message


def test_all_problems_of_a_folder_sorted(tmp_path, settings):
    write(tmp_path, "b.md", "Date: 12.08.2025\n\n[x]({filename}fehlt.md)\n")
    write(tmp_path, "a.md", "Title: A\nDate: 2023-02-30\n")
    problems = check(tmp_path, settings)
    assert [(p.path, p.line, p.severity) for p in problems] == [
        ("a.md", 2, "error"), ("a.md", 2, "warning"),
        ("b.md", 1, "error"), ("b.md", 1, "error"), ("b.md", 3, "error")]


def test_facts_problems_are_warnings(tmp_path, settings):
    write(tmp_path, "a.md", GOOD)
    seen = []

    def read_facts(text, date, headers):
        seen.append((text.splitlines()[0], date, headers["title"]))
        return [(5, "Teilnehmerliste ohne Namen")]

    problem = only(check(tmp_path, settings, read_facts=read_facts))
    assert seen == [("Title: Bericht vom Treffen im Mai 2025", dt.datetime(2025, 5, 20, 18, 30),
                     "Bericht vom Treffen im Mai 2025")]
    assert str(problem) == "a.md:5: Hinweis: Teilnehmerliste ohne Namen"


# --- invoke check, as an organizer runs it -----------------------------------------------


def test_invoke_check_lists_every_problem_and_fails(tmp_path):
    content = tmp_path / "content"
    write(content, "2025-01-21-bericht.md", "Title: Januar\nDate: 21.01.2025\n\nText\n")
    write(content, "februar-bericht.md", "Title: Februar\n\nText\n")
    write(content, "2024-12-01-alt.md", "Title: Alt\nDate: 2024-02-30\n\nText\n".encode("cp1252"))
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    shown = f"{content}/"
    assert lines == [
        f"{shown}2024-12-01-alt.md:2: Datum „2024-02-30“ gibt es nicht: Februar 2024 hat 29 Tage",
        f"{shown}2025-01-21-bericht.md:2: „Date: 21.01.2025“ ist kein ISO-Datum "
        "(Pelican läse es womöglich als anderen Tag); schreibe 2025-01-21",
        f"{shown}februar-bericht.md:1: „Date:“ fehlt; Berichte und Einladungen brauchen "
        "„Date: JJJJ-MM-TT“ (optional mit Uhrzeit HH:MM) oder ein Datum im Dateinamen "
        "(2025-01-21-bericht.md)",
    ]
    assert "3 Fehler, 0 Hinweise" in result.stderr
    assert "Traceback" not in result.stderr


REPORT_OF_2026_01 = ("Title: Bericht vom Treffen im Januar 2026\nDate: {date} 18:30\n\n"
                     "### Teilnehmer\n\n- Anna, Data Scientist, Firma A\n")
ANNOUNCEMENT_OF_2026_01 = ("Title: Einladung zum Treffen am 20. Januar 2026\nDate: 2025-11-25 12:00\n\n"
                           "### Wann:\n\n{when} um 18:30\n\n### Wo:\n\nStuttgart\n")


def test_invoke_check_hints_when_file_name_and_date_disagree(tmp_path):
    content = tmp_path / "content"
    write(content, "2026-01-20-bericht.md", REPORT_OF_2026_01.format(date="2025-04-03"))
    # Announcements are named by the meeting they announce, not by their Date.
    write(content, "2026-01-20-einladung.md", ANNOUNCEMENT_OF_2026_01.format(when="20.01.2026"))
    write(content, "2026-02-17-einladung.md", ANNOUNCEMENT_OF_2026_01.format(when="24.02.2026")
          .replace("Januar", "Februar"))
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[:-1] == [
        f"{content}/2026-01-20-bericht.md:2: Hinweis: Dateiname nennt 2026-01-20, „Date:“ aber "
        "2025-04-03: eins von beiden anpassen",
        f"{content}/2026-02-17-einladung.md:2: Hinweis: Dateiname nennt 2026-02-17, die Einladung "
        "aber den Termin 2026-02-24: eins von beiden anpassen",
    ]
    assert "keine Fehler, 2 Hinweise" in result.stdout


def test_invoke_check_no_hint_when_file_name_and_date_agree(tmp_path):
    content = tmp_path / "content"
    write(content, "2026-01-20-bericht.md", REPORT_OF_2026_01.format(date="2026-01-20"))
    write(content, "bericht-ohne-datum.md", REPORT_OF_2026_01.format(date="2026-01-21")
          .replace("Januar 2026", "Januar 2026 (2)"))
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "Inhalt in Ordnung: 2 Dateien geprüft, keine Fehler, 0 Hinweise."]


def test_invoke_check_paths_relative_to_the_project(tmp_path):
    """Run from the project folder, paths are shown as content/…, ready to click."""
    result = run_invoke("check")
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.splitlines()[-1]
    count = sum(1 for p in CONTENT.rglob("*.md"))
    assert summary.startswith(f"Inhalt in Ordnung: {count} Dateien geprüft, keine Fehler")
    for line in result.stdout.splitlines()[:-1]:
        assert line.startswith("content/") and ": Hinweis: " in line


def test_invoke_check_without_content_folder(tmp_path):
    result = run_invoke("check", "--content", str(tmp_path / "gibt-es-nicht"))
    assert result.returncode == 1
    assert f"Content-Ordner {tmp_path / 'gibt-es-nicht'} gibt es nicht" in result.stderr
    assert "Traceback" not in result.stderr
