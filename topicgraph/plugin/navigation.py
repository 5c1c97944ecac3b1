"""Material's navigation, rendered once per directory instead of once per page.

Every page carries the whole navigation, so a build renders pages x items navigation items: 1,000
topics mean a million renders (TOOLCHAIN.md). An item that is not on the reader's page renders the
same on every page of one directory, since its links are relative to that directory; the copies of
Material's nav partials in theme/partials/ wrap each item in `nav_once`, which renders it on the
first page of a directory and reuses the HTML after that.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from markupsafe import Markup
from mkdocs.structure.pages import Page


class RenderedOnce:
    """`{% call nav_once(item, path, page, parent_active) %}...{% endcall %}` in a template."""

    def __init__(self) -> None:
        self._html: dict[tuple[str, str, bool], Markup] = {}

    def __call__(self, item: object, path: str, page: Page | None, parent_active: bool = False, *,
                 caller: Callable[[], Markup]) -> Markup:
        url = page.url if page is not None else ""
        # The item holding the page (or the page itself) differs on each page; a page not at a
        # directory URL (the home page, 404.html) resolves links from elsewhere.
        if getattr(item, "active", False) or not url.endswith("/"):
            return caller()
        key = (path, posixpath.dirname(url.rstrip("/")), bool(parent_active))
        if key not in self._html:
            self._html[key] = caller()
        return self._html[key]

