"""What a course sets in mkdocs.yml under `plugins: - topicgraph:`."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..model import LEVELS, CourseSettings

# The parts of a topic page the build adds around the contributor's Markdown, in page order.
SECTIONS = ("card", "reflection", "quiz", "connections", "references", "cite")
# The generated pages: the course map (and graph.json), tags, syllabus, one reading path per topic,
# works cited (needs a bibliography), the print edition, and the quizzes as LMS files (lms/, topicgraph/lms.py).
PAGES = ("graph", "tags", "syllabus", "paths", "works-cited", "print", "lms")


class TopicGraphConfig(base.Config):
    parts = c.ListOfItems(c.Type(str))
    """The course's parts in course order; a topic's `part` must be one, and its navigation section."""
    levels = c.ListOfItems(c.Type(str), default=list(LEVELS))
    """The levels a topic's `level` may take."""
    sections = c.ListOfItems(c.Choice(SECTIONS), default=list(SECTIONS))
    """Which generated sections a topic page has."""
    pages = c.ListOfItems(c.Choice(PAGES), default=list(PAGES))
    """Which generated pages the site has."""
    dates = c.Type(bool, default=True)
    """Show when each page last changed (from git) in its footer and in "Cite this page"."""
    page_cache = c.Type(bool, default=True)
    """Keep converted pages in .cache/pages/ and reuse those whose inputs have not changed."""
    pdfs = c.Type(bool, default=False)
    """Print the PDF editions (the course, each part, each reading path) into pdf/ and link them; needs
    Playwright, pypdf and Chromium (`make pdfs`). Off, pages say how to make them and link none."""
    bibliography = c.Optional(c.File(exists=True))
    """The BibTeX file (needs the `bibtex` plugin); without it, no works cited and no citation checks."""

    def settings(self) -> CourseSettings:
        return CourseSettings(parts=tuple(self.parts), levels=tuple(self.levels))
