"""The stylesheet readers get has no comments (topicgraph/plugin/stylesheet.py); the theme's copy keeps them."""

from __future__ import annotations

from pathlib import Path

from topicgraph.plugin.stylesheet import STYLESHEET, without_comments
from topicgraph.plugin.templates import THEME_DIR


def test_comments_go_and_rules_stay() -> None:
    css = '/* why */\n.a {\n  color: red;  /* note */\n}\n\n/* two\n   lines */\n.b::before { content: "x"; }\n'
    assert without_comments(css) == '.a {\n  color: red;  }\n\n.b::before { content: "x"; }\n'


def test_the_built_stylesheet_is_the_theme_s_without_its_comments(site: Path) -> None:
    theme = (THEME_DIR / STYLESHEET).read_text(encoding="utf-8")
    built = (site / STYLESHEET).read_text(encoding="utf-8")
    assert "/*" in theme and "/*" not in built
    assert built == without_comments(theme)
