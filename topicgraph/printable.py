"""The whole course as one printable page, in reading order.

Every topic's Markdown is placed under its own heading; its ids are prefixed with the topic id so
that they stay unique on one page, and links between topics become links within the page.
"""

from __future__ import annotations

import posixpath
import re

from .course import Course
from .model import PARTS, Topic

_HEADING = re.compile(r"^(#{2,5}) ", re.M)
_ATTR_ID = re.compile(r"\{#([a-z0-9-]+)")
_HTML_ID = re.compile(r'\bid="([^"]+)"')
_LINK = re.compile(r"\]\((?!https?://)([^)\s#]*)(?:#([^)\s]+))?\)")


def reading_order(course: Course) -> list[str]:
    """All topics, each after its prerequisites: by depth, then part, then title."""
    return sorted(course.topics, key=lambda i: (course.metrics[i].depth, PARTS.index(course.topics[i].part),
                                                course.topics[i].title))


def printable_body(topic: Topic, topic_ids: set[str]) -> str:
    """A topic's body made to sit inside the print page at the site root (src_uri 'print.md')."""
    body = _HEADING.sub(lambda m: "#" + m.group(1) + " ", topic.body)
    body = _ATTR_ID.sub(lambda m: "{#" + f"{topic.id}--{m.group(1)}", body)
    body = _HTML_ID.sub(lambda m: f'id="{topic.id}--{m.group(1)}"', body)
    return _LINK.sub(lambda m: _relink(topic, topic_ids, m.group(1), m.group(2)), body)


def _relink(topic: Topic, topic_ids: set[str], path: str, anchor: str | None) -> str:
    if not path:  # a section of the same topic
        return f"](#{topic.id}--{anchor})"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(topic.src_uri), path))
    other = target.removeprefix("topics/").removesuffix(".md")
    if target.startswith("topics/") and other in topic_ids:
        return f"](#{other}--{anchor})" if anchor else f"](#{other})"
    return f"]({target}#{anchor})" if anchor else f"]({target})"  # another page of the site
