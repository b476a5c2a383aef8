"""MEETUP_PARTICIPANT_NAMES: what of a participant list the site may show."""

from __future__ import annotations

import pytest

from pelican.plugins.meetup.site import privacy
from pelican.plugins.meetup.reading.model import Participant, Participants

SEED = Participants(
    named=(
        Participant("Andreas", "Software-Entwickler", "AX-Semantics"),
        Participant("Uwe Maier", "", "ST2C"),
        Participant("Dr. K. Maier", "Professorin", "Hochschule am Neckar"),
        Participant("Prof. Dr. Hans-Peter Schmid"),
    ),
    extra=5,
    total=9,
    exact=True,
)


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Andreas", "Andreas"),
        ("Uwe Maier", "Uwe"),
        ("Dr. Jana Schulz", "Jana"),
        ("Prof. Dr. Hans-Peter Schmid", "Hans-Peter"),
        ("Dr.-Ing. Eva Roth", "Eva"),
        ("Dr. K. Maier", "K."),
        # After a title only a family name is left: its initial, not the name.
        ("Dr. Maier", "M."),
        ("Frau Maier", "M."),
        ("?", "?"),
    ],
)
def test_first_name_drops_titles_and_family_names(name, first):
    assert privacy.first_name(name) == first


def test_full_mode_keeps_everything_as_written():
    assert privacy.apply(SEED, "full") is SEED


def test_first_mode_keeps_first_names_roles_and_totals():
    shown = privacy.apply(SEED, "first")
    assert [p.name for p in shown.named] == ["Andreas", "Uwe", "K.", "Hans-Peter"]
    assert shown.named[0].role == "Software-Entwickler"
    assert (shown.extra, shown.total, shown.exact) == (5, 9, True)
    every_text = " ".join(p.name for p in shown.named)
    for family_name in ("Maier", "Schmid", "Dr.", "Prof."):
        assert family_name not in every_text


def test_count_mode_empties_the_named_list_but_keeps_the_total():
    shown = privacy.apply(SEED, "count")
    assert shown.named == ()
    assert (shown.extra, shown.total, shown.exact) == (9, 9, True)
    open_list = Participants(named=(Participant("Anna"),), extra=0, total=1, exact=False)
    assert privacy.apply(open_list, "count") == Participants((), 1, 1, False)


def test_no_participants_stay_none_and_a_wrong_mode_is_refused():
    assert privacy.apply(None, "count") is None
    with pytest.raises(ValueError, match="full, first, count"):
        privacy.apply(SEED, "initials")
