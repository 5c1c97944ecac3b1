"""Which links Material previews on hover: links to another page of the site, where a preview says something.

With `navigation.instant.preview` Material previews every link in a page's content, a footnote number
included, where its own footnote tooltip opens too: two tooltips at once, the preview running on
through the following references. So the feature stays off, and each link to another page asks for
its preview with `data-preview` (Material then previews it if the page is in the sitemap).

A preview shows the target heading and what follows it up to the next heading: for a heading followed
at once by a subheading ("Explainer", then its first section) that is the heading alone, so links to
such a heading get no preview.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Set

_LINK = re.compile(r'<a\b([^>]*?)\shref="([^"]*)"')  # not xlink:href: Material previews HTML links only
_FILE = re.compile(r"\.(?!html?$)[A-Za-z0-9]+$")  # a file other than a page (.pdf, .csv, .json)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
# The heading's text may not run past its own end tag: a lazy .*? would, for every heading not followed by
# another, search on through the rest of the page (a third of a second a build). The next heading is only
# looked at, not consumed: it may be bare too.
_BARE_HEADING = re.compile(r'<h([1-6])\b[^>]*?\bid="([^"]+)"[^>]*>(?:(?!</h\1>).)*</h\1>(?=\s*<h[1-6]\b)', re.S)


def page_key(url: str) -> str:
    """One spelling of a page's address from the site's root: "/topics/hotline" for every form of it."""
    path = posixpath.normpath("/" + url.lstrip("/"))
    if path.endswith("/index.html"):
        path = path[: -len("/index.html")]
    return path.rstrip("/") or "/"


def bare_headings(html: str) -> set[str]:
    """The ids of the headings followed directly by another heading."""
    return {match.group(2) for match in _BARE_HEADING.finditer(html)}


def with_link_previews(html: str, page_url: str, bare: Mapping[str, Set[str]]) -> str:
    """The page's content with `data-preview` on every link to another page of the site, except links
    to a heading in `bare` (page_key -> heading ids) whose preview would be that heading alone."""
    here = page_key(page_url)
    base = posixpath.dirname("/" + page_url.lstrip("/")) if not page_url.endswith("/") else "/" + page_url.lstrip("/")

    def mark(match: re.Match) -> str:
        attributes, href = match.group(1), match.group(2)
        if "data-preview" in attributes or not href or href.startswith("#") or _EXTERNAL.match(href):
            return match.group(0)
        path, _, fragment = href.partition("#")
        if _FILE.search(path.split("?")[0]):  # a PDF, a data file: nothing Material could preview
            return match.group(0)
        target = page_key(posixpath.join(base, path.split("?")[0]))
        if target == here or fragment in bare.get(target, ()):
            return match.group(0)
        return "<a data-preview" + match.group(0)[2:]

    return _LINK.sub(mark, html)
