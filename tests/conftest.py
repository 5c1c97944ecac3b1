"""Shared fixtures: one strict build of the real site, and a way to build a broken copy of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import ROOT, BuildResult, copy_project, run_build


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
