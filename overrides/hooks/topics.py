"""MkDocs adapter for the topic-graph engine (`topicgraph/`).

Validation happens once, in on_files, before any page is converted; the templates then read the
computed course through the `topic` context variable. The engine itself has no MkDocs imports.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for `topicgraph`

from topicgraph.course import Course, load_course
from topicgraph.errors import TopicGraphError

_course: Course | None = None

# Python-Markdown's footnotes extension puts the footnotes (here: the reference list) at this marker.
FOOTNOTES_MARKER = "///Footnotes Go Here///"


# Hooks ----------------------------------------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _course
    root = Path(config.config_file_path).parent
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    try:
        _course = load_course(
            docs_dir=Path(config.docs_dir),
            bib_path=root / config.plugins["bibtex"].config.bib_file,
            pages=pages,
            nav=_nav_sections(config.nav or []),
            display_prefix=Path(config.docs_dir).relative_to(root).as_posix(),
        )
    except TopicGraphError as exc:
        raise PluginError(f"{len(exc.problems)} problem(s) in the course sources:\n{exc}") from None
    _prime_citation_cache(config, pages)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    topic = _course.topic_for(page.file.src_uri) if _course else None
    if topic is None:
        return markdown
    page.meta["template"] = "topic.html"
    return markdown + _closing_sections(topic, config)


# Helpers --------------------------------------------------------------------------------------------


def _nav_sections(nav: list, section: str = "") -> dict[str, str]:
    """src_uri -> title of the top-level navigation section that lists it."""
    found: dict[str, str] = {}
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else ("", item)
        if isinstance(value, list):
            found |= _nav_sections(value, section or title)
        elif isinstance(value, str):
            found[value] = section
    return found


def _closing_sections(topic, config: MkDocsConfig) -> str:
    """Reflection, quiz and references as Markdown sections, so they get stable ids and TOC entries."""
    env = config.theme.get_env()
    reflection = env.get_template("partials/reflection.html").render(topic=topic)
    quiz = env.get_template("partials/quiz.html").render(topic=topic)
    return (
        f"\n\n## Reflection {{#reflection}}\n\n{reflection}\n\n"
        f"## Quiz me {{#quiz}}\n\n{quiz}\n\n"
        f"## References {{#references}}\n\n{FOOTNOTES_MARKER}\n"
    )


def _prime_citation_cache(config: MkDocsConfig, pages: dict[str, str]) -> None:
    """Format every citation of the site in one pandoc run instead of one run per page."""
    from mkdocs_bibtex.citation import CitationBlock

    registry = config.plugins["bibtex"].registry
    blocks = [block for text in pages.values() for block in CitationBlock.from_markdown(text)]
    registry.validate_citation_blocks(blocks)
