"""Extract, update and check the catalogs: what ``invoke catalogs`` runs.

``babel.cfg`` (the project's root) names the sources: the theme's templates and
the plugin's Python (the reader's ``N_`` ids too).  Extraction gives a template catalog
in memory; ``update`` merges it into every ``.po`` file (new ids with an empty
translation, removed ones dropped) and writes them sorted by id, without line
numbers and with a fixed creation date, so that the diff of a catalog shows
only the messages that changed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

from . import catalogs

PROJECT = "meetup-site"
COMMENT_TAGS = ("TRANSLATORS:",)
# Top-level folders babel.cfg's patterns may match in (files in the root are read too).
SOURCES = ("plugins", "theme")
# The creation date every catalog carries: extraction time would change each run.
CREATION = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Status:
    code: str
    path: Path
    messages: int  # ids in the template
    translated: int
    missing: tuple[str, ...]  # ids with no translation (or fuzzy)
    problems: tuple[str, ...]  # format mismatches Babel finds


def template(root: Path) -> Catalog:
    """Every message the templates and the plugin's Python mark, from ``root/babel.cfg``."""
    with (root / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(root / "babel.cfg"))
    catalog = Catalog(project=PROJECT, creation_date=CREATION, fuzzy=False)
    root = Path(root).resolve()

    def searched(folder: str) -> bool:
        """Only the theme and the plugins: node_modules, .venv and output stay unread."""
        relative = Path(folder).resolve().relative_to(root).parts
        return not relative or (relative[0] in SOURCES and not any(
            part.startswith((".", "_")) for part in relative))

    for filename, lineno, message, comments, context in extract_from_dir(
            root, method_map, options_map, keywords=DEFAULT_KEYWORDS,
            comment_tags=COMMENT_TAGS, strip_comment_tags=True, directory_filter=searched):
        catalog.add(message, None, [(Path(filename).as_posix(), lineno)],
                    auto_comments=comments, context=context)
    return catalog


def message_ids(catalog: Catalog) -> set[tuple[str | None, str]]:
    """(context, id) of every message; a plural message by its singular id."""
    return {(message.context, message.id if isinstance(message.id, str) else message.id[0])
            for message in catalog if message.id}


HEADER = """\
# {language} messages of meetup-site: the theme's and the plugin's texts.
# `invoke catalogs` adds new messages with an empty msgstr: translate those.
# Message ids are English; "%(name)s" and "{{name}}" stay as they are."""


def _write(path: Path, catalog: Catalog) -> bool:
    """Write ``catalog`` to ``path`` sorted, without line numbers; True when it changed."""
    name = catalog.locale.english_name if catalog.locale else "Template"
    catalog.header_comment = HEADER.format(language=name)
    catalog.project, catalog.version = PROJECT, "1"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = ""
    catalog.language_team = ""
    catalog.revision_date = CREATION
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, ignore_obsolete=True,
             include_lineno=False)
    data = buffer.getvalue()
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def new_catalog(root: Path, code: str, folder: Path = catalogs.BUILTIN) -> Path:
    """Start a catalog for ``code`` (every message untranslated)."""
    code = catalogs.normalize(code)
    path = catalogs.catalog_path(folder, code)
    if path.exists():
        raise FileExistsError(f"{path} exists already")
    catalog = Catalog(locale=code, project=PROJECT, creation_date=CREATION,
                      revision_date=CREATION, fuzzy=False)
    catalog.update(template(root), update_creation_date=False)
    _write(path, catalog)
    return path


def update(root: Path, folders: Iterable[Path] = (catalogs.BUILTIN,)) -> list[Path]:
    """Merge the fresh template into every catalog in ``folders``; the changed files."""
    fresh = template(root)
    changed = []
    for folder in folders:
        for code in catalogs.available([folder]):
            path = catalogs.catalog_path(folder, code)
            catalog = catalogs.read_catalog(path)
            catalog.creation_date = CREATION
            # New ids start untranslated: a guess from a similar id would be shown.
            catalog.update(fresh, no_fuzzy_matching=True, update_creation_date=False)
            if _write(path, catalog):
                changed.append(path)
    return changed


def status(root: Path, code: str, folders: Iterable[Path] = ()) -> Status:
    """How complete the catalog of ``code`` (in ``folders`` or the plugin's) is."""
    path = next(p for p in [catalogs.catalog_path(f, code) for f in [*folders, catalogs.BUILTIN]]
                if p.is_file())
    catalog = catalogs.read_catalog(path)
    wanted = message_ids(template(root))
    done = {(m.context, m.id if isinstance(m.id, str) else m.id[0])
            for m in catalog if m.id and not m.fuzzy
            and (all(m.string) if isinstance(m.string, (tuple, list)) else m.string)}
    problems = tuple(f"{message.id!r}: {error}" for message, errors in catalog.check()
                     for error in errors)
    missing = tuple(sorted(message for context, message in wanted - done))
    return Status(code, path, len(wanted), len(wanted & done), missing, problems)
