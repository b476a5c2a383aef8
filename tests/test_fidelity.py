"""The fidelity scorer (bench/fidelity.py): its report's shape and its comparison.

No reader score is asserted: the scorer measures the reader, whatever it reads
today.  What is checked is that a real build of a fixture archive is scored
field by field against its truth table, and that a date the site would show
against the truth is reported as WRONG.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import ROOT, run_invoke

sys.path.insert(0, str(ROOT / "bench"))

import fidelity  # noqa: E402

GROUPS = ROOT / "tests" / "fixtures" / "groups"
SHAPES = ("middleman-en", "hugo-json-de", "board-minutes-de")


def _row(**values) -> dict:
    row = dict.fromkeys(fidelity.FIELDS)
    row.update(values)
    return row


def _article(**values) -> dict:
    article = {"source": "x.md", "kind": "report", "date": None, "time": None,
               "participants": None, "next": None, "talks": [], "location": None}
    article.update(values)
    return article


@pytest.mark.parametrize("shape", SHAPES)
def test_every_fixture_file_has_a_truth_row_and_back(shape):
    truth = fidelity.load_truth(GROUPS / f"{shape}.truth.json")
    files = {p.relative_to(GROUPS / shape).as_posix() for p in (GROUPS / shape).rglob("*") if p.is_file()}
    assert set(truth) == files
    assert 5 <= len(files) <= 8


def test_scorer_reports_every_field_with_the_truth_tables_counts():
    shape = "board-minutes-de"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fidelity.py"), str(GROUPS / shape),
         str(GROUPS / f"{shape}.truth.json"), "--lang", "de", "--headers", "--json"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    truth = fidelity.load_truth(GROUPS / f"{shape}.truth.json")

    assert report["builds"] is True, report["errors"]
    assert report["mode"] == "headers added"
    assert 0 < report["articles"] <= len(truth)  # a reader may skip index pages
    assert set(report["fields"]) == set(fidelity.FIELDS)
    for name, score in report["fields"].items():
        assert score["stated"] == sum(row[name] is not None for row in truth.values()), name
        assert 0 <= score["right"] <= score["stated"]
        assert all(miss["file"] in truth for miss in score["misses"])
    assert isinstance(report["wrong_dates"], list)


def test_archive_that_does_not_build_scores_nothing_and_says_why(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    text = "Title: Protokoll\nDate: 2024-05-02\n\nAnwesend: Ana, Ben\n\n[Folie]({filename}fehlt.md)\n"
    (archive / "2024-05-02-protokoll.md").write_text(text, encoding="utf-8")
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps({"files": {"2024-05-02-protokoll.md": _row(kind="report", date="2024-05-02",
                                                                            participants=2)}}),
                     encoding="utf-8")

    scores, build, _notes, mode = fidelity.score_corpus(archive, truth, "de", headers=False, keep=None)

    assert not build.ok and mode == "files unchanged"
    assert any("fehlt.md" in message for message in build.errors), build.errors
    assert all(score.right == 0 for score in scores.fields.values())
    assert scores.not_built == ["2024-05-02-protokoll.md"]
    assert (archive / "2024-05-02-protokoll.md").read_text(encoding="utf-8") == text  # the original is untouched


def test_planted_wrong_dates_in_a_fake_meetups_json_are_reported_as_wrong(tmp_path):
    truth = {
        "a.md": _row(kind="report", date="2024-04-04", next="2024-05-02", participants=5),
        "b.md": _row(kind="report", date="2024-05-02", next=None, note="next: noch offen"),
        "c.md": _row(kind="report", date="2024-06-06", next="2024-07-04"),
    }
    fake = tmp_path / "meetups.json"
    fake.write_text(json.dumps({"articles": [
        _article(source="a.md", date="2024-04-04", next={"date": "2024-05-09"},
                 participants={"named": [], "extra": 5, "total": 5, "exact": True}),
        _article(source="b.md", date="2024-05-02", next={"date": "2024-06-06"}),
        _article(source="c.md", date="2024-06-07", next={"date": "2024-07-04"}),
    ]}), encoding="utf-8")
    articles = fidelity.articles_by_key(json.loads(fake.read_text(encoding="utf-8"))["articles"], {})

    scores = fidelity.compare(truth, articles)

    wrong = {(w["file"], w["what"], w["got"]) for w in scores.wrong_dates}
    assert wrong == {("a.md", "next date", "2024-05-09"),   # another date than the file's
                     ("b.md", "next date", "2024-06-06"),   # a date where the file says none
                     ("c.md", "meeting date", "2024-06-07")}
    assert (scores.fields["next"].right, scores.fields["next"].stated, scores.fields["next"].wrong) == (1, 2, 2)
    assert scores.fields["participants"].right == 1
    text = fidelity.render_text(scores, fidelity.BuildResult(True, articles=list(articles.values())),
                                "files unchanged", [], verbose=False)
    assert "WRONG DATES: 3" in text
    assert "WRONG next date: b.md: shown 2024-06-06, file says none" in text


def test_right_dates_and_skipped_index_pages_are_no_wrong_dates():
    truth = {"a.md": _row(kind="report", date="2024-04-04", next="2024-05-02"),
             "_index.md": _row(kind="other")}
    articles = {"a.md": _article(date="2024-04-04", next={"date": "2024-05-02"})}
    scores = fidelity.compare(truth, articles)
    assert scores.wrong_dates == []
    assert (scores.fields["kind"].right, scores.fields["kind"].stated) == (2, 2)
    assert fidelity.compare(truth, {}, built=False).fields["kind"].right == 0


def test_speakers_compare_by_person_case_and_spacing_folded():
    assert fidelity.speaker_names(["Anna  Beispiel and Bo Lind", "", "CHEN"]) == ["anna beispiel", "bo lind", "chen"]
    assert fidelity.same_speakers(["mara"], ["mara lindner"])
    assert not fidelity.same_speakers(["lindner"], ["mara lindner"])
    assert not fidelity.same_speakers(["mara lindner"], ["mara lindner", "kai brenner"])


def test_headers_mode_replaces_front_matter_and_renames_to_markdown(tmp_path):
    (tmp_path / "2024" / "may").mkdir(parents=True)
    (tmp_path / "2024" / "may" / "index.html.md.erb").write_text(
        "---\ntitle: May 2024 Meeting\nmeeting_date: 2024-05-13\n---\n\nBody text\n", encoding="utf-8")
    (tmp_path / "2024-06-06_Thema.md").write_text(
        '{\n "title": "Thema",\n "meetingdate": "2024-06-06T19:00+02:00"\n}\n\n## Notizen\n', encoding="utf-8")
    (tmp_path / "p.md").write_text("# Protokoll vom 1.2.2024\n\ntext\n", encoding="utf-8")
    renamed, _notes = fidelity.add_headers(tmp_path, {"p.md": _row(kind="report", date="2024-02-01")})
    assert renamed["2024/may/index.html.md"] == "2024/may/index.html.md.erb"
    assert (tmp_path / "2024/may/index.html.md").read_text(encoding="utf-8") == \
        "Title: May 2024 Meeting\nDate: 2024-05-13\n\nBody text\n"
    assert (tmp_path / "2024-06-06_Thema.md").read_text(encoding="utf-8").startswith(
        "Title: Thema\nDate: 2024-06-06\n\n## Notizen")
    assert (tmp_path / "p.md").read_text(encoding="utf-8").startswith(
        "Title: Protokoll vom 1.2.2024\nDate: 2024-02-01\n\n# Protokoll")


def test_invoke_fidelity_prints_the_table_for_an_archive_as_it_is():
    result = run_invoke("fidelity", str(GROUPS / "board-minutes-de"),
                        str(GROUPS / "board-minutes-de.truth.json"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "builds: yes" in result.stdout
    rows = {line.split()[0] for line in result.stdout.splitlines() if line[:1].isalpha()}
    assert {"kind", "date", "next", "participants", "talks", "location"} <= rows
    assert "wrong dates: none" in result.stdout
