"""Material's navigation, rendered once per directory (topicgraph/plugin/navigation.py)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import material
from bs4 import BeautifulSoup
from markupsafe import Markup

ROOT = Path(__file__).resolve().parents[1]
MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
OUR_PARTIALS = ROOT / "topicgraph" / "plugin" / "theme" / "partials"
# What the copies add: a header, and each item wrapped in `nav_once` below a marker comment.
_HEADER = re.compile(r"\A\{#-\n  Material's partials/.*?-#\}\n", re.S)
_WRAPPED = re.compile(r"( *)\{# course: rendered once per directory #\}\n *\{% call nav_once\([^)]*\) %\}(.*?)"
                      r"\{% endcall %\}\n")
# ... and nav-item.html writes a label's tabindex only when there is one (Material writes tabindex="").
_TABINDEX = ('{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}', 'tabindex="{{ tabindex }}"')


def _load_hook():
    from topicgraph.plugin import navigation

    return navigation


def test_the_copies_differ_from_materials_partials_only_by_the_cache() -> None:
    """Fails when a Material upgrade changes a partial we copied: copy it again and re-apply the marked lines."""
    for name in ("nav.html", "nav-item.html"):
        ours = (OUR_PARTIALS / name).read_text(encoding="utf-8")
        assert _WRAPPED.search(ours), f"{name}: no item is wrapped in nav_once"
        restored = _WRAPPED.sub(r"\1\2\n", _HEADER.sub("", ours)).replace(*_TABINDEX)
        assert restored == (MATERIAL_PARTIALS / name).read_text(encoding="utf-8"), (
            f"topicgraph/plugin/theme/partials/{name} has drifted from Material's partials/{name}")


def test_an_item_is_rendered_once_per_directory_and_never_when_it_holds_the_page() -> None:
    nav_once = _load_hook().RenderedOnce()
    calls: list[str] = []

    def caller(label: str):
        return lambda: calls.append(label) or Markup(label)

    item, active = SimpleNamespace(active=False), SimpleNamespace(active=True)
    a, b, other = (SimpleNamespace(url=url) for url in ("topics/a/", "topics/b/", "paths/a/"))
    assert nav_once(item, "__nav_1", a, caller=caller("first")) == "first"
    assert nav_once(item, "__nav_1", b, caller=caller("again")) == "first"  # same directory: reused
    assert nav_once(item, "__nav_1", other, caller=caller("other")) == "other"  # links differ elsewhere
    assert nav_once(item, "__nav_2", a, caller=caller("sibling")) == "sibling"
    assert nav_once(item, "__nav_1", a, True, caller=caller("under an active parent")) == "under an active parent"
    assert nav_once(active, "__nav_1", b, caller=caller("active")) == "active"
    assert nav_once(item, "__nav_1", SimpleNamespace(url=""), caller=caller("home")) == "home"
    assert calls == ["first", "other", "sibling", "under an active parent", "active", "home"]


def test_each_topic_page_marks_itself_and_only_itself_in_the_navigation(site: Path) -> None:
    topics = sorted(p.parent for p in (site / "topics").glob("*/index.html"))
    assert len(topics) > 20
    for folder in topics:
        page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        nav = page.select_one("nav.md-nav--primary")
        active = nav.select("a.md-nav__link--active")
        assert [a["href"] for a in active] == ["./"], f"{folder.name}: active links {active}"
        checked = [box["id"] for box in nav.select("input.md-nav__toggle[checked]")]
        section = active[0].find_parent("li", class_="md-nav__item--nested")
        assert checked == [section.find("input")["id"]], f"{folder.name}: open sections {checked}"
        links = {a["href"] for a in nav.select("a.md-nav__link")}
        assert {f"../{other.name}/" for other in topics if other != folder} <= links, folder.name
