"""Shared fixtures: one strict build of the real site, and a way to build a broken copy of it; and
the order in which `make test` hands test files to its two processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import ROOT, BuildResult, copy_project, run_build

from topicgraph.rounds import LastRound

# The longest test files, longest first (`pytest --durations`): `make test` runs each file in one of two
# processes (pytest-xdist, --dist loadfile), handing them out in this order, so that neither process
# is left alone with a long one at the end.
_LONGEST = ("tests/quality/test_accessibility.py", "tests/test_bad_input_corpus.py", "tests/browser/test_readers.py",
            "tests/browser/test_print_without_script.py", "tests/test_citations.py", "tests/test_pdf_editions.py",
            "tests/test_page_cache.py", "tests/browser/test_serve.py", "tests/test_site_graph.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.partition("::")[0]
        return _LONGEST.index(path) if path in _LONGEST else len(_LONGEST)

    items.sort(key=rank)  # stable: a file's tests keep their order


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real course, built once per test session."""
    result = run_build(ROOT, tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site(build: BuildResult) -> Path:
    return build.site


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A private copy of the course sources that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def rounds_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """Values held from one round to the next, as under `mkdocs serve` (topicgraph/rounds.py)."""
    monkeypatch.setattr(LastRound, "held", True)
