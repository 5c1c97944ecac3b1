"""Tiny valid topic files for tests of the engine."""

from __future__ import annotations

from pathlib import Path

import yaml

QUIZ = [
    {"question": f"Question {n}?", "options": [
        {"text": "Right", "correct": True, "explanation": "Because it is right."},
        {"text": "Wrong", "explanation": "Because it is wrong."},
    ]}
    for n in (1, 2, 3)
]


def front_matter(topic_id: str, prerequisites: list[str] | None = None, **fields: object) -> dict:
    meta = {
        "title": f"Topic {topic_id}",
        "description": f"The core idea of {topic_id}, stated in one sentence for neighbour lists.",
        "level": "undergraduate",
        "part": "Foundations",
        "tags": ["concepts"],
        "prerequisites": prerequisites or [],
        "reflection": "What did you take from this topic, and where would you apply it?",
        "quiz": QUIZ,
    }
    meta.update(fields)
    return {k: v for k, v in meta.items() if v is not None}


def write_topic(docs: Path, topic_id: str, prerequisites: list[str] | None = None,
                body: str = "## Core idea {#core-idea}\n\nText.\n", **fields: object) -> Path:
    path = docs / "topics" / f"{topic_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = yaml.safe_dump(front_matter(topic_id, prerequisites, **fields), sort_keys=False)
    path.write_text(f"---\n{meta}---\n\n{body}", encoding="utf-8")
    return path


def write_graph(docs: Path, edges: dict[str, list[str]]) -> None:
    """edges: topic id -> its direct prerequisites."""
    for topic_id, prerequisites in edges.items():
        write_topic(docs, topic_id, prerequisites)


EXAMPLE_DOCS = Path(__file__).resolve().parents[1] / "examples" / "minimal-course" / "docs"


def example_course_citing(root: Path, bib: str, cited: dict[str, str]):
    """The example course copied under `root` with `bib` as its bibliography and loaded: each page in
    `cited` (src_uri -> Markdown) gets the Markdown appended, or is made of it if it is new. Its one
    quotation is reworded, since a quotation needs a citation once there is a bibliography."""
    import shutil

    from topicgraph.course import load_course
    from topicgraph.model import CourseSettings

    docs = root / "docs"
    shutil.copytree(EXAMPLE_DOCS, docs)
    for src_uri, markdown in cited.items():
        page = docs / src_uri
        page.write_text(page.read_text(encoding="utf-8") + f"\n\n{markdown}\n" if page.exists() else markdown,
                        encoding="utf-8")
    spaces = docs / "topics" / "sample-spaces.md"
    spaces.write_text(spaces.read_text(encoding="utf-8").replace('"the die shows an even number"', "the even results"),
                      encoding="utf-8")
    (root / "refs.bib").write_text(bib, encoding="utf-8")
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    return load_course(docs_dir=docs, bib_path=root / "refs.bib", pages=pages, display_prefix="docs",
                       settings=CourseSettings(parts=("Basics", "Inference"), levels=("introductory", "intermediate")))
