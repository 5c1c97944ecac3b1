"""Prose links resolve like MkDocs resolves them; code and images are not links."""

from __future__ import annotations

from topicgraph.links import backlinks, linked_pages


def test_relative_links_resolve_against_the_page() -> None:
    text = "See [a](anarchy.md), [b](stag-hunt.md#threshold) and [home](../index.md)."
    assert linked_pages(text, "topics/x.md") == {"topics/anarchy.md", "topics/stag-hunt.md", "index.md"}


def test_code_images_external_and_self_links_are_ignored() -> None:
    text = "`[a](anarchy.md)`\n\n```\n[b](b.md)\n```\n\n![pic](c.md) [web](https://x.org/a.md) [me](x.md#top)"
    assert linked_pages(text, "topics/x.md") == set()


def test_backlinks_collect_every_linking_page() -> None:
    pages = {"topics/a.md": "[b](b.md)", "topics/c.md": "[b](b.md) [a](a.md)", "topics/b.md": "none"}
    assert backlinks(pages) == {"topics/b.md": ["topics/a.md", "topics/c.md"], "topics/a.md": ["topics/c.md"]}
