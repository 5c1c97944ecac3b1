"""The whole pipeline in one call: load -> build graph -> validate -> compute metrics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import networkx as nx

from .agreements import DATA, Record, load_record, with_record
from .citations import Bibliography, CitationUse, check_citations, check_unused, citation_uses, load_bibliography
from .content import check_inline_scripts
from .errors import Problem, raise_if_any
from .graph import build_graph, validate_graph, validate_navigation
from .htmlpolicy import check_static_files
from .links import backlinks
from .load import TOPICS_DIR, load_topics
from .mentions import MentionContext, mention_contexts
from .metrics import TopicMetrics, compute_metrics
from .model import ANY_COURSE, CourseSettings, Topic
from .quotations import check_quotations


@dataclass
class Course:
    topics: dict[str, Topic]
    graph: nx.DiGraph
    metrics: dict[str, TopicMetrics]
    bibliography: Bibliography
    citations: dict[str, list[CitationUse]]  # src_uri of every page -> its citations, in order
    mentions: dict[str, list[str]]  # topic id -> ids of the other topics whose prose links to it
    record: Record | None = None  # the arms-control record (docs/data/agreements.yml), if the course has one
    settings: CourseSettings = ANY_COURSE
    pages: dict[str, str] | None = None  # src_uri -> Markdown as the build reads it (the record's table in place)
    # topic id -> {id of a topic in its "mentions" -> the sentence of that topic that links to it}
    mention_contexts: dict[str, dict[str, MentionContext]] = field(default_factory=dict)

    @cached_property
    def titles(self) -> dict[str, str]:
        """Topic id -> title (computed once: every topic page and generated page reads it)."""
        return {i: t.title for i, t in self.topics.items()}

    @cached_property
    def descriptions(self) -> dict[str, str]:
        """Topic id -> one-sentence description."""
        return {i: t.description for i, t in self.topics.items()}

    def topic_for(self, src_uri: str) -> Topic | None:
        topic_id = src_uri.removeprefix("topics/").removesuffix(".md")
        topic = self.topics.get(topic_id)
        return topic if topic and topic.src_uri == src_uri else None

    def cited_in(self) -> dict[str, list[str]]:
        """Bibliography key -> src_uris of the pages citing it, in page order."""
        pages: dict[str, list[str]] = {key: [] for key in self.bibliography.entries}
        for src_uri, uses in self.citations.items():
            for key in dict.fromkeys(use.key for use in uses):
                pages.setdefault(key, []).append(src_uri)
        return pages


def pages_as_built(docs_dir: Path, pages: Mapping[str, str], display_prefix: str = "docs",
                   ) -> tuple[dict[str, str], Record | None, list[Problem]]:
    """The pages as the build reads them (the arms-control record's table in place), the record, and
    the record's problems."""
    if not (docs_dir / DATA).is_file():
        return dict(pages), None, []
    record, problems = load_record(docs_dir / DATA, f"{display_prefix}/{DATA.as_posix()}")
    return {src_uri: with_record(text, record) for src_uri, text in pages.items()}, record, problems


def load_course(
    docs_dir: Path,
    bib_path: Path | None,
    pages: Mapping[str, str],
    nav: Mapping[str, str] | None = None,
    display_prefix: str = "docs",
    settings: CourseSettings = ANY_COURSE,
) -> Course:
    """Load and validate everything, raising TopicGraphError listing every problem.

    Arguments:
        docs_dir: the MkDocs docs directory.
        bib_path: the BibTeX file; None for a course without one (no citation checks).
        pages: src_uri -> Markdown source of every page (topics and others), to check citations; a page
            showing the arms-control record is checked with the record's table in place.
        nav: src_uri -> navigation section title; None skips the navigation check.
        display_prefix: how docs_dir is named in messages.
        settings: the course's parts and levels.
    """
    topics, problems = load_topics(docs_dir, display_prefix, settings)
    pages, record, record_problems = pages_as_built(docs_dir, pages, display_prefix)
    problems += record_problems
    bibliography, bib_problems = load_bibliography(bib_path, bib_path.name) if bib_path else (Bibliography("", {}), [])
    problems += bib_problems
    citations = {src_uri: citation_uses(text) for src_uri, text in pages.items()}
    problems += check_inline_scripts(pages, display_prefix)
    problems += check_static_files(docs_dir, display_prefix)
    if bibliography.entries:
        for src_uri, uses in citations.items():
            problems += check_citations(f"{display_prefix}/{src_uri}", uses, bibliography)
        problems += check_unused(bibliography, {use.key for uses in citations.values() for use in uses})
        problems += check_quotations(pages, bibliography, display_prefix)
    graph = build_graph(topics)
    unloaded = {path.stem for path in (docs_dir / TOPICS_DIR).glob("*.md")} - set(graph)
    problems += validate_graph(topics, graph, unloaded)
    if nav is not None:
        problems += validate_navigation(topics, nav)
    raise_if_any(problems)
    by_uri = {t.src_uri: t.id for t in topics}
    linked_from = backlinks(pages)
    mentions = {by_uri[target]: [by_uri[s] for s in sources if s in by_uri]
                for target, sources in linked_from.items() if target in by_uri}
    contexts = {by_uri[target]: {by_uri[s]: sentence for s, sentence in found.items() if s in by_uri}
                for target, found in mention_contexts(pages, linked_from).items() if target in by_uri}
    return Course({t.id: t for t in topics}, graph, compute_metrics(graph), bibliography, citations, mentions,
                  record, settings, dict(pages), contexts)


__all__ = ["Course", "Problem", "load_course", "pages_as_built"]
