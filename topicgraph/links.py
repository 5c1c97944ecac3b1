"""Links between pages, read from the Markdown prose: the source of "Mentioned in" backlinks."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

# Inline links [text](target) but not images ![alt](src); fenced code and inline code are removed first.
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def resolve(src_uri: str, path: str) -> str:
    """The src_uri that a relative link to `path`, on the page at `src_uri`, points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))


def linked_pages(markdown: str, src_uri: str) -> set[str]:
    """The src_uris of the other Markdown pages that `markdown` (the page at `src_uri`) links to."""
    text = _INLINE_CODE.sub("", _FENCED_CODE.sub("", markdown))
    targets = set()
    for target in _LINK.findall(text):
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path.endswith(".md") or "://" in path:
            continue
        resolved = resolve(src_uri, path)
        if resolved != src_uri:
            targets.add(resolved)
    return targets


def backlinks(pages: Mapping[str, str]) -> dict[str, list[str]]:
    """src_uri -> sorted src_uris of the pages whose prose links to it.

    Arguments:
        pages: src_uri -> Markdown source of every page.
    """
    found: dict[str, set[str]] = {}
    for src_uri, markdown in pages.items():
        for target in linked_pages(markdown, src_uri):
            found.setdefault(target, set()).add(src_uri)
    return {target: sorted(sources) for target, sources in found.items()}
