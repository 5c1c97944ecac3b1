"""The PDF editions of a course: the whole course, one per part, one per reading path.

An edition is a title, a file name under pdf/ and its topics in groups, each group a part (a path's
topics form one group, in reading order, since a path crosses parts). Part and path editions are
selections of the course edition: same order, same topic text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .course import Course
from .printable import reading_order

PDF_DIR = "pdf"  # where the editions go in the built site


@dataclass(frozen=True)
class Edition:
    slug: str  # the file name without .pdf: course, part-<name>, path-<topic id>
    title: str  # plain text: whatever markup it holds is printed as text
    kind: str  # "course", "part" or "path"
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, topic ids in order)

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(topic_id for _, ids in self.groups for topic_id in ids)

    @property
    def path(self) -> str:
        """Where the edition is in the built site, relative to its root."""
        return f"{PDF_DIR}/{self.slug}.pdf"


def course_edition(course: Course) -> Edition:
    """Every topic, part by part in course order; within a part, in reading order."""
    return Edition("course", "The whole course", "course", tuple(_parts(course, reading_order(course))))


def part_editions(course: Course) -> list[Edition]:
    """One edition per part that has topics, in course order."""
    slugs = part_slugs(course)
    return [Edition(slugs[part], f"Part: {part}", "part", ((part, ids),))
            for part, ids in _parts(course, reading_order(course))]


def path_editions(course: Course) -> list[Edition]:
    """One edition per topic: its reading path, everything it requires and then itself."""
    return [Edition(f"path-{topic_id}", f"Reading path: {course.topics[topic_id].title}", "path",
                    (("Reading order", tuple(course.metrics[topic_id].reading_path)),))
            for topic_id in sorted(course.topics)]


def all_editions(course: Course) -> list[Edition]:
    return [course_edition(course), *part_editions(course), *path_editions(course)]


def first_topics(course: Course) -> dict[str, Edition]:
    """The first topic of each part (in the part edition's order) -> that part's edition."""
    return {edition.topics[0]: edition for edition in part_editions(course)}


def part_slugs(course: Course) -> dict[str, str]:
    """A file name for each part: part-<its name in lower-case ASCII words>, or part-<n> when the
    name has none or another part's name makes the same (names come from the course's settings)."""
    slugs: dict[str, str] = {}
    for number, part in enumerate(course.settings.parts, 1):
        words = re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-")
        slug = f"part-{words}" if words else f"part-{number}"
        slugs[part] = slug if slug not in slugs.values() else f"part-{number}"
    return slugs


def _parts(course: Course, order: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    by_part: dict[str, list[str]] = {}
    for topic_id in order:
        by_part.setdefault(course.topics[topic_id].part, []).append(topic_id)
    return [(part, tuple(by_part[part])) for part in sorted(by_part, key=course.settings.part_order)]
