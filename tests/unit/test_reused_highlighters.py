"""Code blocks look the same with codehilite's lexers and formatters reused."""

import markdown
from markdown.extensions import codehilite

from pelican.plugins.meetup.rendering import reused_highlighters
from pelican.plugins.meetup.rendering.markdown_config import markdown_settings

TEXT = """\
Erst Python:

```python
def gruss(name):
    return f"Hallo {name}"
```

Dann die Shell, eine Zeile hervorgehoben:

```bash hl_lines="2"
pip install pelican
invoke build
```

    :::python
    print("eingerückt")

```unbekannt
eine Sprache, die Pygments nicht kennt
```

```python
x = 1  # noch einmal Python
```
"""


def convert(configs: dict) -> str:
    return markdown.Markdown(extensions=list(configs), extension_configs=configs,
                             output_format="html5").convert(TEXT)


def test_the_same_html_with_and_without_reuse(monkeypatch):
    configs = markdown_settings()["extension_configs"]
    assert "pelican.plugins.meetup.rendering.reused_highlighters" in configs
    reused = convert(configs)
    assert hasattr(codehilite.get_lexer_by_name, "meetup_original")
    for name in ("get_lexer_by_name", "get_formatter_by_name"):
        monkeypatch.setattr(codehilite, name, getattr(codehilite, name).meetup_original)
    without = {key: value for key, value in configs.items() if "reused" not in key}
    assert convert(without) == reused
    # What a reader sees: coloured Python and shell, the second shell line marked,
    # the unknown language as plain text.
    assert '<span class="k">def</span>' in reused and reused.count('class="highlight"') == 5
    assert '<span class="hll">invoke' in reused and reused.count('class="hll"') == 1
    assert "eine Sprache, die Pygments nicht kennt" in reused


def test_installed_once():
    reused_highlighters.install()
    first = codehilite.get_lexer_by_name
    reused_highlighters.install()
    assert codehilite.get_lexer_by_name is first
