"""“Cite this page” on the built pages: the edition the site was built from, an access date only the
reader's browser writes, and BibTeX and RIS that parse to the same reference."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string
from sitebuild import ROOT, run_build
from test_unit_ris import parse_ris

from topicgraph.cite import plain_text
from topicgraph.load import load_topics

TOPICS, _ = load_topics(ROOT / "docs")


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout.strip()


def _page(site: Path, topic_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "topics" / topic_id / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.id)
def test_bibtex_and_ris_parse_to_the_page_s_reference(site: Path, topic) -> None:
    page = _page(site, topic.id)
    cite = page.select_one(".sd-cite")
    url = cite.find("a")["href"]
    updated = re.search(r"Last updated (\d{4}-\d{2}-\d{2})", cite.get_text())[1]
    commit, date = _git("rev-parse", "--short", "HEAD"), _git("log", "-1", "--format=%cs")
    assert f"Edition of {date} (commit {commit})." in cite.get_text()

    (entry,) = parse_string(page.find(id="cite").find_next("code").get_text(), "bibtex").entries.values()
    assert plain_text(entry.fields["title"]) == topic.title
    assert entry.fields["url"] == url and entry.fields["date"] == updated
    assert entry.fields["version"] == f"{date}, commit {commit}"

    ris = dict(parse_ris(page.select_one(".sd-cite__ris").get_text()))
    assert ris["TY"] == "ELEC" and ris["TI"] == topic.title and ris["UR"] == url
    assert ris["DA"] == updated.replace("-", "/") and ris["ET"] == f"{date}, commit {commit}"
    assert ris["T2"] == page.find("meta", property="og:site_name")["content"]
    assert page.select_one(".sd-cite__download")["data-file"] == f"sdcourse-{topic.id}.ris"


def test_without_javascript_the_reference_claims_no_access_date(site: Path) -> None:
    accessed = _page(site, TOPICS[0].id).select_one(".sd-cite .sd-cite__accessed")
    assert accessed.has_attr("hidden") and accessed.select_one(".sd-cite__date").get_text() == ""


def test_a_build_outside_git_cites_no_edition(project_copy: Path, tmp_path: Path) -> None:
    shutil.rmtree(project_copy / ".git")  # the sources as a download or a USB stick has them
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    page = _page(result.site, TOPICS[0].id)
    assert "Edition of" not in page.select_one(".sd-cite").get_text()
    ris = dict(parse_ris(page.select_one(".sd-cite__ris").get_text()))
    assert "ET" not in ris and ris["TY"] == "ELEC"
    (entry,) = parse_string(page.find(id="cite").find_next("code").get_text(), "bibtex").entries.values()
    assert "version" not in entry.fields
