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

from sitebuild import ROOT
from sitebuild import run_build as shared_build
from test_page_cache import _site, run_build

from topicgraph.plugin.ahead import Ahead

_COPY_SCRIPT = textwrap.dedent("""
    import gc, os, sys, time
    from pathlib import Path
    from topicgraph.plugin.ahead import Ahead

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


def _search_index(site: Path) -> list:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_a_first_build_with_copies_is_the_site_a_build_without_them_makes(project_copy: Path,
                                                                          tmp_path: Path) -> None:
    ahead = shared_build(project_copy, tmp_path / "ahead", verbose=True, TOPICGRAPH_CACHE_ROOT=str(project_copy))
    assert ahead.returncode == 0, ahead.output[-3000:]
    kept = re.search(r"Page cache: (\d+) page\(s\) kept, (\d+) converted", ahead.output)
    assert kept, "the build reports its page cache"
    assert int(kept.group(1)) > 0, "on an empty cache, only a copy can have kept pages"
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - topicgraph:\n", "  - topicgraph:\n      page_cache: false\n", 1), encoding="utf-8")
    alone = run_build(project_copy, tmp_path / "alone")
    assert alone.returncode == 0, alone.output
    assert "Page cache:" not in alone.output
    assert _site(ahead.site) == _site(alone.site)
    assert _search_index(ahead.site) == _search_index(alone.site)
