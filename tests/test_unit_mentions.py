"""The sentence in which a page mentions another (topicgraph/mentions.py), as plain text."""

from __future__ import annotations

import pytest

from topicgraph.mentions import ELLIPSIS, LONG_SENTENCE, MentionContext, mention_context, mention_contexts

SOURCE, TARGET = "topics/a.md", "topics/b.md"


def context(markdown: str) -> MentionContext | None:
    return mention_context(markdown, SOURCE, TARGET)


def test_the_sentence_holding_the_link_is_cut_out_of_its_paragraph() -> None:
    found = context("---\ntitle: A\n---\n\n# A {#a}\n\nFirst sentence. States fear [the other](b.md) side.\n"
                    "Last one, about [C](c.md).\n")
    assert found == MentionContext("States fear ", "the other", " side.")


def test_markup_goes_and_links_keep_their_text() -> None:
    found = context("On **bold** and *italic* and _under_ and `code`, see [B](b.md#core-idea) "
                    "[@jervis1978, p. 170] and [C](c.md)[^1] {: .note }")
    assert str(found) == "On bold and italic and under and code, see B and C"
    assert found.linked == "B"


def test_citations_leave_no_gap_before_punctuation() -> None:
    assert str(context("Mistrust deepens, as [B](b.md) holds [@jervis1976; @glaser1997].")) == \
        "Mistrust deepens, as B holds."


def test_initials_and_abbreviations_do_not_end_a_sentence() -> None:
    found = context("Snyder wrote first. G. H. Snyder, e.g. in 1984, named [B](b.md). Then more.")
    assert str(found) == "G. H. Snyder, e.g. in 1984, named B."


def test_each_list_item_and_table_row_is_its_own_unit() -> None:
    markdown = "- One item without the link\n- Read [B](b.md) next\n  with a second line\n- Another item"
    assert str(context(markdown)) == "Read B next with a second line"
    assert str(context("| Name | See |\n|---|---|\n| x | [B](b.md) |")) == "x · B"


def test_the_first_link_is_quoted_and_code_is_never_read() -> None:
    markdown = "```md\nA [fake](b.md) link.\n```\n\nThe first [real one](b.md). The [second](b.md)."
    assert context(markdown).linked == "real one"
    assert context("Only `[code](b.md)` here, and [an image](b.png).") is None


def test_a_long_sentence_is_trimmed_around_the_link_with_ellipses() -> None:
    words = " ".join(f"w{i}" for i in range(LONG_SENTENCE))
    found = context(f"{words} [B](b.md) {words}.")
    assert found.before.startswith(ELLIPSIS + " ") and found.after.endswith(" " + ELLIPSIS)
    assert len(str(found).split()) < LONG_SENTENCE
    assert f"w{LONG_SENTENCE - 1} " in found.before and " w0" in found.after  # the words next to the link stay


def test_markup_in_the_text_stays_text_for_the_template_to_escape() -> None:
    found = context('Beware <script>alert(1)</script> and &lt;b&gt; near [B](b.md).')
    assert "<script>" not in str(found) and "<b>" in str(found)  # tags go, an escaped tag is text: escaped later


@pytest.mark.parametrize("link", ["../topics/b.md", "./b.md", "b.md?x=1#part"])
def test_every_form_of_the_link_counts(link: str) -> None:
    assert context(f"See [B]({link}).") is not None


def test_contexts_for_every_backlink() -> None:
    pages = {SOURCE: "Read [B](b.md) first.", "topics/c.md": "Nothing here.", TARGET: "Back to [A](a.md)."}
    found = mention_contexts(pages, {TARGET: [SOURCE], SOURCE: [TARGET]})
    assert {t: {s: str(c) for s, c in d.items()} for t, d in found.items()} == {
        TARGET: {SOURCE: "Read B first."}, SOURCE: {TARGET: "Back to A."}}


@pytest.mark.usefixtures("rounds_held")
def test_a_second_build_takes_the_sentences_of_unchanged_pages_and_finds_the_others_again() -> None:
    # `mkdocs serve` finds every sentence after each edit: a page's are taken when its text is as it was.
    pages = {SOURCE: "Read [B](b.md) first. Then [C](c.md).", "topics/c.md": "See [B](b.md)."}
    links = {TARGET: [SOURCE, "topics/c.md"], "topics/c.md": [SOURCE]}
    first = mention_contexts(pages, links)
    edited = mention_contexts({**pages, "topics/c.md": "Now see [B](b.md) here."}, links)
    assert edited[TARGET][SOURCE] is first[TARGET][SOURCE]
    assert edited["topics/c.md"][SOURCE] is first["topics/c.md"][SOURCE]
    assert str(edited[TARGET]["topics/c.md"]) == "Now see B here."
    # The same text is read again in another page (its links lead elsewhere) or for another target.
    mention_contexts(pages, links)
    assert mention_contexts({"notes/d.md": pages[SOURCE]}, {TARGET: ["notes/d.md"]}) == {}  # b.md is notes/b.md
    mention_contexts(pages, links)
    assert mention_contexts(pages, {"topics/e.md": [SOURCE]}) == {}  # no link to e: no sentence
    # Only the last build's sentences are held.
    again = mention_contexts(pages, links)
    assert again == first and again[TARGET][SOURCE] is not first[TARGET][SOURCE]


def test_inline_tex_is_quoted_as_text_and_ends_sentences_as_written() -> None:
    found = context(r"Payoffs run $R > T > P > S$. Unlike [B](b.md), $x^{*} = 0.2 \cdot \pi$ costs $5 or $6.")
    assert str(found) == "Unlike B, x* = 0.2 · π costs $5 or $6."
