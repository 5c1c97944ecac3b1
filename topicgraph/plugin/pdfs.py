"""The PDF editions, printed after the site is written (`pdfs: true`, which `make pdfs` sets).

Pages link to the PDFs only in a build that prints them (topicgraph/plugin/pages.py), and a PDF
that cannot be printed fails that build: a build that passes never links to a missing PDF.
"""

from __future__ import annotations

import logging
import os
import re
import time
from datetime import UTC, datetime
from pathlib import Path

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..course import Course
from ..editions import all_editions
from ..pdfbook import BookInfo
from ..pdfprint import PdfError, Printed, print_editions
from .dates import PageDates
from .site_urls import SiteUrls

log = logging.getLogger("mkdocs.plugins.topicgraph")
_TAG = re.compile(r"<[^>]*>")


def write_pdfs(config: MkDocsConfig, course: Course, dates: PageDates | None) -> None:
    """Print every edition (the course, each part, each reading path) into site/pdf/."""
    urls = SiteUrls(config)
    print_url = urls.built("print.md")
    print_file = print_url + "index.html" if print_url.endswith("/") else print_url
    # The edition is dated by its newest topic, so that the same sources print the same cover.
    changed = [dates.of(t.src_uri) for t in course.topics.values()] if dates else [datetime.now(UTC)]
    newest = max(changed).date()
    info = BookInfo(site_name=config.site_name, licence=_TAG.sub("", config.copyright or ""),
                    edition_date=format_date(newest, format="long", locale=(config.theme.get("language") or "en")),
                    site_url=config.site_url or "", print_url=print_url)
    start = time.perf_counter()

    def report(done: Printed) -> None:
        log.debug(f"PDF {done.slug}: {done.pages} pages in {done.seconds:.1f} s")

    try:
        printed = print_editions(Path(config.site_dir), print_file, all_editions(course), info,
                                 chromium=os.environ.get("CHROMIUM", "/usr/bin/chromium"), report=report)
    except PdfError as exc:
        raise PluginError(f"PDF editions: {exc}") from None
    log.info(f"Printed {len(printed)} PDF editions ({sum(p.pages for p in printed)} pages) "
             f"in {time.perf_counter() - start:.1f} s")
