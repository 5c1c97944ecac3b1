"""A small link checker for the built site: every internal link and #anchor must resolve.

It reads every HTML file once (stdlib html.parser), collecting the ids each page defines and every URL
it refers to: href, src, srcset, poster, and xlink:href in inline SVG. A URL is internal when it is
relative, root-absolute, or starts with the site's published address (canonical links, the sitemap's
kind); it must then name a file of the built site, and its #fragment an id (or <a name>) on that page.
Other addresses (GitHub, DOIs) are not fetched: the machine has no network, and they are not ours.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

_URL_ATTRIBUTES = {"href", "src", "poster", "xlink:href"}


@dataclass(frozen=True)
class Broken:
    page: str  # the file, relative to the site
    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.url}: {self.reason}"


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    urls: list[tuple[int, str]] = field(default_factory=list)  # (line, URL as written)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
            elif name in _URL_ATTRIBUTES:
                self.page.urls.append((line, value.strip()))
            elif name == "srcset":
                self.page.urls += [(line, candidate.split()[0]) for candidate in value.split(",") if candidate.strip()]

    handle_startendtag = handle_starttag


def _read(path: Path) -> _Page:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.page


def check_site(site: Path, address: str) -> list[Broken]:
    """Every broken internal link of the site built in `site` and published at `address` (its site_url)."""
    base = urlsplit(address)
    prefix = base.path if base.path.endswith("/") else base.path + "/"
    pages = {path.relative_to(site).as_posix(): _read(path) for path in sorted(site.rglob("*.html"))}
    broken = []
    for name, page in pages.items():
        # The URL this page is served at, so that relative links resolve as a browser resolves them.
        page_url = f"{base.scheme}://{base.netloc}{prefix}{name.removesuffix('index.html')}"
        for line, written in page.urls:
            reason = _problem(written, page_url, base.netloc, prefix, site, pages)
            if reason:
                broken.append(Broken(name, line, written, reason))
    return broken


def _problem(written: str, page_url: str, host: str, prefix: str, site: Path, pages: dict[str, _Page]) -> str:
    url = urlsplit(urljoin(page_url, written))
    if url.scheme not in ("http", "https") or url.netloc != host:
        return ""  # another site, mailto:, data:, javascript:
    path = unquote(url.path)
    if not path.startswith(prefix):
        return f"outside the site (it is published under {prefix})"
    target = _file_for(site, path.removeprefix(prefix))
    if target is None:
        return "no such page or file in the built site"
    if not url.fragment:
        return ""
    if target not in pages:
        return f"#{url.fragment} on a file that is not a page"
    if unquote(url.fragment) not in pages[target].ids:
        return f"no id '{unquote(url.fragment)}' on {target}"
    return ""


def _file_for(site: Path, relative: str) -> str | None:
    """The file a URL path names, as a web server finds it: a directory means its index.html."""
    relative = posixpath.normpath(relative) if relative else "."
    if relative.startswith(".."):
        return None
    candidate = site / relative
    if candidate.is_dir():
        candidate = candidate / "index.html"
    if not candidate.is_file():
        return None
    return candidate.relative_to(site).as_posix()
