"""Dates in headers and file names read the same with the reader's shortcut."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.readers import METADATA_PROCESSORS, MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from pelican.plugins.meetup.glue.shared_markdown import SharedMarkdownReader

SHARED = SharedMarkdownReader(dict(DEFAULT_CONFIG))
PELICAN = MarkdownReader(dict(DEFAULT_CONFIG))


def read(reader, name: str, value: str):
    try:
        return reader.process_metadata(name, value)
    except ValueError as error:
        return ("error", str(error))


@settings(max_examples=300, deadline=None)
@given(moment=st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)),
       shape=st.sampled_from(["%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S",
                              "%Y-%m-%d %H:%M:%S", "%Y-%m-%d_%H:%M", "%d.%m.%Y %H:%M"]),
       name=st.sampled_from(["date", "modified"]))
def test_the_same_datetime_as_pelican_for_every_date_and_time(moment, shape, name):
    value = f"{moment.year:04d}" + moment.strftime(shape.replace("%Y", "", 1)) \
        if shape.startswith("%Y") else moment.strftime(shape)
    ours, theirs = read(SHARED, name, value), read(PELICAN, name, value)
    assert ours == theirs and type(ours) is type(theirs), value


@pytest.mark.parametrize("value", [
    "2025-02-30", "2025-13-01 18:30", "2025-04-15 25:00", "2025-04-15 18:30+02:00",
    "2025-04-15 ", "٢٠٢٥-٠٤-١٥", "15. April 2025", "2025-04-15 18:30:60"])
def test_what_the_shortcut_leaves_gets_pelican_own_answer(value):
    assert read(SHARED, "date", value) == read(PELICAN, "date", value)


def test_a_plugin_own_date_processor_still_decides(monkeypatch):
    monkeypatch.setitem(METADATA_PROCESSORS, "date", lambda value, _settings: "its own")
    assert SHARED.process_metadata("date", "2025-04-15 18:30") == "its own"
