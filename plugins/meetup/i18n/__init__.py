"""The site's language: message catalogs (gettext ``.po`` files in ``translations/``,
compiled in memory when first used), the Babel locale for dates and numbers, the
addresses of the fixed pages, and the language of the organizer's messages.  May import:
the standard library, Babel and ``pelican.plugins.meetup.settings``; never Pelican."""
