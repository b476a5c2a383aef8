"""What pelicanconf.py names for rendering: the Markdown setup with the project's
extensions, and the theme's Jinja filters.  May import: the standard library, markdown,
markupsafe, Babel, ``pelican.plugins.meetup.reading``, ``pelican.plugins.meetup.site`` and ``pelican.plugins.meetup.settings``; never
Pelican (settings files import it before Pelican runs)."""
