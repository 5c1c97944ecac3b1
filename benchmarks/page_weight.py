"""Transferred bytes (gzip) of a page with everything a first visit loads, from a built site.

Usage: .venv/bin/python benchmarks/page_weight.py [--search] site topics/security-dilemma/ [more pages...]

Opens each page in Debian's Chromium (Playwright), served from the built site under its published
path by lighthouse.py's server, waits until the network is idle (twice, two seconds apart: Material
starts its search worker late on a long page), and sums the gzip size (level 6, as a typical static
host serves text) of every file requested. That includes what Material's scripts fetch after the
page has loaded (the search worker and the sitemap, for instant navigation) and, with --search, the
search index a reader's first search loads. A request to another host fails the measurement (the site
makes none). tests/quality/test_page_weight.py holds every page to the 120 KB budget.
"""

from __future__ import annotations

import gzip
import sys
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from lighthouse import CHROMIUM, PREFIX, PagesHandler
from playwright.sync_api import sync_playwright


def _file(site: Path, url_path: str) -> Path:
    target = site / url_path.removeprefix(PREFIX)
    return target / "index.html" if target.is_dir() else target


def weights(site: Path, pages: list[str], search: bool = False) -> dict[str, list[tuple[str, int]]]:
    """page -> (site path, gzip bytes) of every file a first visit to it requests (and a search, if asked)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PagesHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    found: dict[str, list[tuple[str, int]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for page_path in pages:
            context = browser.new_context()  # an empty cache: a first visit
            page = context.new_page()
            requested: list[str] = []
            page.on("request", lambda request, seen=requested: seen.append(request.url))
            page.goto(f"{origin}{PREFIX}{page_path}", wait_until="networkidle")
            # Material starts its search worker late on a long page: the first idle moment can come
            # before it asks for the index, so wait out a second one.
            page.wait_for_timeout(2000)
            page.wait_for_load_state("networkidle")
            if search:
                with page.expect_response(lambda response: "search_index.json" in response.url):
                    page.keyboard.press("/")  # Material's shortcut: the search index loads now
            parts = []
            for url in dict.fromkeys(requested):
                if not url.startswith(origin):
                    raise SystemExit(f"{page_path} requests {url} from another host")
                body = _file(site, urlsplit(url).path).read_bytes()
                parts.append((urlsplit(url).path.removeprefix(PREFIX), len(gzip.compress(body, 6))))
            found[page_path] = parts
            context.close()
        browser.close()
    server.shutdown()
    return found


def main() -> int:
    search = "--search" in sys.argv
    site, *pages = [arg for arg in sys.argv[1:] if arg != "--search"]
    for page, parts in weights(Path(site), pages, search).items():
        print(f"{page}: {sum(size for _, size in parts) / 1024:.1f} KB gzip")
        for name, size in sorted(parts, key=lambda p: -p[1]):
            print(f"  {size / 1024:6.1f} KB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
