"""The stylesheet and script readers get have no comments (topicgraph/plugin/shipped.py); the theme's keep them."""

from __future__ import annotations

from pathlib import Path

from topicgraph.plugin.shipped import SCRIPT, STYLESHEET, css_without_comments, js_without_comment_lines
from topicgraph.plugin.templates import THEME_DIR


def test_css_comments_go_and_rules_stay() -> None:
    css = '/* why */\n.a {\n  color: red;  /* note */\n}\n\n/* two\n   lines */\n.b::before { content: "x"; }\n'
    assert css_without_comments(css) == '.a {\n  color: red;  }\n\n.b::before { content: "x"; }\n'


def test_js_comment_lines_go_and_code_stays() -> None:
    js = '/*\n * Header.\n */\n(() => {\n  // why\n  /** Doc. */\n  const url = "http://x/"; // after code\n})();\n'
    assert js_without_comment_lines(js) == '(() => {\n  const url = "http://x/"; // after code\n})();\n'


def test_the_built_files_are_the_theme_s_without_their_comments(site: Path) -> None:
    for relative, strip, opener in ((STYLESHEET, css_without_comments, "/*"),
                                    (SCRIPT, js_without_comment_lines, "\n  //")):
        theme = (THEME_DIR / relative).read_text(encoding="utf-8")
        built = (site / relative).read_text(encoding="utf-8")
        assert opener in theme and opener not in built
        assert built == strip(theme)
