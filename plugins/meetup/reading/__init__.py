"""The pure reader: one file's text in, its facts out (kind, participants, next meeting,
talks, when and where).  May import: the standard library, python-frontmatter/PyYAML,
gender-guesser (a dictionary of given names), ``meetup.settings`` (defaults) and itself;
never Pelican."""
