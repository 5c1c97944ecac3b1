"""Load topic files: parse front matter, check it against the JSON Schema, build Topic objects."""

from __future__ import annotations

import copy
import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from .errors import Problem
from .frontmatter import FrontMatterError, parse
from .model import ANY_COURSE, CourseSettings, Option, Question, Topic
from .rounds import LastRound

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_PATH = Path(__file__).with_name("topic.schema.json")
TOPICS_DIR = "topics"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_CITATION = re.compile(r"\[[^\]]*@[^\]]*\]")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
# Each topic as the last load made it from the same text: a `mkdocs serve` rebuild loads all of them again.
_LOADED: LastRound[tuple[Topic | None, list[Problem]]] = LastRound()


@cache
def schema(settings: CourseSettings = ANY_COURSE) -> dict[str, Any]:
    """The topic schema, with the course's own parts and levels as the allowed values."""
    found = copy.deepcopy(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    if settings.parts:
        found["properties"]["part"]["enum"] = list(settings.parts)
    found["properties"]["level"]["enum"] = list(settings.levels)
    return found


@cache
def _fast_validator(settings: CourseSettings) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(schema(settings))


@cache
def _validator(settings: CourseSettings = ANY_COURSE) -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # imported only for a topic that breaks the schema

    return Draft202012Validator(schema(settings))


def schema_errors(meta: Any, settings: CourseSettings = ANY_COURSE) -> list[ValidationError]:
    """Where front matter breaks the schema. jsonschema-rs says whether it does, ~300 times faster
    than the Python jsonschema, which says how (its errors carry what the messages need)."""
    try:
        if _fast_validator(settings).is_valid(meta):
            return []
    except ValueError:  # a value JSON lacks, e.g. a YAML date: the Python validator reports it
        pass
    return list(_validator(settings).iter_errors(meta))


def load_topics(docs_dir: Path, display_prefix: str = "docs",
                settings: CourseSettings = ANY_COURSE) -> tuple[list[Topic], list[Problem]]:
    """Load every `<docs_dir>/topics/*.md`.

    Arguments:
        docs_dir: the MkDocs docs directory.
        display_prefix: how `docs_dir` is named in messages (relative to the project root).
        settings: the course's parts and levels, which a topic's `part` and `level` must name.

    Returns:
        The topics that loaded cleanly, and the problems found in the others.
    """
    topics: list[Topic] = []
    problems: list[Problem] = []
    topics_dir = docs_dir / TOPICS_DIR
    _LOADED.new_round()
    for path in sorted(topics_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        file = f"{display_prefix}/{src_uri}"
        if path.parent != topics_dir:
            problems.append(Problem(file, None, "topic files must sit directly in docs/topics/",
                                    f"move it to docs/topics/{path.name}"))
            continue
        inputs = (path.read_text(encoding="utf-8"), path.stem, file, src_uri, settings)
        topic, found = _LOADED.get(inputs, lambda inputs=inputs: load_topic(*inputs))
        problems += found
        if topic:
            topics.append(topic)
    problems += _duplicate_ids(topics)
    return topics, problems


def load_topic(text: str, topic_id: str, file: str, src_uri: str,
               settings: CourseSettings = ANY_COURSE) -> tuple[Topic | None, list[Problem]]:
    """Build one Topic from a file's text, or return the problems that prevent it."""
    if not _ID.match(topic_id):
        return None, [Problem(file, None, f"'{topic_id}' is not a valid topic id",
                              "rename the file using lower-case letters, digits and hyphens only")]
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        return None, [Problem(file, exc.line, str(exc), "fix the YAML between the two '---' lines")]
    problems = [_describe(error, file, doc.key_lines) for error in schema_errors(doc.meta, settings)]
    if problems:
        return None, problems
    meta = doc.meta
    quiz = tuple(
        Question(q["question"], tuple(Option(o["text"], o["explanation"], o.get("correct", False))
                                      for o in q["options"]))
        for q in meta["quiz"]
    )
    return Topic(
        id=topic_id, file=file, src_uri=src_uri,
        title=meta["title"], description=" ".join(meta["description"].split()),
        level=meta["level"], part=meta["part"], tags=tuple(meta["tags"]),
        prerequisites=tuple(meta["prerequisites"]), reflection=" ".join(meta["reflection"].split()),
        quiz=quiz, body=doc.body, body_line=doc.body_line, key_lines=doc.key_lines,
        words=count_words(doc.body),
    ), []


def count_words(markdown: str) -> int:
    """Words a reader reads: citations and link targets do not count."""
    text = _CITATION.sub("", markdown)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{#[^}]*\}", "", text)
    return len(_WORD.findall(text))


def _duplicate_ids(topics: list[Topic]) -> list[Problem]:
    seen: dict[str, Topic] = {}
    problems = []
    for topic in topics:
        key = topic.id.replace("-", "")
        if key in seen:
            problems.append(Problem(topic.file, None,
                                    f"duplicate topic id: '{topic.id}' collides with '{seen[key].id}' "
                                    f"({seen[key].file})", "merge the two topics or rename one"))
        seen[key] = topic
    return problems


def _describe(error: ValidationError, file: str, key_lines: dict[str, int]) -> Problem:
    """Turn a JSON Schema error into one line a contributor can act on."""
    path = list(error.absolute_path)
    field = ".".join(str(p) for p in path) or "front matter"
    line = key_lines.get(str(path[0])) if path else 2
    validator, value = error.validator, error.instance
    props = schema()["properties"]
    if validator == "required":
        missing = error.message.split("'")[1]
        return Problem(file, line, f"missing field '{missing}'",
                       f"add '{missing}:' ({props[missing]['description']})" if missing in props
                       else f"add '{missing}:'")
    if validator == "additionalProperties":
        extra = sorted(set(value) - set(error.schema["properties"]))
        known = list(error.schema["properties"])
        hints = [f"'{e}' -> did you mean '{m[0]}'?" if (m := difflib.get_close_matches(e, known, 1)) else
                 f"remove '{e}'" for e in extra]
        return Problem(file, line, f"{field}: unknown field(s) {', '.join(map(repr, extra))}", "; ".join(hints))
    if validator == "enum":
        return Problem(file, line, f"{field}: {value!r} is not allowed",
                       "use one of: " + ", ".join(error.validator_value))
    if validator in ("contains", "minContains", "maxContains"):
        return Problem(file, line, f"{field}: exactly one option must have 'correct: true'",
                       "mark the one right answer with 'correct: true'")
    if validator == "pattern" and error.validator_value == schema()["$defs"]["one-line"]["pattern"]:
        return Problem(file, line, f"{field}: must be one line of text, without line breaks",
                       "write it on one line (with '>-' YAML folds the lines into one)")
    if validator == "pattern":
        return Problem(file, line, f"{field}: {value!r} is not a valid id or tag",
                       "use lower-case words joined by hyphens, e.g. 'arms-races'")
    if validator == "type":
        return Problem(file, line, f"{field}: expected {error.validator_value}, got {type(value).__name__}",
                       "see CONTRIBUTING.md for the front-matter format")
    if validator in ("minItems", "maxItems", "minLength", "maxLength"):
        return Problem(file, line, f"{field}: {error.message}", "see CONTRIBUTING.md for the limits")
    return Problem(file, line, f"{field}: {error.message}", "see CONTRIBUTING.md for the front-matter format")
