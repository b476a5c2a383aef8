"""The pure reader: one file's text in, its facts out (kind, participants, next meeting,
talks, when and where).  May import: the standard library, python-frontmatter/PyYAML,
gender-guesser (a dictionary of given names), ``pelican.plugins.meetup.settings`` (defaults),
``pelican.plugins.meetup.kept`` (the parsed names dictionary kept between processes) and
itself; never Pelican."""
