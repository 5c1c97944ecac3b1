"""Typeset text kept between builds (topicgraph/typeset.py): what a typesetter was given as known is
answered as it was, and what it typeset is there to be kept for the next build."""

from __future__ import annotations

from markupsafe import Markup

from topicgraph.typeset import TextTypesetter, Typesetter


def test_known_text_is_answered_as_it_was_typeset_and_new_text_is_added() -> None:
    for typesetter in (TextTypesetter(known={"kept": "<em>as before</em>"}),
                       Typesetter(["smarty"], {}, known={"kept": "<em>as before</em>"})):
        assert typesetter("kept") == Markup("<em>as before</em>") and isinstance(typesetter("kept"), Markup)
        typesetter("new -- text")
        assert typesetter.typeset == {"kept": "<em>as before</em>", "new -- text": "new &ndash; text"}


def test_what_was_typeset_is_a_copy_for_the_cache() -> None:
    typesetter = TextTypesetter()
    assert typesetter.typeset == {}
    typesetter("a")
    copy = typesetter.typeset
    copy["a"] = "changed"
    assert typesetter("a") == Markup("a") and typesetter.typeset == {"a": "a"}


def test_without_known_text_everything_is_typeset_anew() -> None:
    assert TextTypesetter(known=None)("'q'") == Markup("&lsquo;q&rsquo;")
    assert Typesetter(["smarty"], {"smarty": {}}, known=None).typeset == {}
