"""Write the skeleton of a new topic and add it to the navigation.

Usage: python scripts/new_topic.py <id> "<Title>" --part "The dilemma" [--prerequisites a b]

The skeleton passes the front-matter schema, so `make serve` shows it at once; the content tests
(`make test`) keep failing until its sections hold real prose, citations and a real quiz.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from topicgraph.model import LEVELS  # noqa: E402


def course_settings(config: Path) -> dict:
    """The topicgraph plugin's settings in mkdocs.yml (its parts and levels)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # MkDocs' !ENV and other tags
    plugins = yaml.load(config.read_text(encoding="utf-8"), Loader=loader).get("plugins") or []
    for plugin in plugins:
        if isinstance(plugin, dict) and "topicgraph" in plugin:
            return plugin["topicgraph"] or {}
    return {}

BODY = """
## Core idea {#core-idea}

State the idea precisely in one paragraph, with citations such as [@jervis1978].

## How it's best learned {#how-to-learn}

- A model to work through, a case or primary text to read, and one exercise.

## Explainer {#explainer}

### First subsection {#first-subsection}

The body, in subsections with explicit ids. Link related topics, e.g. the
[security dilemma](security-dilemma.md).
"""


def main() -> int:
    settings = course_settings(ROOT / "mkdocs.yml")
    levels = settings.get("levels") or list(LEVELS)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", help="lower-case words joined by hyphens; becomes /topics/<id>/")
    parser.add_argument("title")
    parser.add_argument("--part", required=True, choices=settings.get("parts"))
    parser.add_argument("--level", default=levels[len(levels) // 2], choices=levels)
    parser.add_argument("--prerequisites", nargs="*", default=[])
    args = parser.parse_args()

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args.id):
        parser.error("the id must be lower-case words joined by hyphens, e.g. 'arms-control'")
    path = ROOT / "docs" / "topics" / f"{args.id}.md"
    if path.exists():
        parser.error(f"{path.relative_to(ROOT)} already exists")

    meta = {
        "title": args.title,
        "description": f"One sentence with the core idea of {args.title}, shown in link lists and previews.",
        "level": args.level,
        "part": args.part,
        "tags": ["concepts"],
        "prerequisites": args.prerequisites,
        "reflection": f"What did you take from {args.title}, and where would you apply it?",
        "quiz": [
            {"question": f"Question {n} about {args.title}?", "options": [
                {"text": "The right answer.", "correct": True, "explanation": "Why it is right."},
                {"text": "A tempting wrong answer.", "explanation": "Why it is wrong."},
            ]}
            for n in (1, 2, 3)
        ],
    }
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + BODY,
                    encoding="utf-8")
    _add_to_nav(ROOT / "mkdocs.yml", args.part, f"topics/{args.id}.md")
    print(f"wrote {path.relative_to(ROOT)} and added it to the '{args.part}' section of mkdocs.yml")
    return 0


def _add_to_nav(config: Path, part: str, src_uri: str) -> None:
    """Append the page to its part's nav section, keeping the file's comments and layout."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- {part}:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("      - "):
        end += 1
    lines.insert(end, f"      - {src_uri}\n")
    config.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
