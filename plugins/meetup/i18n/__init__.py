"""The site's language: message catalogs (gettext ``.po`` files in ``translations/``,
compiled when first used, the compiled bytes kept between processes), the Babel locale
for dates and numbers, the addresses of the fixed pages, and the language of the
organizer's messages.  May import: the standard library, Babel,
``pelican.plugins.meetup.settings`` and ``pelican.plugins.meetup.kept`` (the compiled
catalogs kept between processes); never Pelican."""
