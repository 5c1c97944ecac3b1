"""Math in a page becomes MathML at build time (topicgraph/plugin/mathml.py)."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from topicgraph.plugin.mathml import Formulas, with_mathml


def test_inline_and_block_math_become_mathml_and_the_text_around_stays() -> None:
    html = ('<p>Before <span class="arithmatex">\\(a &lt; b\\)</span> after.</p>\n'
            '<div class="arithmatex">\\[x^2\\]</div><p>End</p>')
    out = with_mathml(html, "docs/topics/a.md")
    assert out.startswith("<p>Before <math") and " after.</p>" in out and out.endswith("<p>End</p>")
    assert 'display="inline"' in out and 'display="block"' in out
    assert "<mo>&#x0003C;</mo>" in out  # the TeX was unescaped before conversion (not "&lt;" as text)
    assert "<mi>l</mi>" not in out
    assert "arithmatex" not in out and "\\(" not in out


def test_math_spanning_lines_is_converted() -> None:
    out = with_mathml('<div class="arithmatex">\\[a\n+ b\\]</div>', "docs/a.md")
    assert out.startswith('<div class="sd-math"') and "<mi>b</mi>" in out


def test_a_display_formula_can_be_scrolled_by_keyboard() -> None:
    """On a phone a wide formula scrolls sideways: its box takes focus and is named (axe's
    scrollable-region-focusable); inline math stays in the line, unwrapped."""
    out = with_mathml('<div class="arithmatex">\\[x^2\\]</div><span class="arithmatex">\\(y\\)</span>', "docs/a.md")
    assert out.startswith('<div class="sd-math" tabindex="0" role="group" aria-label="Formula"><math')
    assert out.endswith('</math></div><math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">'
                        '<mrow><mi>y</mi></mrow></math>')


def test_a_page_without_math_is_returned_unchanged_and_other_spans_stay() -> None:
    html = '<span class="other">\\(x\\)</span>'
    assert with_mathml(html, "docs/a.md") == html
    mixed = '<span class="arithmatex">\\(x\\)</span><span class="other">\\(y\\)</span>'
    assert with_mathml(mixed, "docs/a.md").endswith('<span class="other">\\(y\\)</span>')


def test_bad_tex_names_the_page_and_the_tex() -> None:
    with pytest.raises(PluginError) as info:
        with_mathml('<span class="arithmatex">\\(x^\\)</span>', "docs/topics/a.md")
    message = str(info.value)
    assert message.startswith("docs/topics/a.md: cannot render the math 'x^': ")
    assert message.endswith("(check the TeX between the dollar signs)")


def test_known_formulas_are_taken_as_they_are_and_new_ones_are_added() -> None:
    known = {"inline y": "<math>known</math>"}
    out = with_mathml('<span class="arithmatex">\\(y\\)</span> <div class="arithmatex">\\[a &lt; b\\]</div>',
                      "docs/a.md", known)
    assert out.startswith("<math>known</math> ")
    assert set(known) == {"inline y", "block a < b"} and known["block a < b"] in out


def test_the_formulas_a_build_converted_are_there_for_the_next_build(tmp_path) -> None:
    formulas = Formulas(tmp_path)
    with_mathml('<span class="arithmatex">\\(x^2\\)</span>', "docs/a.md", formulas)
    formulas.save()
    (tmp_path / "0123456789abcdef0123.json").write_text("{}", encoding="utf-8")  # another version's
    formulas.save()  # nothing new: the other file stays
    assert len(list(tmp_path.glob("*.json"))) == 2
    again = Formulas(tmp_path)
    assert again == formulas and "inline x^2" in again
    with_mathml('<span class="arithmatex">\\(z\\)</span>', "docs/a.md", again)
    again.save()
    assert list(tmp_path.glob("*.json")) == [again.file.path] and "inline z" in Formulas(tmp_path)


def test_an_unreadable_cache_file_is_no_cache(tmp_path) -> None:
    formulas = Formulas(tmp_path)
    formulas.file.path.write_text("not json", encoding="utf-8")
    assert Formulas(tmp_path) == {}
