"""What pelicanconf.py names for rendering: the Markdown setup with the project's
extensions, and the theme's Jinja filters.  May import: the standard library, markdown,
markupsafe, Babel, ``meetup.reading``, ``meetup.site`` and ``meetup.settings``; never
Pelican (settings files import it before Pelican runs)."""
