"""The built site's quiz files for learning-management systems (topicgraph/lms.py): one QTI package
and one Moodle file per topic and for the course, valid, complete, linked from the pages, and the
pieces the syllabus builder joins equal to what the build wrote."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema
from bs4 import BeautifulSoup
from sitebuild import ROOT
from test_unit_lms import moodle_problems

from topicgraph import lms
from topicgraph.load import load_topics

TOPICS, _ = load_topics(ROOT / "docs")
SCHEMAS = Path(__file__).parent / "schemas"
Q = f"{{{lms.QTI_NAMESPACE}}}"
SITE_NAME = re.search(r'^site_name: "(.*)"$', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]


@pytest.fixture(scope="module")
def qti_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "qti" / "ims_qtiasiv1p2.xsd")


def unzip(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def assessment(files: dict[str, str]) -> str:
    (name,) = [name for name in files if name != "imsmanifest.xml"]
    return files[name]


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.id)
def test_every_topic_has_its_quiz_in_both_formats(site: Path, topic, qti_schema: xmlschema.XMLSchema) -> None:
    files = unzip(site / lms.topic_files(topic.id)["qti"])
    qti_schema.validate(assessment(files))
    items = list(ET.fromstring(assessment(files)).iter(f"{Q}item"))
    assert len(items) == len(topic.quiz)
    moodle = (site / lms.topic_files(topic.id)["moodle"]).read_text(encoding="utf-8")
    assert moodle_problems(moodle) == []
    assert len(ET.fromstring(moodle).findall("question[@type='multichoice']")) == len(topic.quiz)


def test_the_course_files_hold_every_quiz_and_a_valid_manifest(site: Path, qti_schema: xmlschema.XMLSchema) -> None:
    files = unzip(site / lms.COURSE_FILES["qti"])
    qti_schema.validate(assessment(files))
    xmlschema.XMLSchema(SCHEMAS / "imscp_v1p2.xsd").validate(files["imsmanifest.xml"])
    items = list(ET.fromstring(assessment(files)).iter(f"{Q}item"))
    assert len(items) == sum(len(t.quiz) for t in TOPICS)
    moodle = (site / lms.COURSE_FILES["moodle"]).read_text(encoding="utf-8")
    assert moodle_problems(moodle) == []
    assert len(ET.fromstring(moodle).findall("question[@type='category']")) == len(TOPICS)


def test_the_files_are_what_the_sources_make_whenever_they_are_built(site: Path) -> None:
    # The course's topic order, as its package has them; then every file made again from the sources.
    sections = ET.fromstring(assessment(unzip(site / lms.COURSE_FILES["qti"]))).iter(f"{Q}section")
    order = [s.get("ident").split(".")[1] for s in sections if s.get("ident") != "root_section"]
    by_id = {t.id: t for t in TOPICS}
    again = lms.site_files([by_id[i] for i in order], SITE_NAME)
    for path, content in again.items():
        built = (site / path).read_bytes()
        assert built == (content if isinstance(content, bytes) else content.encode("utf-8")), path


def test_the_syllabus_builders_pieces_join_into_the_course_files(site: Path) -> None:
    script = (site / lms.SCRIPT).read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.topicgraphLms = ").removesuffix(";\n"))
    templates, topics = data["templates"], data["topics"]
    assert set(topics) == {t.id for t in TOPICS} and data["courseTitle"] == SITE_NAME
    course = unzip(site / lms.COURSE_FILES["qti"])
    order = [s.get("ident").split(".")[1] for s in ET.fromstring(assessment(course)).iter(f"{Q}section")
             if s.get("ident") != "root_section"]
    ident = f"{data['key']}.course"
    joined = (lms.fill(templates["qtiHead"], ident, SITE_NAME) + "".join(topics[i]["qti"] for i in order)
              + templates["qtiTail"])
    assert joined == assessment(course)
    assert lms.fill(templates["manifest"], ident, "") == course["imsmanifest.xml"]
    moodle = templates["moodleHead"] + "".join(topics[i]["moodle"] for i in order) + templates["moodleTail"]
    assert moodle == (site / lms.COURSE_FILES["moodle"]).read_text(encoding="utf-8")


def _resolves(site: Path, page: str, href: str) -> bool:
    return (site / page).parent.joinpath(href).resolve().is_file()


@pytest.mark.parametrize("topic", TOPICS[:3], ids=lambda t: t.id)
def test_a_topics_quiz_links_to_its_files(site: Path, topic) -> None:
    page = f"topics/{topic.id}/index.html"
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    links = soup.select(".sd-lms a[download]")
    assert [a.get_text() for a in links] == ["QTI 1.2 package", "Moodle XML"]
    assert [a["href"].rsplit("/", 1)[1] for a in links] == [f"{topic.id}.qti.zip", f"{topic.id}.moodle.xml"]
    assert all(_resolves(site, page, a["href"]) for a in links)
    fold = soup.select_one("details.sd-quiz-fold")
    assert fold.find_next_sibling("p", class_="sd-lms") is not None  # after the quiz, outside its fold


def test_the_syllabus_builder_offers_the_course_and_a_selection(site: Path) -> None:
    page = "syllabus/index.html"
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    box = soup.select_one(".sd-syllabus__lms")
    assert box.has_attr("hidden")  # shown by the script, which loads these two files when asked
    assert _resolves(site, page, box["data-script"]) and _resolves(site, page, box["data-code"])
    assert [b["data-lms"] for b in box.select("button")] == ["qti", "moodle"]
    course = soup.find(id="lms").find_all_next("a", download=True, limit=2)
    assert [a["href"] for a in course] == ["../lms/course.qti.zip", "../lms/course.moodle.xml"]
    assert all(_resolves(site, page, a["href"]) for a in course)
