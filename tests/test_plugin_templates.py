"""The engine's templates on the theme's search path, compiled once (topicgraph/plugin/templates.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from jinja2 import DictLoader, Environment

from topicgraph.plugin.templates import THEME_DIR, add_theme_dir, cache_compiled_templates


def test_the_engines_templates_go_after_the_custom_dir_and_before_the_theme(tmp_path: Path) -> None:
    theme = SimpleNamespace(dirs=[str(tmp_path / "overrides"), "/material"], custom_dir=str(tmp_path / "overrides"))
    add_theme_dir(SimpleNamespace(theme=theme))
    assert theme.dirs == [str(tmp_path / "overrides"), str(THEME_DIR), "/material"]
    add_theme_dir(SimpleNamespace(theme=theme))  # once only
    assert theme.dirs.count(str(THEME_DIR)) == 1
    plain = SimpleNamespace(dirs=["/material", "/mkdocs"], custom_dir=None)
    add_theme_dir(SimpleNamespace(theme=plain))
    assert plain.dirs == [str(THEME_DIR), "/material", "/mkdocs"]
    other = SimpleNamespace(dirs=["/material"], custom_dir=str(tmp_path / "elsewhere"))
    add_theme_dir(SimpleNamespace(theme=other))
    assert other.dirs == [str(THEME_DIR), "/material"]
    assert (THEME_DIR / "partials" / "course" / "topic-head.html").is_file()


def config(tmp_path: Path) -> SimpleNamespace:
    templates = {"t.html": "{{ x }}"}
    theme = SimpleNamespace(get_env=lambda: Environment(loader=DictLoader(templates), autoescape=False))
    return SimpleNamespace(theme=theme, config_file_path=str(tmp_path / "mkdocs.yml"))


def test_compiled_templates_are_kept_and_apart_per_autoescape_setting(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    cache_compiled_templates(cfg)
    env = cfg.theme.get_env()
    assert env.get_template("t.html").render(x="<b>") == "<b>"
    escaping = cfg.theme.get_env().overlay(autoescape=True)
    assert escaping.get_template("t.html").render(x="<b>") == "&lt;b&gt;"
    cache_dir = tmp_path / ".cache" / "templates"
    assert len(list(cache_dir.iterdir())) == 2
    fresh = config(tmp_path)  # the next build: compiled code from the cache, still escaping where promised
    cache_compiled_templates(fresh)
    assert fresh.theme.get_env().overlay(autoescape=True).get_template("t.html").render(x="<b>") == "&lt;b&gt;"
    assert fresh.theme.get_env().get_template("t.html").render(x="<b>") == "<b>"
    wrapped = cfg.theme.get_env
    cache_compiled_templates(cfg)  # `mkdocs serve` keeps the theme: not wrapped twice
    assert cfg.theme.get_env is wrapped
