"""Pure site-wide views: the facts of all files + "now" + settings in; the next meeting,
archive, talks, statistics, privacy, calendars and JSON out.  May import: the standard
library, markdown, markupsafe, icalendar, ``pelican.plugins.meetup.reading`` and ``pelican.plugins.meetup.settings``;
never Pelican."""
