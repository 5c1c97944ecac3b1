"""Links gate: every internal link and #anchor of the built site resolves, SVG links included."""

from __future__ import annotations

from pathlib import Path

from quality.gates import site_address
from quality.linkcheck import check_site

ADDRESS = "https://example.org/course/"


def write(site: Path, name: str, body: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")


def test_the_checker_finds_each_kind_of_broken_link(tmp_path: Path) -> None:
    write(tmp_path, "index.html", "\n".join([
        '<a href="topics/a/">fine</a> <a href="topics/a/#core-idea">fine</a> <a href="#top">fine</a>',
        '<a href="topics/b/">missing page</a>',
        '<a href="topics/a/#no-such-section">missing anchor</a>',
        '<svg><a xlink:href="topics/a/#gone"><text>node</text></a></svg>',
        '<link rel="canonical" href="https://example.org/course/nowhere/">',
        '<img src="/elsewhere.png" alt=""> <a href="https://github.com/x">not ours</a> <a href="mailto:a@b">mail</a>',
    ]))
    write(tmp_path, "topics/a/index.html", '<h2 id="core-idea">x</h2><a name="top"></a><a href="../../#top">up</a>')
    (tmp_path / "index.html").write_text((tmp_path / "index.html").read_text().replace("<body>", '<body id="top">'))
    found = [str(b) for b in check_site(tmp_path, ADDRESS)]
    assert found == [
        "index.html:2: topics/b/: no such page or file in the built site",
        "index.html:3: topics/a/#no-such-section: no id 'no-such-section' on topics/a/index.html",
        "index.html:4: topics/a/#gone: no id 'gone' on topics/a/index.html",
        "index.html:5: https://example.org/course/nowhere/: no such page or file in the built site",
        "index.html:6: /elsewhere.png: outside the site (it is published under /course/)",
    ]


def test_no_internal_link_of_the_site_is_broken(site: Path) -> None:
    broken = check_site(site, site_address(site))
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(map(str, broken))
