"""Pelican glue: reads every article's facts, attaches them, writes the feeds.

Everything is derived from ``generator.articles`` in
``article_generator_finalized``: with Pelican's content cache, per-object
signals do not fire on cached builds.  Each source file is read once and
parsed once (``read_facts``); the rest happens in the pure modules
(``privacy``, ``site_index``, ``schedule``, ``feeds``, ``page_body``).

What templates get:

- on each article: ``meetup`` (ArticleFacts, privacy applied),
  ``meetup_counterpart``, ``meetup_previous``, ``meetup_following``,
  ``meetup_start``, ``meetup_end``, ``meetup_ics_url``;
- in the shared context: ``meetup_next``, ``meetup_meetings``,
  ``meetup_years``, ``meetup_talks``, ``meetup_stats``, ``meetup_settings``,
  ``meetup_now``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import posixpath
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from pathlib import Path

from pelican.cache import FileStampDataCacher
from pelican.contents import Article

from .. import settings as meetup_settings
from ..reading.attendance import is_participant_label, names_in
from ..reading.facts import read_document_facts
from ..reading.markdown_text import plain_text
from ..reading.model import ArticleFacts
from ..reading.next_meeting import next_section_indices
from ..reading.participants import is_participants_heading
from ..site import clock, feeds, page_body, privacy, schedule, site_index, venues
from ..site import speakers as speaker_views
from ..site import topics as topic_views
from ..site.remark_html import RemarkRenderer
from ..i18n import language as languages
from . import meeting_status, parallel_output, shared_markdown
from ..reading.sections import Document, split_document

logger = logging.getLogger(__name__)

# Calendar file of each meeting, by date: termine/2026-01-20.ics (German), and
# beside an article page "<slug>/index.html": "<slug>/termin.ics"; the names are
# the site language's (i18n.language.calendar_names).
MEETING_ICS = "{folder}/{date}.ics"

PARTICIPANTS_TEMPLATE = "meetup/participants.html"
NEXT_TEMPLATE = "meetup/next_card.html"


# --- settings -------------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    settings: dict  # merged MEETUP_* settings
    timezone: str
    siteurl: str
    names: str
    default_time: dt.time
    duration: dt.timedelta
    recurrence: schedule.Recurrence | None
    calendar_name: str
    language: languages.Language
    venues: tuple[venues.Venue, ...] = ()
    # Every spelling of a speaker who asked not to be named (MEETUP_HIDDEN_SPEAKERS).
    hidden: frozenset[str] = frozenset()
    topics: dict = field(default_factory=dict)  # MEETUP_TOPICS, checked

    @classmethod
    def of(cls, settings: dict) -> Config:
        merged = meetup_settings.merged(settings)
        minutes = merged["MEETUP_DURATION_MINUTES"]
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            raise meetup_settings.SettingsError(
                f"MEETUP_DURATION_MINUTES must be a positive whole number, got {minutes!r}"
            )
        return cls(
            settings=merged,
            timezone=settings.get("TIMEZONE") or "UTC",
            siteurl=(settings.get("SITEURL") or "").rstrip("/"),
            names=merged["MEETUP_PARTICIPANT_NAMES"],
            default_time=schedule.parse_time(merged["MEETUP_DEFAULT_TIME"], "MEETUP_DEFAULT_TIME"),
            duration=dt.timedelta(minutes=minutes),
            recurrence=schedule.parse_recurrence(merged["MEETUP_RECURRENCE"]),
            calendar_name=merged["MEETUP_GROUP_NAME"] or settings.get("SITENAME") or "",
            language=languages.of(settings),
            venues=_venues(merged["MEETUP_VENUES"]),
            hidden=frozenset(speaker_views.hidden_spellings(merged["MEETUP_SPEAKER_ALIASES"],
                                                            merged["MEETUP_HIDDEN_SPEAKERS"])),
            topics=_topics(merged["MEETUP_TOPICS"]),
        )

    def tags(self, meeting, article=None) -> list[str]:
        """The tags of a meeting's report and announcement (else of ``article``)."""
        texts = [meeting.report, meeting.announcement] if meeting is not None else [article]
        return [str(getattr(tag, "name", tag)) for text in texts if text is not None
                for tag in (getattr(text, "tags", None) or ())]

    def venue(self, place: str | None) -> venues.Venue | None:
        """The venue a place text names; no text: the usual place's (MEETUP_LOCATION)."""
        return venues.resolve(place or self.settings["MEETUP_LOCATION"], self.venues)

    def meeting_ics_url(self, day: dt.date) -> str:
        return meeting_ics_url(day, languages.calendar_names(self.language)[0])

    def article_ics_save_as(self, save_as: str) -> str:
        return article_ics_save_as(save_as, languages.calendar_names(self.language)[1] + ".ics")


def _topics(value) -> dict:
    try:
        return topic_views.check(value)
    except topic_views.TopicsError as error:
        raise meetup_settings.SettingsError(str(error)) from None


def _venues(value) -> tuple[venues.Venue, ...]:
    try:
        return venues.parse(value)
    except venues.VenueError as error:
        raise meetup_settings.SettingsError(str(error)) from None


class SettingsRenamed(SystemExit):
    """A renamed or removed setting: the build stops with its message, already logged.

    A SystemExit, so that ``pelican`` on the command line (which prints a traceback
    with every exception) stops with the message only; ``invoke build`` reports
    these before Pelican runs (``organizer.sitebuild.read_settings``)."""


def check_settings(pelican) -> None:
    """Fail at start with a clear message when a MEETUP_* setting is broken."""
    renamed = meetup_settings.renamed_problems(pelican.settings)
    if renamed:
        for problem in renamed:
            logger.critical("%s (pelicanconf.py, or the file given with -s)", problem)
        raise SettingsRenamed(1)
    config = Config.of(pelican.settings)
    pelican.settings.update(config.settings)


def meeting_ics_url(day: dt.date, folder: str = "termine") -> str:
    return MEETING_ICS.format(folder=folder, date=day.isoformat())


def article_ics_save_as(save_as: str, name: str = "termin.ics") -> str:
    """"<slug>/index.html" -> "<slug>/termin.ics"; "<slug>.html" -> "<slug>.ics"."""
    save_as = save_as.replace(os.sep, "/")
    if posixpath.basename(save_as) == "index.html":
        return posixpath.join(posixpath.dirname(save_as), name)
    return posixpath.splitext(save_as)[0] + ".ics"


# --- per article ------------------------------------------------------------------


@dataclass
class _Read:
    article: object
    source: str  # relative to the content folder, "/" separated
    facts: ArticleFacts  # as parsed
    shown: ArticleFacts  # privacy applied
    document: Document


@lru_cache(maxsize=1)
def _parser_fingerprint() -> str:
    """The reading package's code decides what read_document_facts returns."""
    files = sorted((Path(__file__).parents[1] / "reading").glob("*.py")) + [
        Path(__file__).parents[1] / "settings.py"]
    code = "".join(path.read_text(encoding="utf-8") for path in files)
    return hashlib.sha256(code.encode()).hexdigest()[:12]


def facts_cache(settings: dict) -> FileStampDataCacher:
    """Parsed files kept between builds like Pelican's content cache (same
    settings), so a rebuild after one edit parses one file.  A change of the
    parser's code starts a new cache."""
    return FileStampDataCacher(settings, f"meetup-facts-{_parser_fingerprint()}",
                               settings.get("CACHE_CONTENT", False),
                               settings.get("LOAD_CONTENT_CACHE", False))


def _inputs(article) -> tuple:
    """Everything besides the file that an article's facts depend on."""
    category = article.metadata.get("category")
    return (article.date, str(category) if category else None, None,
            str(article.metadata.get("title", "")),
            article.relative_source_path.replace(os.sep, "/"))


def _parse(path: str, inputs: tuple) -> tuple[Document, ArticleFacts]:
    """One file split and read: the facts and the split the body rewrite needs."""
    date, category, default_time, title, source = inputs
    # split_document reads front matter as header fields (meeting_date,
    # presenter, location are facts too) and numbers the body's real lines.
    document = split_document(Path(path).read_text(encoding="utf-8"),
                              html=source.endswith((".html", ".htm")))
    # No default time: a meeting whose text gives none has none in its facts and in
    # meetups.json; calendars and the next-meeting box start it at MEETUP_DEFAULT_TIME.
    facts = read_document_facts(document, date=date, category=category,
                                default_time=default_time, title=title, path=source)
    # Kept for the page's rewrite (all files' at once) and in the cache: the outline,
    # with the participant lines the rewrite may hide.
    lines = facts.participants.lines if facts.participants is not None else ()
    return document.outline(lines), facts


def _parse_in_worker(items: list[tuple[str, tuple]]) -> list:
    """In a worker process: _parse of each (path, inputs); None where it raised (the
    build process parses that file again and reports the error as usual)."""
    parsed = []
    for path, inputs in items:
        try:
            parsed.append(_parse(path, inputs))
        except Exception:
            parsed.append(None)
    return parsed


# Articles parsed ahead (parse_ahead): source path -> (future, index in its task,
# inputs); and those made since the last task was handed over.
_AHEAD: dict[str, tuple] = {}
_UNSENT: list[tuple[str, tuple]] = []
# How many articles' facts came from parse_ahead (for tests).
PARSED_AHEAD = 0


def forget_parsed_ahead(*_args) -> None:
    """article_generator_init handler: nothing parsed ahead for an earlier build."""
    _AHEAD.clear()
    _UNSENT.clear()


def parse_ahead(content) -> None:
    """content_object_init handler: where workers convert this build's files, each
    article is parsed there as soon as Pelican has made it, CHUNK articles a task.
    Towards the end of reading the workers are done converting while the build process
    still makes articles (the Summary, typogrify, Pelican's metadata): they parse
    meanwhile instead of after reading."""
    if type(content) is not Article or not shared_markdown.workers_running():
        return
    _UNSENT.append((content.source_path, _inputs(content)))
    if len(_UNSENT) >= shared_markdown.CHUNK:
        items = _UNSENT[:]
        _UNSENT.clear()
        future = shared_markdown.submit(_parse_in_worker, items)
        if future is not None:
            for index, (path, inputs) in enumerate(items):
                _AHEAD[path] = (future, index, inputs)


def _parsed_ahead(path: str, inputs: tuple):
    """What parse_ahead's task gave for ``path``, if its inputs are still these."""
    ahead = _AHEAD.pop(path, None)
    if ahead is None or ahead[2] != inputs:
        return None
    future, index, _inputs_then = ahead
    try:
        parsed = future.result()[index]
    except Exception as error:  # a worker died: parsed again below
        logger.debug("%s: parsing in the build process (%s)", path, error)
        return None
    if parsed is not None:
        global PARSED_AHEAD
        PARSED_AHEAD += 1
    return parsed


def _parsed(articles: list, cache: FileStampDataCacher) -> list[tuple[Document, ArticleFacts]]:
    """Each article's (document, facts): from the facts cache, else parsed ahead or now,
    many files at once in the build's worker processes (a cold build of a large archive)."""
    inputs = [_inputs(article) for article in articles]
    found: list = []
    for article, key in zip(articles, inputs):
        cached = cache.get_cached_data(article.source_path)
        found.append(cached[1:] if cached is not None and cached[0] == key else None)
    not_cached = [i for i, parsed in enumerate(found) if parsed is None]
    for i in not_cached:
        found[i] = _parsed_ahead(articles[i].source_path, inputs[i])
    forget_parsed_ahead()
    missing = [i for i in not_cached if found[i] is None]
    ahead = shared_markdown.in_workers(
        _parse_in_worker, [(articles[i].source_path, inputs[i]) for i in missing]) or []
    if ahead or len(missing) < len(not_cached):
        shared_markdown.release_workers()  # their last task for this build: memory back
    for i, parsed in zip(missing, ahead):
        found[i] = parsed
    for i in not_cached:
        if found[i] is None:
            found[i] = _parse(articles[i].source_path, inputs[i])
        cache.cache_data(articles[i].source_path, (inputs[i], *found[i]))
    return found


def _read(article, document: Document, facts: ArticleFacts, config: Config) -> _Read:
    source = article.relative_source_path.replace(os.sep, "/")
    for problem in facts.problems:
        logger.warning("%s:%d: %s", source, problem.line, problem.format(config.language))
    # Cancelled or moved (Status: header, an announcement's words): every build, not cached.
    facts = meeting_status.apply(facts, article, document, source, config.language)
    # A speaker who asked not to be named is in no fact the site shows (hide), then
    # the participants as MEETUP_PARTICIPANT_NAMES allows.
    shown = speaker_views.hide(facts, set(config.hidden),
                               config.language.gettext("(name withheld)"))
    shown = replace(shown, participants=privacy.apply(shown.participants, config.names))
    return _Read(article, source, facts, shown, document)


def _start(facts: ArticleFacts, config: Config, zone) -> dt.datetime | None:
    if facts.kind not in ("report", "announcement") or facts.meeting is None:
        return None
    return dt.datetime.combine(facts.meeting.date, facts.meeting.time or config.default_time,
                               tzinfo=zone)


def attach_facts(generator) -> None:
    config = Config.of(generator.settings)
    now = clock.now(config.timezone)
    zone = now.tzinfo

    # Publication order, with the path as tie-breaker: same input, same order.
    published = sorted(generator.articles, key=lambda a: (a.date, a.relative_source_path))
    unlisted = list(chain(generator.translations, generator.drafts,
                          generator.drafts_translations, generator.hidden_articles,
                          generator.hidden_translations))
    cache = facts_cache(generator.settings)
    articles = [*published, *unlisted]
    reads = [_read(article, document, facts, config)
             for article, (document, facts) in zip(articles, _parsed(articles, cache))]
    cache.save_cache()
    listed = reads[:len(published)]

    entries = [site_index.Entry(r.source, feeds.plain_text(r.article.title), r.article.url,
                                r.shown, r.article) for r in listed]
    index = site_index.build(entries, now=now, default_time=config.default_time,
                             ics_url=config.meeting_ics_url, venue_of=config.venue)
    for kept, ignored in index.duplicates:
        logger.warning(config.language.gettext(
            "%(source)s: another text about the meeting on %(date)s (already in %(kept)s); "
            "it does not count as a meeting of its own") % {
                "source": ignored.source, "date": ignored.facts.meeting.date.isoformat(),
                "kept": kept.source})
    upcoming = schedule.find_next(
        index.sightings, now,
        duration=config.duration,
        default_time=config.default_time,
        default_location=config.settings["MEETUP_LOCATION"],
        default_signup_url=config.settings["MEETUP_SIGNUP_URL"],
        recurrence=config.recurrence,
        ics_url=config.meeting_ics_url,
        default_title=config.language.gettext("Next meeting"),
    )
    if upcoming is not None:
        upcoming = replace(upcoming, venue=config.venue(upcoming.location))

    by_date = {meeting.date: meeting for meeting in index.meetings}
    reports = [meeting.report for meeting in index.meetings if meeting.report is not None]
    neighbours = {
        id(report): (reports[i - 1] if i > 0 else None,
                     reports[i + 1] if i + 1 < len(reports) else None)
        for i, report in enumerate(reports)
    }
    # One Markdown converter for every card's remarks in this build.
    remarks = RemarkRenderer(generator.settings["MARKDOWN"])
    for read in reads:
        _attach(read, read.article, neighbours.get(id(read.article), (None, None)),
                generator.env, config, by_date, zone, remarks)

    # Each talk's topics: its meeting's tags and the MEETUP_TOPICS its title names.
    talks = topic_views.with_topics(index.talks, lambda talk: config.tags(by_date.get(talk.date)),
                                    config.topics)
    generator.context.update(
        meetup_next=upcoming,
        meetup_meetings=index.meetings,
        meetup_years=index.years,
        meetup_talks=talks,
        meetup_stats=index.stats,
        meetup_settings=config.settings,
        meetup_now=now,
        # Where the group met and how often (the venues page), and the calendar of all
        # meetings: its address, and webcal:// to subscribe (only with an absolute SITEURL).
        meetup_venues=venues.usage(index.meetings, config.venues),
        meetup_calendar_url=config.settings["MEETUP_ICS_SAVE_AS"],
        meetup_webcal_url=_webcal(config.siteurl, config.settings["MEETUP_ICS_SAVE_AS"]),
    )


def _attach(read: _Read, known_as, neighbours: tuple, env, config: Config, by_date, zone,
            remarks: RemarkRenderer) -> None:
    """One article's facts, relations and rewritten body; ``known_as`` is the object the
    site index holds for it (the article itself, or the one an edited copy replaces)."""
    article, facts = read.article, read.shown
    meeting = by_date.get(facts.meeting.date) if facts.meeting else None
    own = meeting is not None and known_as in (meeting.report, meeting.announcement)
    article.meetup = facts
    article.meetup_counterpart = None
    if own:
        article.meetup_counterpart = (
            meeting.announcement if known_as is meeting.report else meeting.report
        )
    article.meetup_previous, article.meetup_following = neighbours
    article.meetup_start = _start(facts, config, zone)
    article.meetup_end = (article.meetup_start + config.duration
                          if article.meetup_start else None)
    article.meetup_ics_url = config.article_ics_save_as(article.save_as) if own else None
    # The meeting's venue (site.venues): its page shows address and map link.
    article.meetup_venue = meeting.venue if own else (
        config.venue(facts.location) if facts.location else None)
    article.meetup_meeting = meeting if own else None
    _rewrite_body(read, env, config, by_date, zone, remarks)
    _redact(article, config)


def _linked(facts: ArticleFacts) -> tuple:
    """What the site index and the next-meeting search take from one text besides
    its body: the same tuple, the same meetings, neighbours and next meeting."""
    talks = tuple(site_index.talk_text(talk) for talk in facts.talks) \
        if facts.kind == "announcement" else ()
    planned = (facts.next.when, facts.next.talks) if facts.next is not None else None
    return (facts.kind, facts.meeting, facts.location, facts.change, facts.moved_from,
            facts.signup_url, planned, talks)


def attach_edited(generator, old, new) -> bool:
    """The treatment attach_facts gives an article, for ``new``, an edited copy of ``old``
    (same file), with the site index of the last build: False (nothing changed on
    ``new``'s relations) when the edit changes what that index took from the file,
    so only a whole build gives the right pages."""
    config = Config.of(generator.settings)
    # Parsed here, without the facts cache (loading it takes longer than one file).
    read = _read(new, *_parse(new.source_path, _inputs(new)), config)
    if getattr(old, "meetup", None) is None or _linked(read.shown) != _linked(old.meetup):
        return False
    by_date = {meeting.date: meeting for meeting in generator.context.get("meetup_meetings", ())}
    zone = clock.now(config.timezone).tzinfo
    # The index holds the article of that build (an earlier edit replaced it since).
    meeting = old.meetup_meeting
    known_as = next((text for text in (meeting.report, meeting.announcement)
                     if text is not None and text.source_path == old.source_path),
                    new) if meeting is not None else new
    _attach(read, known_as, (old.meetup_previous, old.meetup_following), generator.env, config,
            by_date, zone, RemarkRenderer(generator.settings["MARKDOWN"]))
    return True


def _webcal(siteurl: str, save_as: str) -> str:
    """webcal://host/path/meetups.ics for an absolute http(s) SITEURL, else ""."""
    for scheme in ("https://", "http://"):
        if siteurl.startswith(scheme):
            return "webcal://" + siteurl[len(scheme):].rstrip("/") + "/" + save_as.lstrip("/")
    return ""


# --- the body rewrite ---------------------------------------------------------------


def redact_pages(generator) -> None:
    """page_generator_finalized: the hidden speakers' names out of the pages too."""
    config = Config.of(generator.settings)
    for page in chain(generator.pages, generator.hidden_pages, generator.draft_pages):
        _redact(page, config)


def _redact(article, config: Config) -> None:
    """The names of hidden speakers out of the page's text and its summary."""
    if not config.hidden:
        return
    spellings = set(config.hidden)
    withheld = config.language.gettext("(name withheld)")
    if article._content:
        article._content = speaker_views.redact(article._content, spellings, withheld)
    summary = getattr(article, "_summary", None)
    if summary:
        article._summary = speaker_views.redact(summary, spellings, withheld)
        if "summary" in article.metadata:
            article.metadata["summary"] = article._summary


def _hidden_line(block, names: str) -> str:
    """What a field line naming people says under the privacy mode: a list of who
    came gives way to the widget (""); "Protokoll: Anna Beispiel" keeps the first
    name in "first" mode."""
    if names == "count" or is_participant_label(block.label):
        return ""
    label = block.markdown.split(":", 1)[0].strip("*_ ")
    return f"{label}: " + ", ".join(privacy.first_name(name) for name in names_in(block.value))


def _rewrite_body(read: _Read, env, config: Config, by_date, zone,
                  remarks: RemarkRenderer) -> None:
    """Participants and "next" sections become the theme's partials.

    The sections are the ones the parsing core read (first participants
    heading, first "next" heading), found again in the rendered HTML.
    """
    article, facts, shown, document = read.article, read.facts, read.shown, read.document
    if facts.participants is None and (facts.next is None or facts.kind != "report"):
        return
    body = article._content or ""
    rendered = page_body.html_headings(body)
    headings = [i for i, s in enumerate(document.sections) if s.level > 0]
    matched = dict(zip(headings, page_body.match_headings(
        [(document.sections[i].level, plain_text(document.sections[i].title)) for i in headings],
        rendered)))
    replacements: dict[int, page_body.Swap] = {}

    if facts.participants is not None:
        position = next((i for i in headings if is_participants_heading(document.sections[i].title)),
                        None)
        if position is None and facts.participants.lines and config.names != "full":
            # "Anwesende: Anna Beispiel, …" as field lines: the names leave the page.
            by_line = {block.number: block for block in document.blocks}
            markup = env.get_template(PARTICIPANTS_TEMPLATE).render(
                participants=shown.participants, heading="", level=None, heading_id=None,
                names=config.names)
            swapped = page_body.swap_lines(
                body, {by_line[line].plain: _hidden_line(by_line[line], config.names)
                       for line in facts.participants.lines}, markup)
            if swapped is None:
                logger.error(config.language.gettext(
                    "%(source)s:%(line)d: participants line not found in the page; the names "
                    "would show despite MEETUP_PARTICIPANT_NAMES=%(names)r") % {
                        "source": read.source, "line": facts.participants.lines[0],
                        "names": config.names})
            else:
                body = swapped
                article._content = body
                rendered = page_body.html_headings(body)
        elif position is not None and matched[position] is not None:
            heading = rendered[matched[position]]
            markup = env.get_template(PARTICIPANTS_TEMPLATE).render(
                participants=shown.participants, heading=heading.text, level=heading.level,
                heading_id=heading.id, names=config.names)
            # The parser reads only the lines under the heading: "## Teilnehmende"
            # followed by "### Talk" headings keeps the talks.
            replacements[matched[position]] = page_body.Swap(markup, subsections=False)
        elif config.names != "full":
            # The names would show although the site promises not to show them.
            logger.error(config.language.gettext(
                "%(source)s:%(line)d: participants section not found in the page; the names "
                "would show despite MEETUP_PARTICIPANT_NAMES=%(names)r") % {
                    "source": read.source,
                    "line": document.sections[position].line if position is not None else 1,
                    "names": config.names})

    next_sections = next_section_indices(document)
    if facts.kind == "report" and shown.next is not None and next_sections \
            and matched[next_sections[0]] is not None:
        heading = rendered[matched[next_sections[0]]]
        when = shown.next.when
        meeting = by_date.get(when.date)
        target = (meeting.report or meeting.announcement) if meeting else None
        markup = env.get_template(NEXT_TEMPLATE).render(
            next=shown.next,
            # The meeting's own start when a text about it gives one.
            start=meeting.start if meeting else dt.datetime.combine(
                when.date, when.time or config.default_time, tzinfo=zone),
            heading=heading.text, level=heading.level, heading_id=heading.id,
            article=article, meeting=meeting,
            # Pelican turns "{filename}" links into the right URL on every page and
            # in feeds.
            link=("{filename}/" + target.relative_source_path.replace(os.sep, "/"))
            if target is not None else None,
            link_is_report=target is not None and target is meeting.report,
            # What else the section says, rendered like the body, one block each.
            remarks_html=remarks.render(shown.next.remarks),
        )
        # The "next" section is read with its subsections (talks may sit below).
        replacements[matched[next_sections[0]]] = page_body.Swap(markup, subsections=True)

    if replacements:
        article._content = page_body.replace_sections(body, replacements)


# --- calendars and JSON -----------------------------------------------------------------


@parallel_output.writes_in_child
class MeetupFiles:
    """A Pelican generator that writes meetups.json and the .ics files.

    It runs after every generator has built its context, so the facts the
    articles carry and the site-wide ``meetup_*`` context are complete.
    """

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = output_path

    def generate_output(self, writer) -> None:
        if parallel_output.take_in(self, writer) is None:
            write_files(self.context, self.settings, self.output_path)


def pin_sitemap_clock(pelican) -> None:
    """pelican-sitemap dates undated pages (index, archive) with the wall clock
    read at import; the build's "now" keeps builds byte-identical, also when
    Pelican is run directly."""
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        return
    generator = getattr(sitemap, "generator", None)
    if generator is not None and hasattr(generator, "now"):
        generator.now = clock.now(pelican.settings.get("TIMEZONE") or "UTC")


def get_generators(pelican):
    return MeetupFiles


def _write(output_path: str, save_as: str, data: bytes) -> None:
    parallel_output.write_direct(output_path, save_as, data)
    logger.debug("wrote %s", save_as)


def write_files(context: dict, settings: dict, output_path: str) -> None:
    if "meetup_meetings" not in context:  # no article generator ran
        return
    config = Config.of(settings)
    now = context["meetup_now"]
    meetings = context["meetup_meetings"]
    upcoming = context["meetup_next"]
    absolute = config.siteurl if config.siteurl.startswith(("http://", "https://")) else ""
    domain = feeds.uid_domain(config.siteurl, config.calendar_name)

    def calendar(events, refresh=None) -> bytes:
        return feeds.calendar_bytes(events, domain=domain, now=now, name=config.calendar_name,
                                    language=config.language.locale.language, refresh=refresh)

    events = {
        meeting.date: feeds.meeting_event(
            meeting, summary=config.calendar_name, duration=config.duration,
            default_location=config.settings["MEETUP_LOCATION"], siteurl=absolute)
        for meeting in meetings
    }
    if upcoming is not None and upcoming.date not in events:
        events[upcoming.date] = feeds.upcoming_event(upcoming, summary=config.calendar_name,
                                                     siteurl=absolute)
    single = {day: calendar([event]) for day, event in events.items()}
    for day, data in single.items():
        _write(output_path, config.meeting_ics_url(day), data)
    for meeting in meetings:
        for article in (meeting.report, meeting.announcement):
            if article is not None and article.meetup_ics_url:
                _write(output_path, article.meetup_ics_url, single[meeting.date])
    # The calendar people subscribe to says how often to fetch it again.
    refresh = dt.timedelta(hours=config.settings["MEETUP_ICS_REFRESH_HOURS"])
    _write(output_path, config.settings["MEETUP_ICS_SAVE_AS"],
           calendar(list(events.values()), refresh=refresh))

    articles = [
        (site_index.Entry(a.relative_source_path.replace(os.sep, "/"), a.title, a.url, a.meetup, a),
         a.date)
        for a in context.get("articles", [])
        if getattr(a, "meetup", None) is not None
    ]
    def talk_topics(entry, talk) -> tuple[str, ...]:
        article = entry.article
        tags = config.tags(getattr(article, "meetup_meeting", None), article)
        return topic_views.of_talk(talk.title, tags, config.topics)

    text = feeds.json_text(articles, upcoming, now=now, siteurl=config.siteurl,
                           talk_topics=talk_topics)
    _write(output_path, config.settings["MEETUP_JSON_SAVE_AS"], text.encode("utf-8"))
