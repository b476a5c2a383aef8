"""Talks: held (report headings ``Name: Thema``) and planned (lists of items).

A heading is a talk when the part before ``:`` / `` - `` / `` – `` names a person
(``person``): one to three capitalized words without digits, not an acronym, none
of them a section word ("Fazit: was bleibt" is no talk by "Fazit"), and evidence
that they are a name: the first word is a given name (``names.is_given_name``),
so "Logstash: JRuby at work" and "Peas - a Docker PaaS" are titles, not speakers.
A line that opens with people (``leading_people``: "Ann Example will talk about
…", "[Ann](…) and [Bo](…) will be leading us") names the speakers of what it is
under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_text import SAME_LINE, fold, indent_of, list_item, plain_text
from .model import Talk
from .names import is_given_name
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
_NAME_JOINERS = frozenset({"und", "&", "+", "/", "von", "van", "de", "der", "zu", "vom", "and", "mit",
                           "ten", "ter", "den", "da", "di", "du", "del", "della", "le", "la", "op"})
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
_ONLY_URL = re.compile(r"(?:https?://|www\.)\S*")
_PLACEHOLDER_WORDS = frozenset({"tba", "tbd", "tbc", "t.b.a", "t.b.d", "t.b.c", "n/a", "na", "offen",
                                "noch offen", "folgt", "?", "??", "???", "...", "…", "-", "--", "—"})
# Calls for talks instead of a talk, German and English (folded: lower case, "ae" for "ä").
_PLACEHOLDER_PHRASES = ("meldet euch", "melde dich", "meldet sich", "gerne melden", "bitte melden",
                        "wir suchen", "gesucht", "weitere themen", "weitere vortraege",
                        "vorschlaege willkommen", "vorschlaege gerne", "ideen willkommen",
                        "to be announced", "wer moechte", "wer hat lust", "freiwillige",
                        "noch offen", "steht noch nicht fest", "noch nicht fest",
                        "wird noch bekannt gegeben",
                        "let us know", "let me know", "get in touch", "reach out", "call for",
                        "looking for talks", "looking for speakers", "looking for presenters",
                        "looking for a speaker", "looking for a talk", "looking for more talks",
                        "speakers wanted", "speaker wanted", "talks wanted", "presenters wanted",
                        "volunteers wanted", "want to speak", "want to give a talk",
                        "want to present", "like to speak", "like to give a talk",
                        "like to present", "your talk here", "submit a talk", "submit your talk",
                        "propose a talk", "talk proposals", "suggestions welcome",
                        "proposals welcome", "ideas welcome", "talks welcome", "to be confirmed",
                        "to be decided", "not fixed yet", "not decided yet")


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


_PEOPLE_SEPARATOR = re.compile(r"\s*(?:,|&|\+|/|\band\b|\bund\b)\s*")
_HONORIFICS = frozenset({"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
                         "frau", "herr", "dipl.", "ing."})
_INITIAL = re.compile(r"[^\W\d_]\.")


def _one_person(words: list[str], linked: bool) -> bool:
    while words and fold(words[0]) in _HONORIFICS:
        words = words[1:]
    if not words:
        return False
    if is_given_name(words[0]):
        return True
    # "K. Maier": initials and a surname are a name's shape too.
    if len(words) >= 2 and _INITIAL.fullmatch(words[0]):
        return True
    return linked and len(words) >= 2


def person(text: str, *, linked: bool = False) -> bool:
    """Whether ``text`` names people ("Ann Example", "Anna und Bernd", "Dr. K. Maier"),
    by their shape (``looks_like_name``) and evidence: each one's first word is a given
    name, or, for a link's text (``linked``), two or more capitalised words."""
    text = plain_text(text)
    if not looks_like_name(text):
        return False
    parts = [part for part in _PEOPLE_SEPARATOR.split(text.strip()) if part]
    return bool(parts) and all(_one_person(part.split(), linked) for part in parts)


@SAME_LINE  # a heading is weighed by the kind, talk and "next" readers alike
def split_speaker(text: str) -> Talk:
    """``Name: Thema`` → Talk(Name, Thema); anything else → Talk("", text).

    ``Ann Example will talk about …`` names its speaker too (``leading_people``)."""
    markdown = text
    text = plain_text(text)
    match = _SPEAKER_AND_TITLE.fullmatch(text)
    if match and person(match["speaker"]):
        return Talk(match["speaker"].strip(), match["title"].strip())
    found = leading_people(text, markdown)
    if found is not None and found.rest and found.verb:
        return Talk(found.speakers, text)
    return Talk("", text)


# --- lines that open with people ------------------------------------------------------

# Words before the names: "This month [Ann](…) will …", "Heute zeigt …" is no lead-in.
_LEAD_INS = ("this month", "this time", "this year", "tonight", "today", "also", "then", "first",
             "finally", "afterwards", "after that", "next up", "diesmal", "heute abend")
# What people do in a line about their talk (folded); "berichtet" is a board member's
# report in minutes, no talk.
_TALK_VERBS = frozenset("""
    says say writes write explains tells will would shall is are was were wants want gave gives
    give presents presented present talks talked speaks spoke jumped offered introduces
    introduced introduce shows showed show demos demonstrates leads led joins returns has have
    kindly also brings takes walks guides hopes plans might could can should
    wird werden moechte moechten stellt stellen zeigt zeigen erzaehlt erzaehlen spricht sprechen
    haelt halten praesentiert praesentieren fuehrt gibt referiert
""".split())
_FROM = frozenset({"from", "of", "at", "von", "vom", "aus"})
_AND = frozenset({"and", "und", "&"})
_MAX_PEOPLE = 6


@dataclass(frozen=True)
class People:
    speakers: str  # as written: "Ann Example", "Ann Example and Bo Sample"
    rest: str  # what follows the names ("will talk about …"); "" when the line is only names
    verb: bool  # the rest opens with a colon or a verb of speaking ("says", "will", "zeigt")
    count: int  # how many people
    linked: bool = False  # every name is a link's text ("[Ann Example](…) says:")
    colon: bool = False  # "Ann Example: …"


def leading_people(plain: str, markdown: str = "") -> People | None:
    """People's names at the start of a line, with evidence for each (``person``; a
    link's text counts as ``linked``), and what follows them; None when the line does
    not open with people."""
    words = plain.split()
    start = 0
    lowered = fold(" ".join(words[:3])).replace(",", "")
    for lead in _LEAD_INS:
        if lowered == lead or lowered.startswith(lead + " "):
            start = len(lead.split())
            break
    names: list[list[str]] = []
    separators: list[str] = []
    current: list[str] = []
    colon = False
    index = start
    while index < len(words) and len(names) < _MAX_PEOPLE:
        word = words[index]
        core = word.rstrip(",:;")
        folded = fold(core)
        if core and core[0].isupper() and len(current) < 4 and folded not in _AND:
            current.append(core)
            index += 1
            if word != core:
                names.append(current)
                current = []
                if word.endswith(":"):
                    colon = True
                    break
                if word.endswith(","):
                    separators.append(", ")
                    continue
                break
            continue
        if current and folded in _NAME_JOINERS and folded not in _AND and folded not in ("/", "+"):
            current.append(core)
            index += 1
            continue
        if current and folded in _AND:
            names.append(current)
            separators.append(f" {core} ")
            current = []
            index += 1
            continue
        break
    if current:
        names.append(current)
    if not names or any(not name for name in names):
        return None
    # A name ending in a joiner ("Anna van") is cut off.
    if any(fold(name[-1]) in _NAME_JOINERS for name in names):
        return None
    rest_words = words[index:]
    if rest_words and fold(rest_words[0]) in _FROM:
        # "[Ann](…) from [Example Co](…) will …": the organisation is no person.
        skip = 1
        while skip < len(rest_words) and rest_words[skip][:1].isupper() and skip < 4:
            skip += 1
        rest_words = rest_words[skip:]
    if len(separators) >= len(names):
        separators = separators[:len(names) - 1]
    linked = True
    for name in names:
        text = " ".join(name)
        linked = linked and _linked(text, markdown)
        if not person(text, linked=_linked(text, markdown)):
            return None
    speakers = " ".join(names[0])
    for separator, name in zip(separators, names[1:]):
        speakers += separator + " ".join(name)
    rest = " ".join(rest_words)
    verb = colon or bool(rest_words) and fold(rest_words[0].strip(",:;.")) in _TALK_VERBS
    return People(speakers, rest, verb, len(names), linked, colon)


def _linked(name: str, markdown: str) -> bool:
    """``name`` is the text of a link (``[Ann Example](…)``, ``[Ann Example][ref]``,
    ``<a href=…>Ann Example</a>``) in ``markdown``."""
    if not markdown:
        return False
    return re.search(r"\[\s*" + re.escape(name) + r"\s*\]\s*[(\[]", markdown) is not None or \
        re.search(r"<a\s[^<>]*>\s*" + re.escape(name) + r"\s*</a>", markdown, re.IGNORECASE) is not None


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
    if is_placeholder(text) or _ONLY_URL.fullmatch(text):
        return None  # a link in a notes list is no talk
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
