"""The whole course as one printable page, in reading order.

Every topic's Markdown is placed under its own heading; its ids are prefixed with the topic id so
that they stay unique on one page. Links between topics point to the topic's heading on this page,
and links to other pages become plain text: a broken link or anchor is then reported once, on the
topic that has it, not a second time here.
"""

from __future__ import annotations

import re

from .course import Course
from .links import resolve
from .model import PARTS, Topic

_HEADING = re.compile(r"^(#{2,5}) ", re.M)
_ATTR_ID = re.compile(r"\{#([a-z0-9-]+)")
_HTML_ID = re.compile(r'\bid="([^"]+)"')
_FIGURE_MARKER = re.compile(r"^<!-- figure: [a-z0-9-]+ -->\n?", re.M)
_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\((?!https?://)([^)\s#]*)(?:#[^)\s]+)?\)")


def reading_order(course: Course) -> list[str]:
    """All topics, each after its prerequisites: by depth, then part, then title."""
    return sorted(course.topics, key=lambda i: (course.metrics[i].depth, PARTS.index(course.topics[i].part),
                                                course.topics[i].title))


def printable_body(topic: Topic, topic_ids: set[str]) -> str:
    """A topic's body made to sit inside the print page at the site root (src_uri 'print.md')."""
    # Figures stay on the topic pages: two topics share one, and its SVG ids must be unique per page.
    body = _FIGURE_MARKER.sub("", topic.body)
    body = _HEADING.sub(lambda m: "#" + m.group(1) + " ", body)
    body = _ATTR_ID.sub(lambda m: "{#" + f"{topic.id}--{m.group(1)}", body)
    body = _HTML_ID.sub(lambda m: f'id="{topic.id}--{m.group(1)}"', body)
    return _LINK.sub(lambda m: _relink(topic, topic_ids, m.group(1), m.group(2)), body)


def _relink(topic: Topic, topic_ids: set[str], text: str, path: str) -> str:
    target = resolve(topic.src_uri, path) if path else topic.src_uri
    other = target.removeprefix("topics/").removesuffix(".md")
    if target.startswith("topics/") and other in topic_ids:
        return f"[{text}](#{other})"
    return text  # another page of the site: not part of the print edition
