"""Each page's "last updated" date, for Material's page footer and for "Cite this page".

The dates come from one `git log` (topicgraph/gitdates.py); a page git does not know gets the build's
date, as a new or generated page would. Material shows `page.meta.revision_date`, a documented key
of its page template, so no other plugin is needed; the date is written in the site's language.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from babel.dates import format_date
from markupsafe import Markup, escape

from ..gitdates import last_changed

CACHE = Path(".cache") / "dates"


class PageDates:
    def __init__(self, docs_dir: str, language: str | None, cache_dir: Path | None = None) -> None:
        """cache_dir: where the dates read from git are kept, by commit (None: ask git every time)."""
        self._changed = last_changed(Path(docs_dir), cache_dir)
        self._locale = (language or "en").replace("-", "_")
        # SOURCE_DATE_EPOCH: the reproducible-builds convention MkDocs also follows for the build date.
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        self._built = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)

    def of(self, src_uri: str) -> datetime:
        when = self._changed.get(src_uri)
        return datetime.fromtimestamp(when, UTC) if when is not None else self._built

    def html(self, when: datetime) -> Markup:
        """The date as the page footer shows it: 'December 4, 2026', marked up as a <time>."""
        shown = format_date(when.date(), format="long", locale=self._locale)
        return Markup(f'<time datetime="{when.date().isoformat()}">{escape(shown)}</time>')
