"""Print the PDF editions of a built site with Chromium (through Playwright), script disabled.

Each edition's document (topicgraph/pdfbook.py) is written next to the built print page, so that its
stylesheets and figures load by the same relative URLs, and printed twice: the first print says on
which page each contents entry starts (its named destination), the second fills those numbers in.
The second must paginate like the first, or the contents would lie: the numbers sit in boxes of a
fixed width, and a difference fails the build. Nothing depends on timing: no script runs, and the
page is printed once it has loaded (stylesheets, figures), with every request outside the site refused.

Playwright and pypdf are test and publishing tools, not the site's: they are imported only here.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .editions import Edition
from .pdfbook import BookInfo, PrintPage, book_html

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class PdfError(Exception):
    """An edition could not be printed; the message says which and why, in one line."""


@dataclass(frozen=True)
class Printed:
    slug: str
    pages: int
    seconds: float


def print_editions(site_dir: Path, print_file: str, editions: Iterable[Edition], info: BookInfo,
                   chromium: str = "/usr/bin/chromium", report: Callable[[Printed], None] | None = None,
                   out_dir: Path | None = None) -> list[Printed]:
    """Write <out_dir>/pdf/<slug>.pdf for each edition (out_dir: the site), from the built print page at
    site_dir/print_file."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfError("the PDF editions need Playwright and pypdf (requirements-dev.txt): run `make pdfs`, "
                       "which installs them") from None
    if not Path(chromium).exists():
        raise PdfError(f"the PDF editions need Chromium at {chromium} (Debian: apt-get install chromium)")
    # Playwright's synchronous API refuses a thread whose asyncio loop runs (a test session's browser
    # fixtures run one): the printing gets a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_print_all, sync_playwright, site_dir / print_file, editions, info, chromium,
                             report, out_dir or site_dir).result()


def _print_all(sync_playwright: Callable, source: Path, editions: Iterable[Edition], info: BookInfo,
               chromium: str, report: Callable[[Printed], None] | None, out_dir: Path) -> list[Printed]:
    page_parts = PrintPage.read(source.read_text(encoding="utf-8"))
    printed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(java_script_enabled=False)
            context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
            page = context.new_page()
            for edition in editions:
                start = time.perf_counter()
                document = source.with_name(f".pdf-{edition.slug}.html")
                try:
                    first = _print(page, document, book_html(edition, page_parts, info), final=False)
                    numbers = destinations(first)
                    second = _print(page, document, book_html(edition, page_parts, info, numbers))
                except KeyError as exc:  # a print page made from an overriding template without the marks
                    raise PdfError(f"{edition.path}: {exc.args[0]} (its template must keep the course:edition "
                                   "marks of partials/course/print-page.html)") from None
                finally:
                    document.unlink(missing_ok=True)
                if page_count(second) != page_count(first) or destinations(second) != numbers:
                    raise PdfError(f"{edition.path}: the second print paginated differently from the first, so "
                                   "the page numbers of its contents would be wrong (check pdfbook.BOOK_CSS)")
                target = out_dir / edition.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(second)
                done = Printed(edition.slug, page_count(second), time.perf_counter() - start)
                printed.append(done)
                if report:
                    report(done)
        finally:
            browser.close()
    return printed


def _print(page, document: Path, html: str, final: bool = True) -> bytes:
    """The document as PDF; only the final print is tagged (for assistive technology) and has an outline:
    the first is read for its page numbers alone, and is printed in half the time without them."""
    document.write_text(html, encoding="utf-8")
    page.goto(document.resolve().as_uri(), wait_until="load")
    return page.pdf(format="A4", prefer_css_page_size=True, print_background=True, outline=final, tagged=final)


def destinations(pdf: bytes) -> dict[str, int]:
    """Each named destination (Chromium names one for each in-document link target) -> its page (from 1)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
