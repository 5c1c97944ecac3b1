"""Readers get the course's stylesheet minified and its scripts without comment lines
(topicgraph/plugin/shipped.py); the theme's copies keep their comments, and the vendored shims ship as
written."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from topicgraph.plugin.shipped import minified, ship_minified, shipped_assets
from topicgraph.plugin.templates import THEME_DIR

COURSE_JS = Path("assets/javascripts/course.js")


def test_every_course_asset_is_shipped_minified_but_the_vendored_shims() -> None:
    names = {path.name for path in shipped_assets()}
    assert {"course.css", "course.js", "search-on-demand.js"} <= names
    assert not any("vendor" in path.parts for path in shipped_assets())


def test_the_built_assets_are_the_theme_s_minified(site: Path) -> None:
    for relative in shipped_assets():
        theme = (THEME_DIR / relative).read_text(encoding="utf-8")
        built = (site / relative).read_text(encoding="utf-8")
        assert built == minified(relative)
        assert len(built) < len(theme) and "\n  // " not in built and "\n/*\n" not in built, relative
    vendored = Path("assets/javascripts/vendor/iframe-worker-shim.js")
    assert (site / vendored).read_bytes() == (THEME_DIR / vendored).read_bytes()


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to parse the scripts")
def test_the_minified_scripts_still_parse(tmp_path: Path) -> None:
    for relative in shipped_assets():
        if relative.suffix == ".js":
            script = tmp_path / relative.name
            script.write_text(minified(relative), encoding="utf-8")
            subprocess.run(["node", "--check", str(script)], check=True, capture_output=True)


def test_a_course_s_own_copy_of_an_asset_is_left_as_written(tmp_path: Path) -> None:
    own = "/* this course's own script */\nconsole.log(1);\n"
    (tmp_path / COURSE_JS).parent.mkdir(parents=True)
    (tmp_path / COURSE_JS).write_text(own, encoding="utf-8")
    ship_minified(str(tmp_path))
    assert (tmp_path / COURSE_JS).read_text(encoding="utf-8") == own
    shutil.copyfile(THEME_DIR / COURSE_JS, tmp_path / COURSE_JS)
    ship_minified(str(tmp_path))
    assert (tmp_path / COURSE_JS).read_text(encoding="utf-8") == minified(COURSE_JS)


# A double-quoted string (the scripts' style), or a template literal without ${...}.
_LITERAL = re.compile(r'`[^`]*`|"(?:[^"\\\n]|\\.)*"')
_COMMENT_LINE = re.compile(r"^\s*(?://|/\*|\*)")


def test_every_string_and_template_literal_ships_as_written() -> None:
    """Trimming a script must never touch its text: a minifier that squeezed the spaces inside
    template literals changed what the syllabus builder copies ("(6min)")."""
    for relative in shipped_assets():
        if relative.suffix == ".js":
            source = (THEME_DIR / relative).read_text(encoding="utf-8")
            code = "\n".join(line for line in source.splitlines() if not _COMMENT_LINE.match(line))
            literals = _LITERAL.findall(code)
            assert literals, relative
            assert [literal for literal in literals if literal not in minified(relative)] == [], relative
