"""What ``kept`` keeps between processes (the given names, the compiled catalogs) is
what a fresh computation gives, a second process loads it instead of computing it
again, an edited source is derived anew, and no damaged file, unusable folder or
failing disk changes a result.

The store lies in the system's temporary folder; every test points that at a folder
of its own (``tempfile.tempdir`` in this process, ``TMPDIR`` in a child process), so
the tests never touch the store other builds use and never write into the repository.
"""

from __future__ import annotations

import ast
import hashlib
import io
import os
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from babel.support import Translations

from helpers import OCTOBER_REPORT as REPORT, build_env, build_site, write_settings
from pelican.plugins.meetup import kept
from pelican.plugins.meetup.i18n import catalogs
from pelican.plugins.meetup.reading import names

GERMAN = catalogs.catalog_path(catalogs.BUILTIN, "de")


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    """The store's folder for this test (created by the first use)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path / f"_meetup-kept-{os.getuid()}"


def _names_data() -> bytes:
    import gender_guesser.detector as detector

    return (Path(detector.__file__).parent / "data" / "nam_dict.txt").read_bytes()


def _kept_names() -> frozenset[str]:
    """What a new process gets (names._given_names without its in-process cache)."""
    return names._given_names.__wrapped__()


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def _in_child(code: str, temporary: Path) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, timeout=120, cwd=temporary,
                            env=dict(os.environ, TMPDIR=str(temporary)))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


NAMES_IN_CHILD = """
    import hashlib
    from pelican.plugins.meetup.reading import names
    found = names._given_names()
    print(len(found), hashlib.sha256("\\n".join(sorted(found)).encode()).hexdigest())
"""


def _summary(found: frozenset[str]) -> str:
    return f"{len(found)} {hashlib.sha256(chr(10).join(sorted(found)).encode()).hexdigest()}"


def test_kept_names_are_a_fresh_parse_and_a_second_process_loads_them(store, tmp_path):
    fresh = names._parse_names(_names_data())
    assert len(fresh) > 50_000 and {"taryn", "makoto", "zoltan", "xin ling", "xin-ling", "xinling"} <= fresh
    assert _kept_names() == fresh  # the first use parses and keeps
    files = list(store.glob("given-names-*.kept"))
    assert len(files) == 1
    assert stat.S_IMODE(store.stat().st_mode) == 0o700
    before = _stamp(files[0])
    assert _kept_names() == fresh  # loaded
    # A new process loads the file (it is not written again) and has the same names.
    assert _in_child(NAMES_IN_CHILD, tmp_path) == _summary(fresh)
    assert _stamp(files[0]) == before
    assert list(store.iterdir()) == files  # no temporary file left


def test_kept_catalogs_are_a_fresh_compile_and_a_second_process_loads_them(store, tmp_path):
    fresh = catalogs._mo_bytes(GERMAN, GERMAN.read_bytes())
    assert catalogs.compiled(GERMAN) == fresh
    files = list(store.glob("catalog-*.kept"))
    assert len(files) == 1
    before = _stamp(files[0])
    assert catalogs.compiled(GERMAN) == fresh
    german = catalogs._compile(GERMAN)
    assert german._catalog == Translations(io.BytesIO(fresh), domain=catalogs.DOMAIN)._catalog
    assert german.pgettext("address", "talks") == "vortraege"
    child = _in_child(f"""
        import hashlib
        from pathlib import Path
        from pelican.plugins.meetup.i18n import catalogs
        print(hashlib.sha256(catalogs.compiled(Path({str(GERMAN)!r}))).hexdigest())
        print(catalogs.translations("de").gettext("Archive"))
    """, tmp_path).splitlines()
    assert child[0] == hashlib.sha256(fresh).hexdigest() and child[1] == "Archiv"
    assert _stamp(files[0]) == before  # loaded, not compiled and written again
    assert len(list(store.glob("catalog-*.kept"))) == 2  # and English, its fallback


def test_an_edited_catalog_is_compiled_again(store, tmp_path):
    po = tmp_path / "translations" / "de" / "LC_MESSAGES" / "meetup.po"
    po.parent.mkdir(parents=True)
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
    po.write_text(head + 'msgid "Next meeting"\nmsgstr "Demnächst"\n', encoding="utf-8")
    first = Translations(io.BytesIO(catalogs.compiled(po)))
    assert first.gettext("Next meeting") == "Demnächst"
    po.write_text(head + 'msgid "Next meeting"\nmsgstr "Bald wieder"\n', encoding="utf-8")
    assert Translations(io.BytesIO(catalogs.compiled(po))).gettext("Next meeting") == "Bald wieder"
    assert len(list(store.glob("catalog-*.kept"))) == 2


def test_a_broken_catalog_still_fails_and_nothing_is_kept_of_it(store, tmp_path):
    po = tmp_path / "broken.po"
    po.write_text('msgid "Next meeting"\nmsgstr "Demnächst"\ngarbage\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(catalogs.LanguageError, match="broken.po: not a readable catalog"):
            catalogs.compiled(po)
    assert not list(store.glob("catalog-*"))


@pytest.mark.slow
def test_an_edited_catalog_shows_in_the_next_build(tmp_path):
    """Two builds, two processes (``invoke build``), one store: the second build finds
    the compiled catalogs of the first, and the site's own catalog, edited in between,
    is compiled again and its new text is on the page."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    site = tmp_path / "site"  # as a group's repository: content, catalog, settings
    content = site / "content"
    content.mkdir(parents=True)
    (content / "2025-10-21-bericht.md").write_text(REPORT, encoding="utf-8")
    po = site / "translations" / "de" / "LC_MESSAGES" / "meetup.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  '"Language: de\\n"\n\nmsgid "Next meeting"\nmsgstr "Demnächst"\n',
                  encoding="utf-8")
    settings = write_settings(site / "site_settings.py", PATH=str(content),
                              CACHE_PATH=str(tmp_path / "cache"),
                              MEETUP_TRANSLATION_PATHS=[str(site / "translations")])
    output = tmp_path / "output"
    env = build_env(TMPDIR=str(temporary))
    page = output / "bericht-vom-treffen-im-oktober-2025" / "index.html"

    result = build_site(content, output, settings=settings, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Demnächst" in page.read_text(encoding="utf-8")
    store = temporary / f"_meetup-kept-{os.getuid()}"
    first = {path: _stamp(path) for path in store.glob("catalog-*.kept")}
    assert len(first) == 3  # the site's de, the plugin's de and en

    po.write_text(po.read_text(encoding="utf-8").replace("Demnächst", "Bald wieder"),
                  encoding="utf-8")
    result = build_site(content, output, settings=settings, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    text = page.read_text(encoding="utf-8")
    assert "Bald wieder" in text and "Demnächst" not in text
    now = {path: _stamp(path) for path in store.glob("catalog-*.kept")}
    assert len(now) == 4  # the edited catalog's compiled bytes besides the old ones
    assert all(now[path] == stamp for path, stamp in first.items())  # the rest loaded
    assert sorted(path.name for path in site.rglob("*")
                  if path.is_file() and path.parent.name != "__pycache__") == [
        "2025-10-21-bericht.md", "meetup.po", "site_settings.py"]  # nothing kept beside them


def test_a_damaged_kept_file_is_ignored_and_replaced(store):
    fresh = names._parse_names(_names_data())
    assert _kept_names() == fresh
    (path,) = store.glob("given-names-*.kept")
    whole = path.read_bytes()
    damages = {
        "truncated": whole[: len(whole) // 2],
        "empty": b"",
        "one byte changed": whole[:-10] + bytes([whole[-10] ^ 1]) + whole[-9:],
        "no header": whole[len(kept.MAGIC) + 32:],
    }
    for damage, data in damages.items():
        path.write_bytes(data)
        assert _kept_names() == fresh, damage
        assert path.read_bytes() == whole, damage  # replaced by a good one

    # A file whose checksum holds but whose content is no list of names (as an older
    # layout could write): refused by the loader, derived again, replaced.
    payload = b"not names"
    path.write_bytes(kept.MAGIC + hashlib.sha256(payload).digest() + payload)
    assert _kept_names() == fresh
    assert path.read_bytes() == whole

    fresh_mo = catalogs._mo_bytes(GERMAN, GERMAN.read_bytes())
    assert catalogs.compiled(GERMAN) == fresh_mo
    (mo,) = store.glob("catalog-*.kept")
    good = mo.read_bytes()
    payload = b"\0" * 64  # checksum right, no .mo
    mo.write_bytes(kept.MAGIC + hashlib.sha256(payload).digest() + payload)
    assert catalogs.compiled(GERMAN) == fresh_mo
    assert mo.read_bytes() == good


def _derive_counting(calls: list) -> bytes:
    def make() -> bytes:
        calls.append(1)
        return b"derived"

    return kept.derived("probe", b"source", make, dump=bytes, load=bytes)


def test_an_open_folder_or_one_of_another_user_is_refused(store):
    store.mkdir(mode=0o755)
    os.chmod(store, 0o755)  # whatever the umask
    assert _kept_names() == names._parse_names(_names_data())
    assert catalogs.compiled(GERMAN) == catalogs._mo_bytes(GERMAN, GERMAN.read_bytes())
    assert list(store.iterdir()) == []  # nothing written into it, and it was not repaired
    assert stat.S_IMODE(store.stat().st_mode) == 0o755
    with pytest.raises(kept.UnsafeFolder, match="open to other users"):
        kept.folder()
    calls: list = []
    assert _derive_counting(calls) == b"derived" and _derive_counting(calls) == b"derived"
    assert len(calls) == 2  # nothing kept, derived each time

    if os.geteuid() == 0:  # only root can give a folder to another user
        os.chmod(store, 0o700)
        os.chown(store, 4242, 4242)
        with pytest.raises(kept.UnsafeFolder, match="another user"):
            kept.folder()
        assert _kept_names() == names._parse_names(_names_data())
        assert list(store.iterdir()) == []


def test_a_folder_that_cannot_be_made_or_written_changes_no_result(store, tmp_path,
                                                                   monkeypatch):
    fresh = names._parse_names(_names_data())
    # A file where the folder should be.
    store.write_bytes(b"")
    assert _kept_names() == fresh
    with pytest.raises(kept.UnsafeFolder, match="not a folder"):
        kept.folder()
    store.unlink()
    # A symbolic link to a private folder: refused, not followed.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    store.symlink_to(elsewhere)
    assert _kept_names() == fresh
    assert list(elsewhere.iterdir()) == []
    store.unlink()
    # A temporary folder that does not exist.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    assert _kept_names() == fresh
    assert catalogs.compiled(GERMAN) == catalogs._mo_bytes(GERMAN, GERMAN.read_bytes())
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    # A kept file that can be neither read nor replaced (a folder in its place).
    calls: list = []
    path = kept.path_of("probe", b"source")
    path.mkdir()
    assert _derive_counting(calls) == b"derived" and _derive_counting(calls) == b"derived"
    assert len(calls) == 2 and path.is_dir()
    assert [entry.name for entry in store.iterdir()] == [path.name]  # no temporary file left


def test_parallel_processes_share_one_store(tmp_path):
    """Four processes start with an empty store at once (xdist workers, parallel builds):
    each gets the right names, and what is left is one complete file."""
    fresh = _summary(names._parse_names(_names_data()))
    code = textwrap.dedent(NAMES_IN_CHILD)
    children = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                                 env=dict(os.environ, TMPDIR=str(tmp_path)))
                for _ in range(4)]
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.strip() == fresh
    store = tmp_path / f"_meetup-kept-{os.getuid()}"
    (path,) = store.iterdir()
    assert path.name.startswith("given-names-") and path.suffix == ".kept"
    assert _in_child(NAMES_IN_CHILD, tmp_path) == fresh


def test_the_key_is_every_input():
    base = kept.key("probe", b"source", ["1.0"], [])
    assert kept.key("probe", b"source", ["1.0"], []) == base
    assert kept.key("probe", b"source!", ["1.0"], []) != base
    assert kept.key("probe", b"source", ["1.1"], []) != base
    assert kept.key("other", b"source", ["1.0"], []) != base
    assert kept.key("probe", b"source", ["1.0"], [Path(kept.__file__)]) != base
    # Parts never run together.
    assert kept.key("probe", b"", ["ab"]) != kept.key("probe", b"", ["a", "b"])
    assert kept.key("probe", b"b", ["a"]) != kept.key("probe", b"", ["ab"])
    with pytest.raises(ValueError):
        kept.path_of("../escape", b"")


def test_kept_uses_the_standard_library_only():
    tree = ast.parse(Path(kept.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module.split(".")[0] in sys.stdlib_module_names \
                | {"__future__"}, node.module
        elif isinstance(node, ast.Import):
            assert all(alias.name.split(".")[0] in sys.stdlib_module_names
                       for alias in node.names)

