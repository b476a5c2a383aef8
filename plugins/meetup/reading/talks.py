"""Talks: held (report headings ``Name: Thema``) and planned (lists of items).

A heading is a talk when the part before ``:`` / `` - `` / `` – `` looks like a
name: one to three capitalized words without digits, not an acronym, none of
them a section word ("Fazit: was bleibt" is no talk by "Fazit").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_text import fold, indent_of, list_item, plain_text
from .model import Talk
from .sections import Line

# Section words that look like a speaker before a colon; compared fold()ed.
SECTION_WORDS = frozenset("""
    intro einleitung einfuehrung protokoll teilnehmer teilnehmende teilnehmerinnen
    vorstellungsrunde anwesend anwesende participants attendees next naechster naechstes
    termin termine organisatorisches orga sonstiges links link wann wo anmeldung anmelden
    fazit ausblick rueckblick agenda thema themen vortrag vortraege talk talks lightning
    keynote panel demo diskussion discussion frage fragen update news neuigkeiten hinweis
    info achtung tipp tipps ergebnis ergebnisse zusammenfassung summary hintergrund
    motivation ziel ziele problem probleme loesung beispiel beispiele teil part schritt step
    status exkurs bonus pause workshop hackathon quellen ressourcen resources literatur
    feedback idee ideen open offen location ort programm nachtrag edit faq todo wichtig
    note notes anmerkung anmerkungen kommentar erkenntnisse takeaways setup installation
    code paper buch buchbesprechung conclusion outlook introduction background question
    questions results result warnung disclaimer danke credits slides folien video aufzeichnung
    recording kurz kurzvortrag neu neues termin date datum zeit wer was wie warum
""".split())
# Words that may join or prefix names without being capitalized.
_NAME_JOINERS = frozenset({"und", "&", "+", "/", "von", "van", "de", "der", "zu", "vom", "and", "mit"})
_MAX_NAME_WORDS = 3

_SPEAKER_AND_TITLE = re.compile(r"(?P<speaker>[^:]+?)(?:\s*:\s*|\s+[-–—]\s+)(?P<title>\S.*)")
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’/-]*")
# Leading times in a programme: "18:30 ", "19:00 Uhr:", "19:00 - ", "19:00–19:30".
_LEADING_TIME = re.compile(r"[0-9]{1,2}[:.][0-9]{2}(?:\s*[-–]\s*[0-9]{1,2}[:.][0-9]{2})?\s*(?:Uhr)?\s*[:\-–—]?\s*")

# Items of a programme that are no talk.
_PROGRAMME_WORDS = frozenset("""
    begruessung pizza networking get-together ausklang ende essen pause einlass snacks
    getraenke vorstellungsrunde intro open-end open end kennenlernen abendessen verabschiedung
    offenes austausch diskussion
""".split())
_PLACEHOLDER_WORDS = frozenset({"tba", "tbd", "t.b.a", "t.b.d", "n/a", "na", "offen", "noch offen",
                                "folgt", "?", "??", "???", "...", "…", "-", "--", "—"})
_PLACEHOLDER_PHRASES = ("meldet euch", "melde dich", "meldet sich", "gerne melden", "bitte melden",
                        "wir suchen", "gesucht", "weitere themen", "weitere vortraege",
                        "vorschlaege willkommen", "vorschlaege gerne", "ideen willkommen",
                        "to be announced", "wer moechte", "wer hat lust", "freiwillige",
                        "noch offen", "steht noch nicht fest", "noch nicht fest",
                        "wird noch bekannt gegeben", "let us know", "call for")


def looks_like_name(text: str) -> bool:
    """"Andreas", "Dr. K. Maier", "Anna und Bernd", "Jan/Janina"; not "Fazit", "AWS"."""
    words = plain_text(text).split()
    name_words = [word for word in words if fold(word) not in _NAME_JOINERS]
    if not 1 <= len(name_words) <= _MAX_NAME_WORDS or len(words) > 2 * _MAX_NAME_WORDS:
        return False
    for word in name_words:
        letters = [char for char in word if char.isalpha()]
        if not _NAME_WORD.fullmatch(word) or not word[0].isupper():
            return False
        if len(letters) > 1 and all(char.isupper() for char in letters):
            return False  # an acronym such as "AWS" or "LLM"
        if fold(word.strip(".")) in SECTION_WORDS:
            return False
    return True


def split_speaker(text: str) -> Talk:
    """``Name: Thema`` → Talk(Name, Thema); anything else → Talk("", text)."""
    text = plain_text(text)
    match = _SPEAKER_AND_TITLE.fullmatch(text)
    if match and looks_like_name(match["speaker"]):
        return Talk(match["speaker"].strip(), match["title"].strip())
    return Talk("", text)


def talk_from_heading(title: str) -> Talk | None:
    talk = split_speaker(title)
    return talk if talk.speaker else None


def is_placeholder(text: str) -> bool:
    """"(meldet euch wenn ihr Vorträge habt!)", "tba", "noch offen" … mean "no talk yet"."""
    folded = fold(plain_text(text)).strip(" ()[]!.:*_")
    if not folded or folded in _PLACEHOLDER_WORDS:
        return True
    return any(phrase in folded for phrase in _PLACEHOLDER_PHRASES)


def says_nothing(text: str) -> bool:
    """A placeholder that is only a word ("tba", "?", "noch offen"), no call to action."""
    folded = fold(plain_text(text)).strip(" ()[]!.:*_")
    return not folded or folded in _PLACEHOLDER_WORDS


def programme_entry(text: str) -> str | None:
    """A programme line without its time; None for pizza, welcome and the like."""
    text = _LEADING_TIME.sub("", plain_text(text), count=1).strip()
    if is_placeholder(text):
        return None
    words = [word.strip(",:.!") for word in fold(text).replace("&", " ").split()]
    if words and all(word in _PROGRAMME_WORDS or word in _NAME_JOINERS for word in words):
        return None  # "Pizza und Getränke", "Begrüßung"; not "Intro to Transformers"
    return text


_TALK_LABEL = re.compile(r"(?:talks?|vortr(?:ä|ae)ge|vortrag|themen|thema|topics?|programm|agenda)"
                         r"[ \t]*(?P<colon>:)?[ \t]*(?P<rest>.*)", re.IGNORECASE)


def talk_label_rest(text: str) -> str | None:
    """For "talks: …" / "Vorträge:" / "**Themen:**" the text after the label, else None."""
    match = _TALK_LABEL.fullmatch(plain_text(text))
    if not match or not (match["colon"] or not match["rest"]):
        return None
    return match["rest"]


@dataclass(frozen=True)
class TalkBlock:
    """A talk label ("talks:", "Vorträge:") and the list items under it."""

    label: int  # index of the label line
    rest: str  # what follows the label on its line ("talks: Anna: Embeddings")
    items: tuple[int, ...]  # indices of the block's top-level items
    end: int  # index after the block's last line


def talk_blocks(lines: list[Line]) -> list[TalkBlock]:
    """Every talk label in these lines with the items under it, in order."""
    blocks: list[TalkBlock] = []
    index = 0
    while index < len(lines):
        label = index
        text = lines[index].text
        item = list_item(text)
        rest = talk_label_rest(item.content if item else text.strip())
        index += 1
        if rest is None:
            continue
        items, index = _items_under(lines, index, item.indent if item else -1)
        blocks.append(TalkBlock(label, rest, items, index))
    return blocks


def planned_items(lines: list[Line]) -> list[str]:
    """The items under talk labels ("talks:", "Vorträge:") in these lines."""
    items: list[str] = []
    for block in talk_blocks(lines):
        if block.rest:
            items.append(block.rest)
        items.extend(list_item(lines[index].text).content for index in block.items)
    return [entry for entry in (programme_entry(item) for item in items) if entry]


def _items_under(lines: list[Line], index: int, label_indent: int) -> tuple[tuple[int, ...], int]:
    """Indices of the top-level list items following a label, and where the block ends."""
    found: list[tuple[int, int]] = []  # (indent, line index)
    while index < len(lines):
        text = lines[index].text
        if not text.strip():
            index += 1
            continue
        item = list_item(text)
        if item is None:
            if indent_of(text) > max(label_indent, 0):
                index += 1  # an item's continuation line
                continue
            break
        if item.indent <= label_indent or talk_label_rest(item.content) is not None:
            break
        found.append((item.indent, index))
        index += 1
    if not found:
        return (), index
    top = min(indent for indent, _ in found)
    return tuple(position for indent, position in found if indent == top), index


def talks_in_list(lines: list[Line]) -> list[str]:
    """Programme entries of a talks section: its top-level items, or its lines."""
    items = [(item.indent, item.content) for line in lines if (item := list_item(line.text))]
    if items:
        top = min(indent for indent, _ in items)
        entries = [content for indent, content in items if indent == top]
    else:
        entries = [line.text for line in lines if line.text.strip()]
    return [entry for entry in (programme_entry(text) for text in entries) if entry]
