"""The data a topic file holds once loaded and validated."""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("introductory", "undergraduate", "graduate")
PARTS = ("Foundations", "Models", "The dilemma", "Cases", "Mitigation", "Extensions")
WORDS_PER_MINUTE = 200


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
