""""Mentioned in" sentences as a reader sees them (topicgraph/mentions.py): every kind of Markdown unit,
every markup that goes, what an escaped character means, TeX as text, where a long sentence is cut, and
a contributor's sentence that holds the link markers or hostile text staying text."""

from __future__ import annotations

import pytest

from topicgraph.mentions import (
    ELLIPSIS,
    LONG_SENTENCE,
    WORDS_AROUND,
    MentionContext,
    mention_context,
    mention_contexts,
)

SOURCE, TARGET = "topics/a.md", "topics/b.md"


def read(markdown: str) -> str | None:
    found = mention_context(markdown, SOURCE, TARGET)
    return None if found is None else f"{found.before}[{found.linked}]{found.after}"


@pytest.mark.parametrize(("markdown", "shown"), [
    ("> Quoted with [B](b.md) here.\n> and on.", "Quoted with [B] here. and on."),
    ('!!! note "Aside"\n    Inside [B](b.md) it.', "Inside [B] it."),
    ("1. First\n2) Second [B](b.md) item\n3. Third", "Second [B] item"),
    ("## A heading on [B](b.md)\nThen a line", "A heading on [B] Then a line"),
    ("Text.\n\n   \nAfter a blank line with spaces, [B](b.md).", "After a blank line with spaces, [B]."),
    ("| a | [B](b.md) |  |", "a · [B]"),
    ("| X | [B](b.md) | Mr X", "X · [B] · Mr X"),  # a row without its closing pipe
    ("---\ntitle: x\n...\nText [B](b.md).", "Text [B]."),
    ("~~~\n[B](b.md)\n~~~\nNot here. <!-- [B](b.md) -->Here [B](b.md).", "Here [B]."),
    ("```\ncode\n```\nRight after a fence, [B](b.md).", "Right after a fence, [B]."),
    ("A paragraph without a full stop\n\nSee [B](b.md) here", "See [B] here"),
    ("> A quoted line\n> - A quoted item with [B](b.md)", "A quoted item with [B]"),
    ("- An item\n  | x | [B](b.md) |", "x · [B]"),  # an indented table row
])
def test_each_kind_of_unit_is_read_without_its_markers(markdown: str, shown: str) -> None:
    assert read(markdown) == shown


@pytest.mark.parametrize(("markdown", "shown"), [
    ("==Marked== ~~gone~~ ^^inserted^^ __strong__ **bold** *it* _em_ [B](b.md).",
     "Marked gone inserted strong bold it em [B]."),
    ("A snake_case_name and 2*3*4 near [B](b.md).", "A snake_case_name and 234 near [B]."),  # 3 in italics
    (r"Rated \*five\* or \*\*six\*\* and \_seven\_ by [B](b.md).", "Rated *five* or **six** and _seven_ by [B]."),
    (r"Literal \\ \` \{ \} \[ \] \( \) \# \+ \- \. \! \| by [B](b.md).",
     r"Literal \ ` { } [ ] ( ) # + - . ! | by [B]."),
    ("See [the work][ref] and [^note] and <span class='x'>tag</span> {: .cls } by [B](b.md).",
     "See the work and and tag by [B]."),
    ("Cited [@jervis1978] , and [B](b.md) [@herz1950] .", "Cited, and [B]."),
    ("Use `[B](b.md)` or ``code`` and &amp; &lt;b&gt; with [B](b.md).", "Use [B](b.md) or code and & <b> with [B]."),
    ('See [B](<b.md> "Its title") and [the same](b.md) and ![a figure](b.md).', "See [B] and the same and."),
    ("An [outside](https://x.org/topics/b.md) page, then [B](./b.md#part).", "An outside page, then [B]."),
])
def test_markup_goes_and_text_stays(markdown: str, shown: str) -> None:
    assert read(markdown) == shown


def test_a_contributors_marker_characters_cannot_move_the_link() -> None:
    assert read("Odd \ue000 and \ue001 and \ue105 here, [B](b.md) there.") == "Odd and and here, [B] there."


def test_hostile_text_stays_text() -> None:
    found = mention_context('<img src=x onerror=alert(1)>Fear "</a><script>x</script>" grows, [B](b.md) says.',
                            SOURCE, TARGET)
    assert "<" not in str(found) and "onerror" not in str(found)
    assert str(found) == 'Fear "x" grows, B says.'


@pytest.mark.parametrize(("tex", "text"), [
    (r"\cdot", "·"), (r"\times", "×"), (r"\leq", "≤"), (r"\geq", "≥"), (r"\le", "≤"), (r"\ge", "≥"),
    (r"\neq", "≠"), (r"\ne", "≠"), (r"\pi", "π"), (r"\alpha", "α"), (r"\beta", "β"), (r"\gamma", "γ"),
    (r"\delta", "δ"), (r"\theta", "θ"), (r"\lambda", "λ"), (r"\mu", "μ"), (r"\sigma", "σ"),
    (r"\epsilon", "ε"), (r"\infty", "∞"), (r"\ldots", "…"), (r"\dots", "…"), (r"\unknown", "unknown"),
    (r"x_{i}^{2}", "xi2"), (r"\Delta", "Delta"),
])
def test_inline_tex_reads_as_its_symbols(tex: str, text: str) -> None:
    assert read(f"So ${tex}$ holds, as [B](b.md) shows.") == f"So {text} holds, as [B] shows."


def test_only_inline_tex_is_read_as_tex() -> None:
    assert read(r"Costs \$5 or $$x_1$$ or $ y $ near [B](b.md).") == r"Costs \$5 or $$x_1$$ or $ y $ near [B]."


@pytest.mark.parametrize("before", ["Dr. Smith", "Mr. Jones", "Mrs. Jones", "St. Paul", "U.S. forces", "U.K. forces",
                                    "U.N. forces", "cf. Herz", "e.g. Herz", "i.e. Herz", "vs. Herz", "ch. 3",
                                    "vol. 2", "no. 4", "pp. 3", "p. 3", "ed. Booth", "eds. Booth", "et al. 1978",
                                    "G. H. Snyder"])
def test_an_abbreviation_does_not_end_the_sentence(before: str) -> None:
    assert read(f"First one. Then {before} with [B](b.md). Last.") == f"Then {before} with [B]."


@pytest.mark.parametrize(("opening", "shown"), [
    ('He said "yes." "Then [B](b.md)" came.', '"Then [B]" came.'),
    ("Done! (Then [B](b.md)) came.", "(Then [B]) came."),
    ("Why? 42 of [B](b.md) came.", "42 of [B] came."),
    ("Done.) Then [B](b.md) came.", "Then [B] came."),
    ("Not done. then [B](b.md) came.", "Not done. then [B] came."),
])
def test_a_sentence_ends_at_a_stop_before_a_new_sentence(opening: str, shown: str) -> None:
    assert read(opening) == shown


def words(n: int, prefix: str = "w") -> str:
    return " ".join(f"{prefix}{i}" for i in range(n))


def test_a_sentence_of_the_long_length_is_quoted_whole() -> None:
    half = (LONG_SENTENCE - 1) // 2
    sentence = f"{words(half, 'a')} [B](b.md) {words(LONG_SENTENCE - 1 - half, 'z')}."
    found = mention_context(sentence, SOURCE, TARGET)
    assert len(str(found).split()) == LONG_SENTENCE and ELLIPSIS not in str(found)


def test_a_longer_sentence_keeps_the_words_around_the_link() -> None:
    found = mention_context(f"{words(WORDS_AROUND + 1, 'a')} [B](b.md) {words(WORDS_AROUND - 1, 'z')}, "
                            f"zz, and {words(10, 'y')}.", SOURCE, TARGET)
    # WORDS_AROUND pieces of the text split at spaces are kept: the space next to the link is one of them.
    assert found.before == f"{ELLIPSIS} {' '.join(words(WORDS_AROUND + 1, 'a').split()[2:])} "
    assert found.after == f" {' '.join(words(WORDS_AROUND - 1, 'z').split())} {ELLIPSIS}"  # no comma before the cut
    exact = mention_context(f"{words(LONG_SENTENCE, 'a')} [B](b.md) {words(WORDS_AROUND - 2, 'z')} X.", SOURCE, TARGET)
    assert exact.after == f" {words(WORDS_AROUND - 2, 'z')} X."  # nothing cut after the link: no ellipsis
    cut = mention_context(f"{words(LONG_SENTENCE, 'a')} [B](b.md) {words(WORDS_AROUND - 2, 'z')} X, and more.",
                          SOURCE, TARGET)
    assert cut.after == f" {words(WORDS_AROUND - 2, 'z')} X {ELLIPSIS}"
    short = mention_context(f"{words(WORDS_AROUND - 1, 'a')} [B](b.md) {words(LONG_SENTENCE, 'z')}.",
                            SOURCE, TARGET)
    assert short.before == f"{words(WORDS_AROUND - 1, 'a')} "
    assert short.after.endswith(f"z{WORDS_AROUND - 2} {ELLIPSIS}")


def test_every_backlink_gets_its_sentence_and_a_page_not_given_is_skipped() -> None:
    pages = {SOURCE: "Read [B](b.md) and [C](c.md).", "topics/c.md": "No link to b here.",
             "topics/d.md": "Read [B](b.md) too."}
    found = mention_contexts(pages, {TARGET: ["topics/gone.md", SOURCE, "topics/c.md", "topics/d.md"],
                                     "topics/c.md": [SOURCE]})
    assert found == {TARGET: {SOURCE: MentionContext("Read ", "B", " and C."),
                              "topics/d.md": MentionContext("Read ", "B", " too.")},
                     "topics/c.md": {SOURCE: MentionContext("Read B and ", "C", ".")}}
