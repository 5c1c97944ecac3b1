"""Transferred bytes (gzip) of a page with every asset it loads, from a built site.

Usage: .venv/bin/python benchmarks/page_weight.py site topics/security-dilemma/ [more pages...]

Counts the HTML and each same-site stylesheet, script, image and icon it references, each gzipped
at level 6 as a typical static host would serve it. The search index is loaded only when a reader
opens search, and fonts are not used (font: false), so neither is counted.
"""

from __future__ import annotations

import gzip
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") in ("stylesheet", "icon", "modulepreload"):
            self.urls.append(attributes["href"] or "")
        elif tag in ("script", "img") and attributes.get("src"):
            self.urls.append(attributes["src"] or "")


def weight(site: Path, page: str) -> tuple[int, list[tuple[str, int]]]:
    html_path = site / page / "index.html"
    parser = _Assets()
    parser.feed(html_path.read_text(encoding="utf-8"))
    parts = [(page, len(gzip.compress(html_path.read_bytes(), 6)))]
    for url in dict.fromkeys(parser.urls):
        if urlsplit(url).netloc:
            raise SystemExit(f"{page} loads {url} from another host")
        target = site / urlsplit(urljoin(f"/{page}", url)).path.lstrip("/")
        parts.append((str(target.relative_to(site)), len(gzip.compress(target.read_bytes(), 6))))
    return sum(size for _, size in parts), parts


def main() -> int:
    site = Path(sys.argv[1])
    for page in sys.argv[2:]:
        total, parts = weight(site, page)
        print(f"{page}: {total / 1024:.1f} KB gzip")
        for name, size in sorted(parts, key=lambda p: -p[1]):
            print(f"  {size / 1024:6.1f} KB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
