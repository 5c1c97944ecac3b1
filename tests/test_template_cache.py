"""A rebuild reuses compiled templates and compiles an edited one again (topicgraph/plugin/templates.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader, Template

ROOT = Path(__file__).resolve().parents[1]


def _load_hook():
    from topicgraph.plugin import templates

    return templates


class _Theme:
    """What the hook uses of MkDocs' Theme: a get_env() that makes a new environment on every call."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get_env(self) -> Environment:
        return Environment(loader=FileSystemLoader(self.directory))


def test_a_rebuild_reuses_compiled_templates_until_one_is_edited(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    hook = _load_hook()
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    compiled: list[str] = []
    compile_source = Environment.compile

    def counting_compile(self: Environment, source: str, *args, **kwargs):
        compiled.append(source)
        return compile_source(self, source, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting_compile)

    def build() -> Template:
        """What one build does: configure (the hook runs), then load the template in a new environment."""
        config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), theme=_Theme(templates))
        hook.cache_compiled_templates(config)
        return config.theme.get_env().get_template("page.html")

    assert build().render(name="first") == "Hello first"
    assert build().render(name="second") == "Hello second"
    assert len(compiled) == 1, "the second build compiled the unchanged template again"
    assert any((tmp_path / hook.CACHE).iterdir())
    (templates / "page.html").write_text("Goodbye {{ name }}", encoding="utf-8")
    assert build().render(name="third") == "Goodbye third"
    assert len(compiled) == 2


def test_an_autoescaping_environment_never_runs_code_compiled_without_escaping(tmp_path: Path) -> None:
    hook = _load_hook()
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "title.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), theme=_Theme(templates))
    hook.cache_compiled_templates(config)
    hostile = "<img src=x onerror=alert(1)>"
    assert config.theme.get_env().get_template("title.html").render(title=hostile) == f"<h1>{hostile}</h1>"
    escaping = config.theme.get_env().overlay(autoescape=True)
    assert escaping.get_template("title.html").render(title=hostile) == "<h1>&lt;img src=x onerror=alert(1)&gt;</h1>"
