"""Every contributor mistake in tests/bad-input/ fails the real build with its one expected line.

A case is a YAML file: `changes` to apply to a copy of the project and `error`, the exact line the build
must print. A change names a `file` and either `old` + `new` (text that must occur exactly once, replaced),
`content` (the whole file) or `copy_of` (another file of the project to copy). In `error`, `{line}` stands
for the line on which the first change's `old` text began, so that a case survives edits above it.
See tests/bad-input/README.md.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from sitebuild import copy_project, run_build

CORPUS = Path(__file__).with_name("bad-input")
CASES = [pytest.param(path, id=path.stem) for path in sorted(CORPUS.glob("*.yaml"))]
# The mistakes the corpus must keep covering (issue 10); a case may be added, none silently dropped.
REQUIRED = {
    "unknown-prerequisite", "prerequisite-cycle", "self-prerequisite", "duplicate-id", "missing-field",
    "unknown-level", "malformed-yaml", "unknown-citation-key", "duplicate-bib-key", "broken-page-link",
    "broken-anchor", "quiz-without-correct-answer", "topic-missing-from-nav", "raw-script",
    # Safe contributions (issue 18): every way in for script, frames and styles.
    "javascript-link", "event-handler", "iframe", "encoded-javascript-link", "mixed-case-tag", "unquoted-attribute",
    "image-attribute-list", "style-element", "style-attribute", "form", "data-url-link", "vbscript-link",
    "generated-html-marker", "svg-with-script", "html-file",
    # Every source check applies to every page (issue 23); quotations carry a locator (issue 19).
    "unknown-citation-key-outside-topics", "quotation-without-locator",
}
# A problem in the build's output: the engine's "file:line: message (fix)" lines (under one "ERROR - N
# problem(s)" heading) and MkDocs' own warnings, which fail a strict build.
_PROBLEM_LINE = re.compile(r"^(?:[\w./-]+\.(?:md|bib|yml|html|svg):(?:\d+:)? |WARNING\s+-  )")


@dataclass(frozen=True)
class Change:
    file: str
    old: str | None = None
    new: str | None = None
    content: str | None = None
    copy_of: str | None = None

    def apply(self, project: Path) -> int:
        """Make the change; return the 1-based line at which it starts."""
        path = project / self.file
        if self.copy_of is not None:
            path.write_bytes((project / self.copy_of).read_bytes())
            return 1
        if self.content is not None:
            path.parent.mkdir(parents=True, exist_ok=True)  # a new file may come in a new folder
            path.write_text(self.content, encoding="utf-8")
            return 1
        text = path.read_text(encoding="utf-8")
        found = text.count(self.old)
        assert found == 1, f"{self.file}: the case's 'old' text occurs {found} times (must be once): {self.old!r}"
        path.write_text(text.replace(self.old, self.new), encoding="utf-8")
        return text[:text.index(self.old)].count("\n") + 1


@dataclass(frozen=True)
class Case:
    changes: tuple[Change, ...]
    error: str


def load_case(path: Path) -> Case:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"changes", "error"}, f"{path.name}: a case has exactly 'changes' and 'error'"
    changes = tuple(Change(**change) for change in data["changes"])
    for change in changes:
        kinds = [change.old is not None and change.new is not None, change.content is not None,
                 change.copy_of is not None]
        assert kinds.count(True) == 1, f"{path.name}: a change has 'old' and 'new', or 'content', or 'copy_of'"
    return Case(changes, data["error"].strip())


def test_the_corpus_covers_every_listed_mistake() -> None:
    names = {path.stem for path in CORPUS.glob("*.yaml")}
    assert names >= REQUIRED, f"missing cases: {sorted(REQUIRED - names)}"


@dataclass(frozen=True)
class Outcome:
    output: str  # what the build printed, or why the case could not be applied
    returncode: int
    expected: str


def build_case(path: Path, workdir: Path) -> Outcome:
    """Apply a case to a fresh copy of the project and build it."""
    try:
        case = load_case(path)
        project = copy_project(workdir / "project")
        lines = [change.apply(project) for change in case.changes]
    except (AssertionError, OSError, TypeError, yaml.YAMLError) as exc:
        return Outcome(f"{path.name}: cannot apply the case: {exc}", -1, "")
    result = run_build(project, project / "site")
    return Outcome(result.output, result.returncode, case.error.replace("{line}", str(lines[0])))


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Outcome]:
    """The selected cases, built two at a time: each build is one process busy on one core."""
    selected = sorted({item.callspec.params["case_path"] for item in request.session.items
                       if "case_path" in getattr(getattr(item, "callspec", None), "params", {})})
    # Made here, not in the threads: the first mktemp of a process creates pytest's base directory, and
    # two threads would race to create it (a worker of `make test` may start with this module).
    workdirs = [tmp_path_factory.mktemp(path.stem) for path in selected]
    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        built = pool.map(build_case, selected, workdirs)
        return dict(zip(selected, built, strict=True))


@pytest.mark.parametrize("case_path", CASES)
def test_mistake_fails_the_build_with_one_clear_line(case_path: Path, outcomes: dict[Path, Outcome]) -> None:
    outcome = outcomes[case_path]
    assert outcome.returncode > 0, f"the build passed:\n{outcome.output}" if outcome.returncode == 0 \
        else outcome.output
    assert "Traceback" not in outcome.output, outcome.output
    problems = [line for line in outcome.output.splitlines()
                if _PROBLEM_LINE.match(line)]
    assert len(problems) == 1, "expected one problem line, got:\n" + "\n".join(problems or [outcome.output])
    assert problems[0].endswith(outcome.expected), f"expected ...{outcome.expected!r}\n     got {problems[0]!r}"
