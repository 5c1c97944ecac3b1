"""Published URLs must keep resolving: pages and the section anchors of topics, as listed in a manifest.

Instructors paste these URLs into syllabi. A change that would break one fails the build unless a
redirect (for a page) or an alias anchor (for a section) keeps the old address working.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import Problem

MANIFEST = "published-urls.txt"


def read_manifest(path: Path) -> list[str]:
    """Site-absolute URLs, one a line; blank lines and '# ' comments are ignored."""
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("# ")]


def check_published(
    manifest: Iterable[str],
    ids_by_page: Mapping[str, set[str]],
    redirects: Mapping[str, str],
    file: str = MANIFEST,
) -> list[Problem]:
    """Every manifest URL must still resolve.

    Arguments:
        manifest: site-absolute URLs such as '/topics/anarchy/' or '/topics/anarchy/#core-idea'.
        ids_by_page: URL of every page now built -> the element ids on it.
        redirects: old page URL -> the URL it redirects to.
        file: the manifest's name, for messages.
    """
    problems = []
    for url in manifest:
        page, _, anchor = url.partition("#")
        target = page if page in ids_by_page else redirects.get(page)
        if target is None or target not in ids_by_page:
            problems.append(Problem(file, None, f"published URL '{url}' no longer resolves",
                                    f"restore the page, or add a redirect for it in mkdocs.yml "
                                    f"(plugins > redirects > redirect_maps: '{_source_of(page)}': '<new page>.md')"))
        elif anchor and anchor not in ids_by_page[target]:
            problems.append(Problem(file, None, f"published URL '{url}' no longer resolves: "
                                                f"'{target}' has no section '#{anchor}'",
                                    f"keep the old id as an alias: put <a id=\"{anchor}\"></a> on its own line "
                                    "before the renamed section"))
    return problems


def current_urls(pages: Iterable[str], sections: Mapping[str, Iterable[str]]) -> list[str]:
    """The manifest lines for what is built now: every page, and every section of every topic.

    Arguments:
        pages: URLs of all pages.
        sections: URL of each topic page -> the ids of its headings.
    """
    urls = set(pages)
    for page, ids in sections.items():
        urls |= {f"{page}#{section}" for section in ids}
    return sorted(urls)


def _source_of(url: str) -> str:
    return f"{url.strip('/')}.md" if url.strip("/") else "index.md"
