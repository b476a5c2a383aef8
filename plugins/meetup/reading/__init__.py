"""The pure reader: one file's text in, its facts out (kind, participants, next meeting,
talks, when and where).  May import: the standard library, python-frontmatter/PyYAML,
``meetup.settings`` (defaults) and itself; never Pelican."""
