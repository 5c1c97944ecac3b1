"""Checks on what pages say in their Markdown bodies, beyond front matter and citations."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .errors import Problem
from .frontmatter import front_matter_lines

# An opening fence: up to three spaces (more inside lists, which superfences allows), then ``` or ~~~.
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_SCRIPT = re.compile(r"<script\b", re.I)
# The build's markers: generated HTML that skips Markdown (topicgraph.rawhtml), which in a page would
# let HTML past the allowlist (topicgraph.htmlpolicy), and the bounds of what the print edition takes
# from a topic page (topicgraph.printable), which in a page would cut its printed text short.
_RESERVED_MARKER = re.compile(r"<!--\s*/?course:(?:html\b|print-|body\b|references\b)", re.I)

SCRIPT_FIX = "use the course's scripts, not inline <script> in content"
MARKER_FIX = "remove it: only the build writes these markers"


def inline_scripts(file: str, markdown: str) -> list[Problem]:
    """A problem for every line of `markdown` that opens a <script> element, or holds the build's
    generated-HTML marker, outside code.

    Markdown passes raw HTML through, so a <script> in a page would run on the published site: page
    behaviour belongs in the course's own scripts, where it is reviewed, tested and runs on every page.
    Code blocks and code spans are skipped: a page may show a <script> tag as an example.
    """
    skipped = front_matter_lines(markdown)
    problems = []
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        if number <= skipped:
            continue
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        prose = _INLINE_CODE.sub("", line)
        if _SCRIPT.search(prose):
            problems.append(Problem(file, number, "raw <script> in the page's Markdown", SCRIPT_FIX))
        elif marker := _RESERVED_MARKER.search(prose):
            name = marker.group(0).removeprefix("<!--").strip().lstrip("/")
            problems.append(Problem(file, number, f"the build's marker '<!-- {name} -->' in the page", MARKER_FIX))
    return problems


def check_inline_scripts(pages: Mapping[str, str], display_prefix: str = "docs") -> list[Problem]:
    """inline_scripts() over every page; pages maps src_uri -> the file's text."""
    return [problem for src_uri, text in pages.items()
            for problem in inline_scripts(f"{display_prefix}/{src_uri}", text)]
