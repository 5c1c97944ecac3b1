"""What instructors and scholars take away from the site in the browser: a syllabus that pastes as a
list (rich text) into an LMS page, the quizzes of a selection as one QTI package or Moodle file, and
a citation with the day the reader read the page."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema
from playwright.sync_api import BrowserContext, Page, expect
from sitebuild import ROOT

from topicgraph import lms
from topicgraph.load import load_topics

TOPICS = {t.id: t for t in load_topics(ROOT / "docs")[0]}
SITE_NAME = re.search(r'^site_name: "(.*)"$', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
SCHEMAS = Path(__file__).parents[1] / "schemas"
READ_CLIPBOARD = """async () => {
  const [item] = await navigator.clipboard.read();
  const flavours = {};
  for (const type of item.types) flavours[type] = await (await item.getType(type)).text();
  return flavours;
}"""


@pytest.fixture
def context(context: BrowserContext, base_url: str) -> BrowserContext:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    return context


def choose(page: Page, base_url: str, *titles: str) -> list[str]:
    """Tick target topics on the syllabus builder; the ids of the reading list it then shows, in order."""
    page.goto(f"{base_url}syllabus/")
    for title in titles:
        page.get_by_label(title, exact=True).check()
    hrefs = page.locator(".sd-syllabus__list li a").evaluate_all("links => links.map((a) => a.href)")
    return [re.search(r"/topics/([a-z0-9-]+)/", href)[1] for href in hrefs]


def check_rich_copy(page: Page, ids: list[str]) -> None:
    page.get_by_role("button", name="Copy as HTML").click()
    expect(page.locator(".sd-syllabus__status")).to_have_text("Copied as HTML.")
    flavours = page.evaluate(READ_CLIPBOARD)
    assert {"text/html", "text/plain"} <= set(flavours)
    # An editor that takes rich text gets the list itself: one item a topic, each a link.
    rich = ET.fromstring(re.search(r"<ol>.*</ol>", flavours["text/html"], re.S)[0])
    assert [re.search(r"/topics/([a-z0-9-]+)/", li.find("a").get("href"))[1] for li in rich] == ids
    assert rich[0].find("a").text == TOPICS[ids[0]].title
    # One that takes plain text (an HTML source view) gets the markup, as before.
    assert flavours["text/plain"].startswith("<ol>\n  <li><a href=")


def test_copy_as_html_pastes_as_a_list(page: Page, base_url: str, watch) -> None:
    ids = choose(page, base_url, "The hotline")
    assert ids[-1] == "hotline" and len(ids) > 2
    check_rich_copy(page, ids)
    watch.assert_clean()


def test_copy_as_html_without_clipboard_item_still_copies_both_flavours(page: Page, base_url: str, watch) -> None:
    page.add_init_script("delete window.ClipboardItem;")  # browsers that lack it (older Firefox)
    ids = choose(page, base_url, "The stag hunt")
    assert page.evaluate("typeof ClipboardItem") == "undefined"
    check_rich_copy(page, ids)
    watch.assert_clean()


def test_a_selections_quizzes_download_as_the_build_would_make_them(page: Page, base_url: str, watch,
                                                                     tmp_path: Path) -> None:
    ids = choose(page, base_url, "The hotline", "The stag hunt")
    key = lms.course_key(SITE_NAME)
    quizzes = [lms.pieces(TOPICS[i], key, SITE_NAME) for i in ids]
    ident = lms.selection_ident(key, ids)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download quizzes: QTI 1.2").click()
    assert download.value.suggested_filename == f"{ident}.qti.zip"
    package = Path(download.value.path()).read_bytes()
    assert package == lms.qti_package(ident, lms.selection_title(SITE_NAME, len(ids)), quizzes)  # byte for byte
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert archive.testzip() is None
        xmlschema.XMLSchema(SCHEMAS / "qti" / "ims_qtiasiv1p2.xsd").validate(
            archive.read(f"{ident}/{ident}.xml").decode("utf-8"))
    expect(page.locator(".sd-syllabus__status")).to_contain_text(f"quizzes of {len(ids)} topics")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download quizzes: Moodle XML").click()
    assert download.value.suggested_filename == f"{ident}.moodle.xml"
    assert Path(download.value.path()).read_text(encoding="utf-8") == lms.moodle_xml(quizzes)
    watch.assert_clean()


def test_the_citation_carries_the_readers_access_date(page: Page, base_url: str, watch) -> None:
    page.goto(f"{base_url}topics/stag-hunt/")
    today = page.evaluate("(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
                          ".map((n) => String(n).padStart(2, '0')).join('-'); })()")
    accessed = page.locator(".sd-cite .sd-cite__accessed")
    expect(accessed).to_be_visible()
    expect(accessed).to_have_text(f" Accessed {today}.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download RIS").click()
    assert download.value.suggested_filename == "sdcourse-stag-hunt.ris"
    ris = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert ris[0] == "TY  - ELEC" and ris[-2:] == [f"Y2  - {today.replace('-', '/')}", "ER  - "]
    watch.assert_clean()
