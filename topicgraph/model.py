"""The data a topic file holds once loaded and validated."""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("introductory", "undergraduate", "graduate")  # the default; a course may name its own
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class CourseSettings:
    """What a course decides and the engine does not: its parts, in course order, and its levels."""

    parts: tuple[str, ...] = ()  # empty: any part name, ordered by name
    levels: tuple[str, ...] = LEVELS

    def part_order(self, part: str) -> tuple[int, str]:
        """Sort key of a part: its place in the course, then (for a part the course does not list) its name."""
        return (self.parts.index(part), "") if part in self.parts else (len(self.parts), part)


@dataclass(frozen=True)
class Option:
    text: str
    explanation: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    question: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Topic:
    """One topic: its front matter, its body and where it came from."""

    id: str
    file: str  # path shown in messages, e.g. docs/topics/anarchy.md
    src_uri: str  # path relative to docs_dir, e.g. topics/anarchy.md
    title: str
    description: str
    level: str
    part: str
    tags: tuple[str, ...]
    prerequisites: tuple[str, ...]
    reflection: str
    quiz: tuple[Question, ...]
    body: str
    body_line: int
    key_lines: dict[str, int]
    words: int

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE))

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)


ANY_COURSE = CourseSettings()  # no parts named, the default levels
