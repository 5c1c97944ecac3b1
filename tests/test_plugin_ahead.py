"""Working ahead (topicgraph/plugin/ahead.py): on a first build, forked copies fill the page and search
caches from the last page back. The copies must only ever save work: the site is the one a build
without them makes, the copy never returns into its caller, and it never forks beside another thread."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from types import SimpleNamespace

from sitebuild import ROOT
from sitebuild import run_build as shared_build
from test_page_cache import _site, run_build

from topicgraph.plugin.ahead import Ahead, converting, indexing

_COPY_SCRIPT = textwrap.dedent("""
    import gc, os, sys, time
    from pathlib import Path
    from topicgraph.plugin.ahead import Ahead, converting, indexing

    out = Path(sys.argv[1])

    def step(page):
        if page == "boom":
            raise RuntimeError("a step that fails ends the copy, nothing else")
        if (out / page).exists():
            return False  # the build has done this one
        (out / page).write_text(str(os.getpid()))
        return True

    (out / "c").write_text("the build's")
    copy = Ahead(["a", "boom", "b", "c", "d", "e"], step)
    while copy.pid and not (out / "d").exists():
        time.sleep(0.01)
    time.sleep(0.2)  # time for the copy to go wrong, if it would
    frozen = gc.get_freeze_count()
    copy.end()
    print("caller", os.getpid(), copy.pid, frozen > 0, gc.get_freeze_count())
""")


def test_a_copy_works_from_the_last_page_back_stops_at_the_builds_and_never_returns(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _COPY_SCRIPT, str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"caller {result.stdout.split()[1]} 0 True 0"], \
        "the copy returned into its caller, or the collector was not given back the build's objects"
    done = {p.name: p.read_text() for p in tmp_path.iterdir()}
    caller = result.stdout.split()[1]
    assert {name for name, pid in done.items() if pid not in (caller, "the build's")} == {"e", "d"}
    assert done["c"] == "the build's" and "b" not in done and "a" not in done


def test_no_copy_beside_another_thread() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        steps: list[str] = []
        copy = Ahead(["a", "b"], lambda page: bool(steps.append(page)) or True)
        assert copy.pid == 0 and steps == []
        copy.end()  # nothing to end
    finally:
        stop.set()
        other.join()


def test_no_copy_with_one_core_to_run_on(monkeypatch) -> None:
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    steps: list[str] = []
    copy = Ahead(["a"], lambda page: bool(steps.append(page)) or True)
    assert copy.pid == 0 and steps == []


def _search_index(site: Path) -> list:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_a_first_build_with_copies_is_the_site_a_build_without_them_makes(project_copy: Path,
                                                                          tmp_path: Path) -> None:
    ahead = shared_build(project_copy, tmp_path / "ahead", verbose=True, TOPICGRAPH_CACHE_ROOT=str(project_copy))
    assert ahead.returncode == 0, ahead.output[-3000:]
    kept = re.search(r"Page cache: (\d+) page\(s\) kept, (\d+) converted", ahead.output)
    assert kept, "the build reports its page cache"
    assert int(kept.group(1)) > 0, "on an empty cache, only a copy can have kept pages"
    # The copies ran the same events, silently: the build reports each page once.
    pages = int(kept.group(1)) + int(kept.group(2))
    assert ahead.output.count("Running `page_markdown` event from plugin 'topicgraph'") == pages
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - topicgraph:\n", "  - topicgraph:\n      page_cache: false\n", 1), encoding="utf-8")
    alone = run_build(project_copy, tmp_path / "alone")
    assert alone.returncode == 0, alone.output
    assert "Page cache:" not in alone.output
    assert _site(ahead.site) == _site(alone.site)
    assert _search_index(ahead.site) == _search_index(alone.site)


class _Plugins:
    def __init__(self, calls: list[str]) -> None:
        self.calls = calls

    def on_pre_page(self, page, *, config, files):
        self.calls.append(f"pre {page.name}")
        return page

    def on_page_markdown(self, markdown, *, page, config, files):
        self.calls.append(f"markdown {page.name}")
        return markdown + " (final)"


class _Page:
    def __init__(self, name: str) -> None:
        self.name, self.markdown = name, None

    def read_source(self, config) -> None:
        self.markdown = f"source of {self.name}"


class _Cache:
    def __init__(self, kept: set[str]) -> None:
        self.kept_markdown, self.converted = kept, []

    def kept(self, page) -> bool:
        return page.markdown in self.kept_markdown

    def convert(self, page, config, files) -> None:
        self.converted.append(page.markdown)


def test_the_converting_step_runs_the_events_and_converts_only_what_the_cache_lacks() -> None:
    calls: list[str] = []
    config = SimpleNamespace(plugins=_Plugins(calls), _current_page=None)
    cache = _Cache({"source of b (final)"})
    step = converting(config, files=None, cache=cache)
    assert step(_Page("a")) is True
    assert config._current_page.name == "a" and calls == ["pre a", "markdown a"]
    assert cache.converted == ["source of a (final)"]  # the final Markdown, after every plugin's event
    assert step(_Page("b")) is False, "the build has kept this page: the copy stops"
    assert cache.converted == ["source of a (final)"]


def test_the_indexing_step_gives_search_the_page_as_the_build_will() -> None:
    order: list[str] = []
    unindexed = SimpleNamespace(before_search=lambda page: order.append(f"set aside {page}"))
    index = SimpleNamespace(add=lambda page: order.append(f"index {page}") or page != "kept")
    step = indexing(unindexed, index)
    assert step("new") is True and step("kept") is False
    assert order == ["set aside new", "index new", "set aside kept", "index kept"]
