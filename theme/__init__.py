"""The meetup theme as a package: ``from pelican.themes import meetup; THEME = meetup.path()``."""

from pathlib import Path


def path() -> str:
    """The theme's folder (templates/ and static/), as Pelican's THEME setting wants it."""
    return str(Path(__file__).resolve().parent)
