"""Material's navigation rendered once per directory (topicgraph/plugin/navigation.py)."""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

from topicgraph.plugin.navigation import RenderedOnce


class Caller:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Markup:
        self.calls += 1
        return Markup(f"<li>{self.calls}</li>")


def page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def test_an_item_renders_once_for_the_pages_of_one_directory() -> None:
    nav_once, caller = RenderedOnce(), Caller()
    item = SimpleNamespace(active=False)
    first = nav_once(item, "nav-1", page("topics/a/"), caller=caller)
    assert nav_once(item, "nav-1", page("topics/b/"), caller=caller) == first == Markup("<li>1</li>")
    assert caller.calls == 1


def test_another_directory_path_or_parent_state_renders_again() -> None:
    nav_once, caller = RenderedOnce(), Caller()
    item = SimpleNamespace(active=False)
    nav_once(item, "nav-1", page("topics/a/"), caller=caller)
    nav_once(item, "nav-1", page("paths/a/"), caller=caller)
    nav_once(item, "nav-2", page("topics/a/"), caller=caller)
    nav_once(item, "nav-1", page("topics/a/"), True, caller=caller)
    assert caller.calls == 4
    assert nav_once(item, "nav-1", page("topics/c/"), True, caller=caller) == Markup("<li>4</li>")


def test_the_active_item_and_pages_not_at_a_directory_url_always_render() -> None:
    nav_once, caller = RenderedOnce(), Caller()
    nav_once(SimpleNamespace(active=True), "nav-1", page("topics/a/"), caller=caller)
    nav_once(SimpleNamespace(active=True), "nav-1", page("topics/a/"), caller=caller)
    nav_once(SimpleNamespace(active=False), "nav-1", page(""), caller=caller)  # the home page
    nav_once(SimpleNamespace(active=False), "nav-1", page(""), caller=caller)
    nav_once(SimpleNamespace(active=False), "nav-1", None, caller=caller)  # 404.html
    nav_once(object(), "nav-1", page("404.html"), caller=caller)
    assert caller.calls == 6
