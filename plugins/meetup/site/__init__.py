"""Pure site-wide views: the facts of all files + "now" + settings in; the next meeting,
archive, talks, statistics, privacy, calendars and JSON out.  May import: the standard
library, markdown, markupsafe, icalendar, ``meetup.reading`` and ``meetup.settings``;
never Pelican."""
