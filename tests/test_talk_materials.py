"""Talk materials end to end: ``invoke check`` hints at held talks without slides
after MEETUP_SLIDES_GRACE_DAYS, relative to the pinned "now" (2025-11-26)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_invoke, write_settings

HELD = ("Title: Bericht vom Oktober\nDate: 2025-10-14 18:30\n\n### Teilnehmer\n\n- Anna\n- Bernd\n\n"
        "### Anna: Embeddings in der Praxis\n\n- Vektoren, Suche\n\n"
        "### Bernd: MLOps mit DVC\n\n- [Folien](https://example.org/dvc.pdf)\n")
RECENT = ("Title: Bericht vom November\nDate: 2025-11-20 18:30\n\n### Teilnehmer\n\n- Anna\n\n"
          "### Clara: RAG im Kundenservice\n\n- Notizen\n")


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "2025-10-14-bericht.md").write_text(HELD, encoding="utf-8")
    (content / "2025-11-20-bericht.md").write_text(RECENT, encoding="utf-8")
    return content


def test_check_lists_a_held_talk_without_slides(tmp_path):
    content = _content(tmp_path)
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    hints = [line for line in result.stdout.splitlines() if "Folien fehlen" in line]
    # Anna's talk (line 9) lacks slides; Bernd's has them; Clara's meeting is within 14 days.
    assert hints == [f"{content}/2025-10-14-bericht.md:9: Hinweis: Folien fehlen: „Embeddings in der "
                     "Praxis“ wurde am 2025-10-14 gehalten; verlinkt sie unter dem Vortrag („[Folien](…)“)"]


def test_the_grace_days_decide_and_none_turns_the_hint_off(tmp_path):
    content = _content(tmp_path)
    short = write_settings(tmp_path / "short.py", MEETUP_SLIDES_GRACE_DAYS=3)
    result = run_invoke("check", "--content", str(content), "--settings", str(short))
    assert sum("Folien fehlen" in line for line in result.stdout.splitlines()) == 2
    off = write_settings(tmp_path / "off.py", MEETUP_SLIDES_GRACE_DAYS=None)
    result = run_invoke("check", "--content", str(content), "--settings", str(off))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Folien fehlen" not in result.stdout
