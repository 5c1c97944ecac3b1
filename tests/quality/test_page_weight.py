"""Page-weight gate: a first visit to a page transfers at most 120 KB (gzip), everything included.

Every page is weighed from the built files: its HTML, the stylesheets, scripts and icon it links,
and what Material's script fetches on its own (the search worker and sitemap.xml; the search index
waits until the reader turns to search, see topicgraph/plugin/theme/assets/javascripts/search-on-demand.js). One page
is then opened in a fresh browser to show that this list is exactly what a first visit requests.
benchmarks/page_weight.py measures the same in the browser for any page.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from quality.gates import page_file

BUDGET = 120 * 1024
GZIP_LEVEL = 6  # what a typical static host uses
# Pages outside the budget, and why.
EXEMPT = {"print/": "the whole course on one page, to print or save", "404.html": "root-absolute links"}


@cache
def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), GZIP_LEVEL))


def first_visit_files(site: Path, url: str) -> set[str]:
    """The site paths a first visit to `url` (relative to the site root) loads, the page included."""
    page = page_file(site, url)
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [link["href"] for link in soup.select("link[href]")
             if {"stylesheet", "icon"} & set(link.get("rel", []))]
    scripts = [script["src"] for script in soup.select("script[src]")]
    images = [image["src"] for image in soup.select("img[src]") if image.get("loading") != "lazy"]
    config = json.loads(soup.select_one("script#__config").string)
    worker = config["search"]  # Material's bundle starts it, and fetches the sitemap at its base
    sitemap = f"{config['base']}/sitemap.xml"
    paths = {urlsplit(urljoin(f"/{url}", ref)).path for ref in [*links, *scripts, *images, worker, sitemap]}
    return {path.lstrip("/") for path in paths} | {page.relative_to(site).as_posix()}


def _weight(site: Path, files: set[str]) -> int:
    return sum(_gzip_size(site / file) for file in files)


def test_every_page_fits_the_budget_on_a_first_visit(site: Path, pages: list[str]) -> None:
    weights = {url: _weight(site, first_visit_files(site, url)) for url in pages if url not in EXEMPT}
    heavy = [f"{url or 'home'}: {size / 1024:.1f} KB" for url, size in weights.items() if size > BUDGET]
    assert not heavy, f"over the {BUDGET // 1024} KB budget (gzip):\n" + "\n".join(heavy)


def test_the_weighed_files_are_what_a_first_visit_requests(browser: Browser, site: Path, published_url: str) -> None:
    url = "topics/arms-races/"
    prefix = urlsplit(published_url).path
    context = browser.new_context()  # an empty cache: a first visit
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path.removeprefix(prefix)))
    page.goto(published_url + url, wait_until="networkidle")
    page.wait_for_timeout(1500)  # Material starts its search worker after the first idle moment
    page.wait_for_load_state("networkidle")
    context.close()
    expected = {file.removesuffix("index.html") for file in first_visit_files(site, url)}
    assert set(requested) == expected
    assert not any("search_index" in path for path in requested)
