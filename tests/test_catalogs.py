"""The message catalogs: every text the templates and the plugin's Python mark is in
the German and the English catalog, translated, with matching placeholders.

The texts are extracted afresh (babel.cfg, as ``invoke catalogs`` does) and
compared with the committed ``.po`` files, so a new ``_("…")`` in a template or
a module fails here until ``invoke catalogs`` has added it and someone has
translated it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from pelican.plugins.meetup.i18n import catalogs, extract
from pelican.plugins.meetup.i18n import language as languages

FIXTURE_CATALOGS = Path(__file__).resolve().parent / "fixtures" / "translations"


@pytest.fixture(scope="module")
def template():
    return extract.template(ROOT)


def ids_of(catalog) -> set:
    return extract.message_ids(catalog)


def test_extraction_finds_template_and_python_texts(template):
    found = ids_of(template)
    assert len(found) > 200
    for expected in [(None, "Next meeting"), (None, "Skip to content"),  # template
                     (None, "%(num)s participant"),  # template_filters.py (plural)
                     ("address", "archive"),  # i18n/language.py
                     (None, "Content is fine: {count} file checked, no errors, {hints}."),  # organizer/commands.py
                     ("placeholder", "Name, role, company"),  # contentcheck.py
                     (None, "Section “{section}”: {problem}"),  # reading/model.py (N_)
                     (None, "invalid date “{date}”")]:  # reading/dates.py (N_)
        assert expected in found, expected
    sources = {Path(path).parts[0] for message in template for path, _ in message.locations}
    # tasks.py is read too, but its tasks print through organizer/commands.py.
    assert sources == {"theme", "plugins"}
    # The reader's problem texts are marked with N_ and extracted too.
    reader = {message.id for message in template
              if any("/reading/" in path for path, _ in message.locations)}
    assert len(reader) >= 30, sorted(reader)


@pytest.mark.parametrize("code", ["de", "en"])
def test_catalog_translates_every_text(template, code):
    state = extract.status(ROOT, code)
    assert state.messages == len(ids_of(template))
    assert state.missing == (), f"{code}: untranslated (run invoke catalogs and translate): " \
                                f"{state.missing}"
    assert state.problems == (), state.problems
    catalog = catalogs.read_catalog(catalogs.catalog_path(catalogs.BUILTIN, code))
    stale = ids_of(catalog) - ids_of(template)
    assert not stale, f"{code}: texts no template or module uses any more: {stale}"
    assert not any(message.fuzzy for message in catalog if message.id)


def test_a_text_missing_from_the_catalogs_is_found(tmp_path):
    """A new template text is reported as missing from the German catalog."""
    shutil.copy(ROOT / "babel.cfg", tmp_path / "babel.cfg")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    page = tmp_path / "theme" / "templates" / "page.html"
    page.write_text(page.read_text(encoding="utf-8") + '{{ _("A text nobody translated") }}\n',
                    encoding="utf-8")
    state = extract.status(tmp_path, "de")
    assert state.missing == ("A text nobody translated",)


def test_placeholders_match_in_every_translation():
    """"%(num)s" and "{path}" survive translation (Babel's check finds a lost one)."""
    for code in catalogs.available([FIXTURE_CATALOGS]):
        path = next(p for p in (catalogs.catalog_path(FIXTURE_CATALOGS, code),
                                catalogs.catalog_path(catalogs.BUILTIN, code)) if p.is_file())
        catalog = catalogs.read_catalog(path)
        assert [str(errors) for _, errors in catalog.check()] == [], code
        for message in catalog:
            if not message.id or not message.string:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(re.findall(r"\{\w+[^}]*\}", ids[-1]))
            for string in strings:
                if string:
                    assert set(re.findall(r"\{\w+[^}]*\}", string)) == wanted, (code, message.id)


def test_addresses_are_url_safe_in_every_catalog():
    for code in catalogs.available([FIXTURE_CATALOGS]):
        language = languages.Language(code, (str(FIXTURE_CATALOGS),))
        for name, slug in languages.fixed_slugs(language).items():
            assert re.fullmatch(r"[a-z0-9-]+", slug), (code, name, slug)
        for name in languages.calendar_names(language):
            assert re.fullmatch(r"[a-z0-9-]+", name), (code, name)


def test_catalogs_compile_the_same_every_time():
    path = catalogs.catalog_path(catalogs.BUILTIN, "de")
    assert catalogs._compile(path)._catalog == catalogs._compile(path)._catalog
    german = catalogs.translations("de")
    assert german.gettext("Archive") == "Archiv"
    assert german.ngettext("%(num)s participant", "%(num)s participants", 1) == "%(num)s Person"
    assert german.pgettext("address", "talks") == "vortraege"


def test_invoke_catalogs_check_reports_complete_catalogs():
    result = subprocess.run([sys.executable, "-m", "invoke", "catalogs", "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    count = len(extract.message_ids(extract.template(ROOT)))
    assert f"de: {count} of {count} messages translated" in lines
    assert f"en: {count} of {count} messages translated" in lines
