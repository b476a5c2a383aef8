"""Talks written as headings, with the speaker below the title or in the heading.

    ### Getting started with property tests
    [Ann Example](https://…) says:            (or "Ann Example:", "by Ann Example",
                                               "Ann Example will talk about …",
                                               "[Ann](…) and [Bo](…) will be leading us",
                                               a line that is only "[Ann Example](…)")

Also ``Titel (Sprecher)`` and ``Sprecher - Titel`` / ``Sprecher: Titel`` headings
when the part before the separator names a person (``talks.person``: a dash or a
colon alone does not make a speaker); ``# Title`` directly followed by ``## Speaker``;
and, on lightning-talk nights, headings that are only a person's name (``### [Ann
Example](…)``) under an agenda heading.  A speaker line below the heading wins over
the heading's own split.

Not held: a struck heading (``~~…~~``, ``<strike>…</strike>``), one marked
"verschoben"/"abgesagt"/"cancelled", or a note under it that the speaker dropped
out ("has had to cancel", "had to pull out", "couldn't make it", "postponed").
No talks: headings under a releases, news or events heading (``by Dev One`` credits a
software release there, and other groups' events have their own speakers).
Without any talk heading, a report's prose may name its talk: "Last night Ann
Example gave a presentation on …".  A person is told by ``talks.person``, never by
position alone.
"""

from __future__ import annotations

import re

from dataclasses import replace

from .markdown_text import fold, plain_text
from .materials import materials_in, unique, without_materials
from .model import Talk
from .sections import Block
from .participants import is_participants_heading
from .talks import SECTION_WORDS, leading_people, looks_like_name, person

_BY = re.compile(r"(?:by|von|speaker|sprecher(?:in)?|referent(?:in)?)\s*:?\s+(?P<speaker>.+?)\.?")
_TITLE_WITH_SPEAKER = re.compile(r"(?P<title>.+?)\s*\((?P<speaker>[^()]+)\)")
_SPEAKER_FIRST = re.compile(r"(?P<speaker>[^:]+?)(?:\s*:\s*|\s+[-–—]\s+)(?P<title>\S.*)")
_NOT_HELD = re.compile(r"\b(?:verschoben|abgesagt|faellt aus|entfaellt|cancelled|canceled|postponed)\b")
# A note under a talk heading that it will not take place (folded, ’ as ').
_DROPPED = re.compile(
    r"\b(?:ha[sd] (?:had )?to (?:cancel|pull out|postpone|drop out|withdraw)|pulled out|dropped out"
    r"|(?:couldn't|could not|can't|cannot|won't be able to|isn't able to) make it"
    r"|(?:is|was|are|were) unable to (?:make it|attend|come|speak|present)"
    r"|didn't make (?:it|this)|(?:has been|have been|was|were|is) (?:postponed|cancell?ed)"
    r"|postponed (?:till|until|to)|(?:was|is) ill\b|abgesagt|verschoben|faellt (?:leider )?aus"
    r"|entfaellt|musste (?:leider )?absagen)"
)
# Parent headings whose subheadings are no talks of ours.
_NOT_TALKS_PARENT = re.compile(
    r"\b(?:releases?|released|news|neuigkeiten|events?|veranstaltungen|termine|links|jobs|hiring"
    r"|sponsors?|announcements)\b")
# Parent headings of talks (speaker-only headings need one).
_TALKS_PARENT = re.compile(
    r"\b(?:agenda|talks?|programm?e?|vortraege|vortrag|lightning|speakers?|line-?up|schedule"
    r"|referenten|referentinnen|sprecher)\b")
_ONLY_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\s*(?:\([^()]*\)|\[[^\[\]]*\])|<a\s[^<>]*>(?P<html>[^<>]+)</a>",
                        re.IGNORECASE)
# A sentence about a talk: a word of talking, or the audience addressed ("will encourage
# us to …", "zeigt uns …").
_TALKING = re.compile(r"\b(?:talk|tell|present|speak|show|demo|introduc|explain|lead|leading|cover"
                      r"|vortrag|vortraege|praesentier|referier|spricht|sprechen|erzaehlt|us|uns)\b"
                      r"|\b(?:talk|tell|present|speak|show|demo|introduc|explain|lead|cover|praesentier|referier)")
_TALKING_WITHIN = 6  # words: "is going to tell us about", not a verb at the end of a report
_ROLE = re.compile(r"\s*\((?P<role>[^()]*)\)\s*$")
# "Ann Example gave a great presentation on …", "… hielt einen Vortrag über …".
_GAVE_A_TALK = re.compile(
    r"\s(?:gave|presented|did|held|hielt)\s+(?:us\s+)?(?:a|an|his|her|their|einen|eine)\s+"
    r"(?:[\w-]+\s+){0,2}(?:presentation|talk|demo|lightning talk|vortrag|kurzvortrag|workshop)\b"
    r"(?:\s+(?:on|about|über|ueber|zu[mr]?)\s+(?P<title>[^.;]+))?", re.IGNORECASE)


def _folded(text: str) -> str:
    return fold(text).replace("’", "'")


def _linked_only(block: Block) -> str | None:
    """The text of a heading that is a link and nothing else, else None."""
    match = _ONLY_LINK.fullmatch(block.markdown.strip())
    if match is None:
        return None
    return plain_text(match["text"] or match["html"])


def _speaker_line(block: Block) -> str | None:
    """The speakers a line right under a talk heading names, as written; material
    links after the name ("by Ann Example - [slides](…)") are no part of it."""
    text = block.plain.strip()
    if materials_in(block.markdown):
        text = plain_text(without_materials(block.markdown)).strip()
    if match := _BY.fullmatch(text):
        speaker = match["speaker"].strip()
        return speaker if person(speaker, linked=f"[{speaker}]" in block.markdown) else None
    people = leading_people(text, block.markdown)
    if people is None or not (people.verb or not people.rest):
        return None
    if people.colon and people.rest and not people.linked:
        return None  # "Jochen: Anfang Mai ist …" reports under "Sonstiges"; "Ann Example:" names
    # "Jochen stellt das Budget vor" in minutes is a member's report; a sentence about
    # a talk says so ("is going to tell us", "will talk about"), or links the speaker.
    if people.rest and not people.colon and not people.rest.startswith(("says", "writes")) and not people.linked \
            and not _TALKING.search(fold(" ".join(people.rest.split()[:_TALKING_WITHIN]))):
        return None
    return people.speakers


def _heading_person(block: Block) -> str | None:
    """A heading that is only a person's name ("Austin Example (Guest Speaker)"): the
    name without the role.  Its position (right under a talk title) is no evidence:
    "## Gesprächsnotizen" + "### Umlaufbeschluss Urlaubsregelung Katja" is no talk."""
    text = _linked_only(block) or block.plain.strip()
    linked = _linked_only(block) is not None
    text = _ROLE.sub("", text).strip()
    return text if person(text, linked=linked) else None


def _held(block: Block, body: list[Block]) -> bool:
    if block.struck or _NOT_HELD.search(_folded(block.plain)):
        return False
    for line in body:
        if line.kind == "heading":
            break
        if line.markdown.lstrip().startswith(">"):
            continue  # the talk's abstract, in the speaker's words
        if _DROPPED.search(_folded(line.plain)):
            return False
    return True


# A heading over others is short ("Agenda", "Lightning Talks", "Talks tonight");
# "Eve: Vortrag über Angriffe" or "A talk on types" is a talk's own title.
_SECTION_HEADING_WORDS = 3


def _is_section_heading(block: Block) -> bool:
    """"Agenda", "Talks", "News", "Teilnehmer": a heading over others, no talk title."""
    folded = fold(block.plain).strip(" :")
    short = len(folded.split()) <= _SECTION_HEADING_WORDS and ":" not in folded
    return (short and (_TALKS_PARENT.search(folded) is not None
                       or _NOT_TALKS_PARENT.search(folded) is not None)
            or folded in SECTION_WORDS or is_participants_heading(block.plain))


def _parent(blocks: tuple[Block, ...], earlier: list[int], depth: int) -> Block | None:
    for index in reversed(earlier):
        if blocks[index].depth < depth:
            return blocks[index]
    return None


def _talk(block: Block, body: list[Block], parent: Block | None, siblings: int) -> Talk | None:
    title = block.plain.strip()
    if _is_section_heading(block):
        return None
    first = body[0] if body else None
    if first is not None and not first.struck and first.kind == "text":
        if speaker := _speaker_line(first):
            split = _SPEAKER_FIRST.fullmatch(title)
            if split and fold(split["speaker"].strip()) == fold(speaker):
                title = split["title"].strip()  # "### Ann Example - Title" + "Ann Example says:"
            return Talk(speaker, title)
    # "Titel (Anna Beispiel)"; one word in brackets is too often "(Online)".
    if (match := _TITLE_WITH_SPEAKER.fullmatch(title)) and len(match["speaker"].split()) > 1:
        if person(match["speaker"]):
            return Talk(match["speaker"].strip(), match["title"].strip())
    if (match := _SPEAKER_FIRST.fullmatch(title)) and person(match["speaker"]):
        return Talk(match["speaker"].strip(), match["title"].strip())
    talks_parent = parent is not None and _TALKS_PARENT.search(fold(parent.plain)) is not None
    if talks_parent or siblings >= 2:
        if speaker := _heading_person(block):
            return Talk(speaker, "")
    return None


def _speaker_only_siblings(blocks: tuple[Block, ...], headings: list[int]) -> dict[int, int]:
    """For each heading: how many headings of its run of same-level headings are only a
    linked person's name (lightning-talk nights list their speakers that way)."""
    counts: dict[int, int] = {}
    run: list[int] = []

    def close():
        linked = sum(1 for index in run if _linked_only(blocks[index])
                     and _heading_person(blocks[index]))
        counts.update((index, linked) for index in run)
        run.clear()

    for index in headings:
        if run and blocks[index].depth != blocks[run[-1]].depth:
            close()
        run.append(index)
    close()
    return counts


def _name_shaped(block: Block) -> str | None:
    """Two or three capitalised words, no section word ("Tiest Example"): a name's shape."""
    text = _ROLE.sub("", block.plain.strip()).strip()
    return text if looks_like_name(text) and 2 <= len(text.split()) <= 3 else None


def _title_speaker_shape(blocks: tuple[Block, ...], headings: list[int]) -> bool:
    """The file writes talks as "# Title" + "## Speaker" throughout: two or more such
    pairs, at least half of them with a given name.  Then a name the dictionary does
    not know ("Tiest Example") is a speaker too, as the file's own shape says."""
    pairs = known = 0
    for position, index in enumerate(headings[:-1]):
        block, following = blocks[index], blocks[headings[position + 1]]
        if headings[position + 1] == index + 1 and following.depth > block.depth \
                and not _is_section_heading(block) and _name_shaped(following):
            pairs += 1
            known += _heading_person(following) is not None
    return pairs >= 2 and 2 * known >= pairs


def talks_under_headings(blocks: tuple[Block, ...], ignored_sections: frozenset[int] = frozenset(),
                         ) -> list[tuple[int, Talk]]:
    """(heading line, talk) for every heading that is a talk, in file order."""
    headings = [index for index, block in enumerate(blocks) if block.kind == "heading"]
    siblings = _speaker_only_siblings(blocks, headings)
    shape = _title_speaker_shape(blocks, headings)
    talks: list[tuple[int, Talk]] = []
    consumed: set[int] = set()
    for position, index in enumerate(headings):
        block = blocks[index]
        if index in consumed or block.section in ignored_sections:
            continue
        end = headings[position + 1] if position + 1 < len(headings) else len(blocks)
        body = list(blocks[index + 1:end])
        parent = _parent(blocks, headings[:position], block.depth)
        if parent is not None and _NOT_TALKS_PARENT.search(fold(parent.plain)):
            continue
        if _NOT_TALKS_PARENT.fullmatch(fold(block.plain).strip()):
            continue
        following = blocks[end] if end < len(blocks) else None
        if not body and following is not None and following.depth > block.depth \
                and not _is_section_heading(block):
            # "# Title" directly followed by "## Speaker".
            if following.struck or not _held(following, list(blocks[end + 1:])[:3]):
                consumed.add(end)
                continue
            if speaker := _heading_person(following) or (shape and _name_shaped(following)):
                consumed.add(end)
                if _held(block, []):
                    near = [block, following, *_under(blocks[end + 1:])]
                    talks.append((block.number, _with_materials(Talk(speaker, block.plain.strip()), near)))
                continue
        if block.depth < 2 or not _held(block, body):
            continue
        if talk := _talk(block, body, parent, siblings.get(index, 0)):
            talks.append((block.number, _with_materials(talk, [block, *_under(body)])))
    return talks


def _under(body) -> list[Block]:
    """The lines right under a talk heading: its first line (the speaker line) and
    the list items that follow it, up to other text or the next heading."""
    near: list[Block] = []
    for position, line in enumerate(body):
        if line.kind == "heading":
            break
        continued = line.kind == "text" and line.depth > 0 and near and near[-1].kind in ("item", "text")
        if line.kind == "item" or (line.kind == "text" and position == 0) or continued:
            near.append(line)
            continue
        break
    return near


def _with_materials(talk: Talk, near: list[Block]) -> Talk:
    """The talk with the materials linked in the lines near it."""
    found = unique(material for line in near if not line.struck for material in materials_in(line.markdown))
    return replace(talk, materials=found) if found else talk


def prose_talks(blocks: tuple[Block, ...], ignored_sections: frozenset[int] = frozenset(),
                ) -> list[tuple[int, Talk]]:
    """Talks a report names in a sentence: "Last night Ann Example gave a great
    presentation on Widgets" gives Talk("Ann Example", "Widgets")."""
    talks = []
    for block in blocks:
        if block.kind == "heading" or block.section in ignored_sections or block.struck:
            continue
        for match in _GAVE_A_TALK.finditer(block.plain):
            before = block.plain[:match.start()].split()
            name: list[str] = []
            while before and before[-1][:1].isupper() and len(name) < 3:
                name.insert(0, before.pop())
            while name and not person(" ".join(name)):
                name.pop(0)  # "Last night Ann Example": "Last" is no name
            if name:
                title = (match["title"] or "").strip()
                talks.append((block.number, Talk(" ".join(name), title)))
    return talks


def with_full_names(talks: list[Talk], blocks: tuple[Block, ...]) -> list[Talk]:
    """"Robert will talk about …" under "[Robert Example](…) and [Dana Sample](…) will
    both be presenting": a first name alone becomes the one full name the file gives
    for it (as a link's text or a speaker); else it stays as written."""
    known: dict[str, set[str]] = {}
    for block in blocks:
        for match in _ONLY_LINK.finditer(block.markdown):
            text = plain_text(match["text"] or match["html"])
            if len(text.split()) >= 2 and person(text, linked=True):
                known.setdefault(fold(text.split()[0]), set()).add(text)
    for talk in talks:
        if len(talk.speaker.split()) >= 2 and person(talk.speaker):
            known.setdefault(fold(talk.speaker.split()[0]), set()).add(talk.speaker)
    result = []
    for talk in talks:
        full = known.get(fold(talk.speaker), set()) if talk.speaker and " " not in talk.speaker else set()
        result.append(replace(talk, speaker=next(iter(full))) if len(full) == 1 else talk)
    return result
