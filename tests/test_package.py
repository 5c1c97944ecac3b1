"""The engine as a package another course installs: the wheel holds the plugin, its templates and assets
and the schema, nothing of this course, and a course builds from the installed wheel alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sitebuild import ROOT

EXAMPLE = ROOT / "examples" / "minimal-course"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, a directory the wheel is installed into), built from a copy of the engine's sources."""
    work = tmp_path_factory.mktemp("package")
    source = work / "source"
    source.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", source)
    shutil.copytree(ROOT / "topicgraph", source / "topicgraph", ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(work / "dist"), str(source)],
                   check=True, capture_output=True, timeout=300)
    wheel = next((work / "dist").glob("topicgraph-*.whl"))
    subprocess.run([*pip, "install", "--no-deps", "--target", str(work / "lib"), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    return wheel, work / "lib"


def test_the_wheel_holds_the_engine_and_nothing_of_this_course(installed: tuple[Path, Path]) -> None:
    names = zipfile.ZipFile(installed[0]).namelist()
    for needed in ("topicgraph/plugin/__init__.py", "topicgraph/topic.schema.json",
                   "topicgraph/plugin/theme/main.html", "topicgraph/plugin/theme/partials/course/topic-head.html",
                   "topicgraph/plugin/theme/assets/javascripts/course.js",
                   "topicgraph/plugin/theme/assets/stylesheets/course.css"):
        assert needed in names
    assert not [n for n in names if n.startswith(("docs/", "figures/", "overrides/", "tests/"))]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(installed[0]).read(entry_points).decode()
    assert "[mkdocs.plugins]" in text and "topicgraph = topicgraph.plugin:TopicGraphPlugin" in text


def test_a_course_builds_from_the_installed_wheel(installed: tuple[Path, Path], tmp_path: Path) -> None:
    lib = installed[1]
    env = {**os.environ, "PYTHONPATH": str(lib), "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    where = subprocess.run([sys.executable, "-c", "import topicgraph.plugin; print(topicgraph.plugin.__file__)"],
                           env=env, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(lib)), "the engine came from the repository, not from the wheel"
    course = tmp_path / "course"
    shutil.copytree(EXAMPLE, course)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=course, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "site" / "topics" / "bayes-theorem" / "index.html").is_file()
    assert (tmp_path / "site" / "graph" / "index.html").is_file()


def test_the_core_is_host_free_and_only_the_adapter_touches_mkdocs_bibtex() -> None:
    core = list((ROOT / "topicgraph").glob("*.py"))
    assert core, "the core's modules moved"
    for path in core:
        text = path.read_text(encoding="utf-8")
        assert "import mkdocs" not in text and "from mkdocs" not in text, f"{path.name} imports MkDocs"
    for path in [*ROOT.glob("topicgraph/**/*.py"), *ROOT.glob("overrides/**/*.py"), *ROOT.glob("figures/**/*.py")]:
        if path.name == "bibtex.py" and path.parent.name == "plugin":
            continue
        text = path.read_text(encoding="utf-8")
        for private in ("mkdocs_bibtex", "_inline_cache", "_reference_cache", "bib_data_bibtex"):
            assert private not in text, f"{path.relative_to(ROOT)} uses {private} (only plugin/bibtex.py may)"
