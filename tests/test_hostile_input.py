"""Hostile input: files an organizer might really commit, built with ``invoke build``.

Each case is its own build of a tiny site whose output/ already holds a
previous good build.  A refused build must exit 1, name file and line, show
no traceback and leave output/ byte-for-byte as it was; an accepted one must
produce the page a reader expects.
"""

from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup

from hostile_helpers import (GOOD_REPORT, Site, assert_built, assert_refused, new_site,
                             settings_file, snapshot)
from hostile_helpers import baseline, settings, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

NEW = "2025-11-18-bericht.md"


def report(title: str = "Bericht vom Treffen im November 2025", date: str = "2025-11-18 18:30",
           body: str = "## Protokoll\n\nText.\n") -> str:
    return f"Title: {title}\nDate: {date}\n\n{body}"


def refused(site: Site, baseline, line: int, message: str, name: str = NEW):
    result = site.build()
    assert_refused(result, site, baseline[1], f"{site.content}/{name}:{line}: {message}")
    return result


def soup(site: Site, relative: str) -> BeautifulSoup:
    return BeautifulSoup(site.read(relative), "html.parser")


def text(element) -> str:
    """Visible text; typogrify's no-break spaces count as spaces."""
    return element.get_text(" ", strip=True).replace("\xa0", " ")


# --- Refused -------------------------------------------------------------------------------


def test_without_title(site, baseline):
    site.add(NEW, "Date: 2025-11-18 18:30\n\nText.\n")
    refused(site, baseline, 1, "„Title:“ fehlt")


def test_without_date(site, baseline):
    """Neither a Date header nor a date in the file name (2025-11-18-…) or its folders."""
    site.add("bericht-november.md", "Title: Bericht vom Treffen im November 2025\n\nText.\n")
    refused(site, baseline, 1, "„Date:“ fehlt", name="bericht-november.md")


def test_an_undated_file_that_reads_as_minutes_is_refused(site, baseline):
    """No date anywhere, but who came and the next date: a meeting whose date is missing."""
    site.add("protokoll.md", "# Protokoll\n\nAnwesend: Anna, Bernd\n\nNächster Termin: 14.04.2026\n")
    refused(site, baseline, 1, "„Date:“ fehlt", name="protokoll.md")


def test_without_title_and_heading(site, baseline):
    site.add(NEW, "Wir trafen uns und redeten.\n")
    refused(site, baseline, 1, "„Title:“ fehlt: die Datei beginnt nicht mit Kopfzeilen")


def test_front_matter_without_date(site, baseline):
    site.add("treffen.md", "---\ntitle: Treffen im November\nlocation: Stuttgart\n---\n\nText.\n")
    refused(site, baseline, 1, "kein Datum: weder „date“ noch „meeting_date“ im YAML-Vorspann",
            name="treffen.md")


def test_unsafe_yaml_tag_is_refused_not_run(site, baseline, tmp_path):
    marker = tmp_path / "ran"
    site.add(NEW, f"---\ntitle: Treffen\ndate: 2025-11-18\n"
                  f"x: !!python/object/apply:os.system ['touch {marker}']\n---\n\nText.\n")
    refused(site, baseline, 4, "YAML-Tag „!!python/object/apply:os.system“ ist im Vorspann nicht "
                               "erlaubt")
    assert not marker.exists()


def test_german_date(site, baseline):
    site.add(NEW, report(date="12.08.2025"))
    refused(site, baseline, 2, "„Date: 12.08.2025“ ist kein ISO-Datum "
                               "(Pelican läse es womöglich als anderen Tag); schreibe 2025-08-12")


def test_date_that_does_not_exist(site, baseline):
    site.add(NEW, report(date="2023-02-30"))
    refused(site, baseline, 2, "Datum „2023-02-30“ gibt es nicht: Februar 2023 hat 28 Tage")


def test_header_key_with_umlaut(site, baseline):
    site.add(NEW, "Title: Bericht\nDate: 2025-11-18\nStraße: Königstraße 1\nSummary: kurz\n\nText\n")
    refused(site, baseline, 3, "Kopfzeile „Straße:“: Namen dürfen nur A–Z, a–z, 0–9, _ und - enthalten")


def test_windows_1252_file(site, baseline):
    site.add(NEW, report(title="Grüße aus Möhringen").encode("cp1252"))
    refused(site, baseline, 1, "nicht als UTF-8 lesbar (Byte 0xFC); sieht nach Windows-1252 aus; "
                               "als UTF-8 speichern")


def test_empty_file(site, baseline):
    site.add(NEW, b"")
    refused(site, baseline, 1, "Datei ist leer")


def test_binary_file_named_md(site, baseline):
    site.add(NEW, bytes(range(256)) * 64)
    refused(site, baseline, 1, "Binärdatei mit Endung .md, keine Textdatei")


def test_two_files_with_the_same_slug_header(site, baseline):
    """A slug chosen by hand is kept: one that a page has too stops the build."""
    site.add(NEW, report().replace("Date:", "Slug: ueber-uns\nDate:"))
    result = refused(site, baseline, 2, "Slug „ueber-uns“ gibt es mehrfach "
                                        f"(auch {site.content}/pages/about.md:2)")
    assert f"{site.content}/pages/about.md:2: Slug" in result.stderr


def test_two_files_with_the_same_title_build_with_their_dates(site):
    site.add(NEW, report(title="Bericht vom Treffen im Oktober 2025"))
    result = site.build()
    assert_built(result, site)
    slug = "bericht-vom-treffen-im-oktober-2025"
    assert not (site.output / slug).exists()
    for day in ("2025-10-21", "2025-11-18"):
        page = soup(site, f"{slug}-{day}/index.html")
        assert text(page.find("h1")) == "Bericht vom Treffen im Oktober 2025"
    assert f"{site.content}/{NEW}:1: Hinweis: den Titel haben mehrere Treffen" in result.stdout


def test_slug_with_dot_dot(site, baseline):
    site.add(NEW, "Title: Bericht\nDate: 2025-11-18\nSlug: ../../ausbruch\n\nText\n")
    refused(site, baseline, 3, "„Slug: ../../ausbruch“ darf weder / noch .. enthalten")
    assert not (site.root.parent / "ausbruch").exists()


@pytest.mark.parametrize("target", ["../../ausbruch.html", "ABSOLUTE"])
def test_save_as_outside_output_writes_nothing(site, baseline, tmp_path_factory, target):
    outside = tmp_path_factory.mktemp("outside") / "ausbruch.html"
    value = str(outside) if target == "ABSOLUTE" else target
    site.add(NEW, f"Title: Bericht\nDate: 2025-11-18\nSave_as: {value}\n\nText\n")
    before = sorted(p.name for p in site.root.iterdir())
    refused(site, baseline, 3, f"„Save_as: {value}“ zeigt aus dem Ausgabeordner heraus")
    assert not outside.exists()
    assert not (site.root.parent.parent / "ausbruch.html").exists()
    assert sorted(p.name for p in site.root.iterdir()) == before


def test_save_as_setting_outside_output(tmp_path, baseline):
    conf = settings_file(tmp_path / "conf", ARCHIVES_SAVE_AS="../archiv.html")
    site = new_site(tmp_path / "site", conf, previous=baseline[0])
    result = site.build()
    assert_refused(result, site, baseline[1],
                   "Einstellung ARCHIVES_SAVE_AS = '../archiv.html' zeigt aus dem Ausgabeordner heraus")
    assert not (tmp_path / "archiv.html").exists()


def test_broken_link_to_a_missing_page(site, baseline):
    site.add(NEW, report(body="## Protokoll\n\nSiehe [Oktober]({filename}2025-10-12-bericht.md).\n"))
    refused(site, baseline, 6, "Link {filename}2025-10-12-bericht.md: Datei 2025-10-12-bericht.md "
                               "gibt es im Content-Ordner nicht")


def test_broken_link_to_a_missing_image(site, baseline):
    site.add(NEW, report(body="## Protokoll\n\nText.\n\n![Foto]({static}images/gruppe.jpg)\n"))
    refused(site, baseline, 8, "Link {static}images/gruppe.jpg: Datei images/gruppe.jpg gibt es")


def test_all_problems_at_once_sorted(site, baseline):
    site.add(NEW, "Date: 18.11.2025\n\nText\n")
    site.add("2025-09-16-bericht.md", report(date="2025-09-31"))
    result = site.build()
    assert_refused(result, site, baseline[1])
    lines = [line for line in result.stderr.splitlines() if line.startswith("FEHLER: ")]
    assert lines == [
        f"FEHLER: {site.content}/2025-09-16-bericht.md:2: Datum „2025-09-31“ gibt es nicht: "
        "September 2025 hat 30 Tage",
        f"FEHLER: {site.content}/{NEW}:1: „Date: 18.11.2025“ ist kein ISO-Datum "
        "(Pelican läse es womöglich als anderen Tag); schreibe 2025-11-18",
        f"FEHLER: {site.content}/{NEW}:1: „Title:“ fehlt; jede Seite braucht eine Kopfzeile „Title: …“ "
        "oder eine Überschrift „# …“ als Titel",
    ]


# --- Accepted --------------------------------------------------------------------------------


def test_an_undated_rules_page_among_the_meetings_is_named_and_not_built(site, baseline):
    """A README or rules page in the archive folder: no date, no meeting signs."""
    site.add("geschaeftsordnung.md", "---\ntitle: Geschäftsordnung des Vorstands\n---\n\n"
                                      "Beschlüsse fallen mit einfacher Mehrheit.\n")
    result = site.build()
    assert_built(result, site)
    assert "geschaeftsordnung.md:1: kein Datum und weder Bericht noch Einladung: nicht gebaut" \
        in result.stdout + result.stderr
    assert not any("Geschäftsordnung" in path.read_text(encoding="utf-8", errors="replace")
                   for path in site.output.rglob("*.html"))

UMLAUT_REPORT = report(
    title="Grüße aus Möhringen",
    body="## Protokoll\n\n### Teilnehmer\n\n- Jürgen, Übersetzer, Straßenbahn AG\n- Ölaf\n\n"
         "### Jürgen: Größenordnungen\n\n- Maße, Gewichte und „Anführungszeichen“\n",
)


@pytest.mark.parametrize("variant", ["bom", "crlf", "bom+crlf"])
def test_bom_and_crlf_build_with_umlauts_intact(site, variant):
    source = UMLAUT_REPORT.replace("\n", "\r\n") if "crlf" in variant else UMLAUT_REPORT
    data = source.encode("utf-8")
    site.add(NEW, b"\xef\xbb\xbf" + data if "bom" in variant else data)
    assert_built(site.build(), site)
    page = soup(site, "gruesse-aus-moehringen/index.html")
    assert text(page.find("h1")) == "Grüße aus Möhringen"
    main = text(page.find("main"))
    assert "Maße, Gewichte und „Anführungszeichen“" in main
    assert "\r" not in site.read("gruesse-aus-moehringen/index.html")
    assert "\ufeff" not in site.read("gruesse-aus-moehringen/index.html")


@pytest.mark.parametrize("variant", ["bom", "crlf"])
def test_bom_and_crlf_keep_the_plugin_reading(site, variant):
    """The participant widget reads the section as in a plain UTF-8/LF file."""
    data = (UMLAUT_REPORT.replace("\n", "\r\n") if variant == "crlf" else UMLAUT_REPORT).encode()
    site.add(NEW, b"\xef\xbb\xbf" + data if variant == "bom" else data)
    assert_built(site.build(), site)
    widget = soup(site, "gruesse-aus-moehringen/index.html").find(class_="participants")
    assert widget is not None, "participant widget missing"
    shown = text(widget)
    for word in ("Jürgen", "Übersetzer", "Straßenbahn AG", "Ölaf"):
        assert word in shown, f"{word!r} not in participant widget: {shown!r}"


def test_only_headers(site):
    site.add(NEW, "Title: Bericht vom Treffen im November 2025\nDate: 2025-11-18 18:30\n")
    result = site.build()
    assert_built(result, site)
    assert f"{site.content}/{NEW}:2: Hinweis: nur Kopfzeilen, kein Text" in result.stdout
    page = soup(site, "bericht-vom-treffen-im-november-2025/index.html")
    assert text(page.find("h1")) == "Bericht vom Treffen im November 2025"


def test_five_megabyte_report(site):
    section = "".join(f"- Punkt {n}: Gradientenabstieg, Lernrate und Überanpassung im Detail\n"
                      for n in range(40))
    body = "## Protokoll\n\n" + "".join(f"### Thema {n}\n\n{section}\n" for n in range(1850))
    body += "\nLetzte Zeile des langen Berichts.\n"
    source = report(body=body)
    assert len(source.encode()) > 5_000_000
    site.add(NEW, source)
    started = time.monotonic()
    result = site.build()
    seconds = time.monotonic() - started
    assert_built(result, site)
    print(f"5 MB report built in {seconds:.1f} s")  # reported, not asserted: no timed tests
    html = site.read("bericht-vom-treffen-im-november-2025/index.html")
    assert "Letzte Zeile des langen" in html
    assert html.count("<h3") >= 1850


def test_previous_output_replaced_completely(site, baseline):
    """A good build replaces output/: pages of deleted files do not linger."""
    (site.content / "2025-10-21-bericht.md").unlink()
    site.add(NEW, report())
    assert_built(site.build(), site)
    built = snapshot(site.output)
    assert "bericht-vom-treffen-im-november-2025/index.html" in built
    assert "bericht-vom-treffen-im-oktober-2025/index.html" in baseline[1]
    assert "bericht-vom-treffen-im-oktober-2025/index.html" not in built


def test_good_report_is_the_baseline(baseline):
    """Guard for the fixtures above: the baseline really holds the good report."""
    assert "bericht-vom-treffen-im-oktober-2025/index.html" in baseline[1]
    assert "Björn" in baseline[1]["bericht-vom-treffen-im-oktober-2025/index.html"].decode()
    assert GOOD_REPORT.startswith("Title: Bericht vom Treffen im Oktober 2025")
