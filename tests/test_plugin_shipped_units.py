"""What readers get of the theme's assets (topicgraph/plugin/shipped.py), without a build: which files are
trimmed, what trimming removes and keeps, and that only the theme's own copies in a site are replaced.
test_plugin_shipped.py checks a built site and parses the trimmed scripts with Node."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from topicgraph.plugin.shipped import MINIFIERS, minified, ship_minified, shipped_assets
from topicgraph.plugin.templates import THEME_DIR


def test_the_trimmed_assets_are_every_stylesheet_and_script_of_the_theme_but_the_vendored() -> None:
    expected = []
    for folder, _, files in os.walk(THEME_DIR / "assets"):
        relative = Path(folder).relative_to(THEME_DIR)
        if "vendor" not in relative.parts:
            expected += [relative / name for name in files if name.endswith((".css", ".js"))]
    assert shipped_assets() == sorted(expected)
    assert Path("assets/stylesheets/course.css") in expected and Path("assets/javascripts/course.js") in expected


def test_a_script_loses_its_comment_lines_and_nothing_else() -> None:
    script = ("// a comment alone\n"
              "const a = 1; // a comment after code stays\n"
              "    // an indented comment\n"
              "/* a block\n   over lines */\n"
              "  /** one line */  \n"
              'const url = "http://x.org/*not a comment*/";\n'
              "const b = `\n  two  spaces\n`;\n")
    assert MINIFIERS[".js"](script) == ("const a = 1; // a comment after code stays\n"
                                         'const url = "http://x.org/*not a comment*/";\n'
                                         "const b = `\n  two  spaces\n`;\n")


def test_a_stylesheet_is_minified_and_keeps_its_licence_comments() -> None:
    css = "/*! licence: keep */\n/* explanation */\n.a  {\n  color : red ;\n}\n"
    assert MINIFIERS[".css"](css) == "/*! licence: keep */.a{color:red}"


def test_minified_reads_the_themes_copy() -> None:
    relative = Path("assets/stylesheets/course.css")
    theme = (THEME_DIR / relative).read_text(encoding="utf-8")
    assert minified(relative) == MINIFIERS[".css"](theme) and len(minified(relative)) < len(theme)


def test_only_the_themes_own_copies_in_a_site_are_replaced(tmp_path: Path) -> None:
    css, js = Path("assets/stylesheets/course.css"), Path("assets/javascripts/course.js")
    (tmp_path / css).parent.mkdir(parents=True)
    shutil.copyfile(THEME_DIR / css, tmp_path / css)
    (tmp_path / js).parent.mkdir(parents=True)
    (tmp_path / js).write_text("// the course's own\n", encoding="utf-8")
    ship_minified(str(tmp_path))  # the theme's other assets are not in this site: no error
    assert (tmp_path / css).read_text(encoding="utf-8") == minified(css)
    assert (tmp_path / js).read_text(encoding="utf-8") == "// the course's own\n"
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()) == [js, css]
