"""The quizzes as LMS files (topicgraph/lms.py): QTI 1.2 valid against IMS's schema, Moodle XML in
Moodle's documented shape, the keyed answer and every explanation carried over, identifiers and
bytes that do not change between builds, and contributors' text arriving as text."""

from __future__ import annotations

import html
import io
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import xmlschema

from topicgraph import lms
from topicgraph.model import Option, Question, Topic
from topicgraph.quiz import shuffled_quiz

SCHEMAS = Path(__file__).parent / "schemas"
QTI_XSD = xmlschema.XMLSchema(SCHEMAS / "qti" / "ims_qtiasiv1p2.xsd")
CP_XSD = xmlschema.XMLSchema(SCHEMAS / "imscp_v1p2.xsd")
Q = f"{{{lms.QTI_NAMESPACE}}}"
HOSTILE = "<script>alert('x')</script> & ]]> <b>bold</b> &amp; \x01"
COURSE = "A & B <Course>"


def topic(topic_id: str = "spiral-model", title: str = "The spiral model", questions: int = 3,
          text: str = "Which is right?", explanation: str = "Because.") -> Topic:
    quiz = tuple(Question(f"{text} ({n})", (
        Option(f"Right {n}", f"{explanation} right {n}", True),
        Option(f"Wrong {n}a", f"{explanation} wrong {n}a"),
        Option(f"Wrong {n}b", f"{explanation} wrong {n}b"),
        Option(f"Wrong {n}c", f"{explanation} wrong {n}c"),
    )) for n in range(1, questions + 1))
    return Topic(id=topic_id, file=f"docs/topics/{topic_id}.md", src_uri=f"topics/{topic_id}.md", title=title,
                 description="One sentence.", level="graduate", part="Models", tags=(), prerequisites=(),
                 reflection="Think.", quiz=quiz, body="", body_line=1, key_lines={}, words=100)


def unzip(package: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def package_of(*topics: Topic, course: str = COURSE) -> tuple[str, dict[str, str]]:
    key = lms.course_key(course)
    quizzes = [lms.pieces(t, key, course) for t in topics]
    ident = lms.topic_ident(key, topics[0].id)
    return ident, unzip(lms.qti_package(ident, lms.quiz_title(topics[0].title), quizzes))


def assessment_of(files: dict[str, str]) -> str:
    (name,) = [name for name in files if name != "imsmanifest.xml"]
    return files[name]


# Structure, as each LMS reads it ------------------------------------------------------------------------

def test_a_package_holds_a_manifest_and_an_assessment_valid_against_the_ims_schemas() -> None:
    ident, files = package_of(topic(), topic("stag-hunt", "The stag hunt", questions=5))
    assert set(files) == {"imsmanifest.xml", f"{ident}/{ident}.xml"}
    QTI_XSD.validate(files[f"{ident}/{ident}.xml"])
    CP_XSD.validate(files["imsmanifest.xml"])
    manifest = ET.fromstring(files["imsmanifest.xml"])
    (resource,) = manifest.iter(f"{{{lms.CP_NAMESPACE}}}resource")
    assert resource.get("type") == "imsqti_xmlv1p2" and resource.get("href") == f"{ident}/{ident}.xml"


def test_the_schema_check_can_fail() -> None:
    _, files = package_of(topic())
    broken = assessment_of(files).replace('rcardinality="Single"', 'rcardinality="Several"', 1)
    assert not QTI_XSD.is_valid(broken)
    assert not QTI_XSD.is_valid(assessment_of(files).replace("<presentation>", "<presentation><bogus/>", 1))
    assert not CP_XSD.is_valid(files["imsmanifest.xml"].replace("<resources>", "<resourcez>", 1)
                               .replace("</resources>", "</resourcez>", 1))


def moodle_problems(document: str) -> list[str]:
    """Moodle's XML format (docs.moodle.org, "Moodle XML format"), as far as these exports use it."""
    problems = []
    root = ET.fromstring(document)
    if root.tag != "quiz":
        return [f"root is <{root.tag}>, not <quiz>"]
    questions = list(root)
    if not questions or any(q.tag != "question" for q in questions):
        problems.append("<quiz> must hold <question> elements only")
    if questions and questions[0].get("type") != "category":
        problems.append("the first question must be a category")
    for q in questions:
        kind = q.get("type")
        if kind == "category":
            if not (q.findtext("category/text") or "").startswith("$course$/"):
                problems.append("a category's path starts at $course$/")
            continue
        if kind != "multichoice":
            problems.append(f"unexpected question type {kind!r}")
            continue
        if not q.findtext("name/text"):
            problems.append("a question needs <name><text>")
        text = q.find("questiontext")
        if text is None or text.get("format") != "html" or not text.findtext("text"):
            problems.append("a question needs <questiontext format='html'><text>")
        if q.findtext("single") != "true":
            problems.append("a single-answer question says <single>true</single>")
        if q.findtext("shuffleanswers") not in ("true", "false", "1", "0"):
            problems.append("<shuffleanswers> must be true/false")
        answers = q.findall("answer")
        if len(answers) < 2:
            problems.append("a multichoice question needs two answers or more")
        fractions = [a.get("fraction") for a in answers]
        if any(f not in ("100", "0") for f in fractions) or fractions.count("100") != 1:
            problems.append(f"one answer scores 100, the others 0 (got {fractions})")
        for answer in answers:
            if answer.get("format") != "html" or answer.findtext("text") is None:
                problems.append("an answer needs format='html' and <text>")
            feedback = answer.find("feedback")
            if feedback is None or feedback.get("format") != "html" or not feedback.findtext("text"):
                problems.append("every answer carries its explanation as <feedback format='html'>")
    return problems


def test_moodle_xml_has_moodles_documented_shape() -> None:
    key = lms.course_key(COURSE)
    document = lms.moodle_xml([lms.pieces(t, key, COURSE) for t in (topic(), topic("stag-hunt", "Stag/hunt"))])
    assert moodle_problems(document) == []
    categories = [q.findtext("category/text") for q in ET.fromstring(document) if q.get("type") == "category"]
    assert categories == ["$course$/top/A & B <Course>/The spiral model", "$course$/top/A & B <Course>/Stag//hunt"]


def test_the_moodle_check_can_fail() -> None:
    key = lms.course_key(COURSE)
    good = lms.moodle_xml([lms.pieces(topic(), key, COURSE)])
    assert moodle_problems(good.replace('fraction="100"', 'fraction="0"')) != []
    assert moodle_problems(good.replace("<single>true</single>", "<single>false</single>")) != []
    assert moodle_problems(good.replace('<feedback format="html"><text>', '<feedback format="html"><text>', 1)
                           .replace('<question type="category">', '<question type="truefalse">', 1)) != []
    assert moodle_problems(good.replace('<questiontext format="html">', '<questiontext format="plain_text">')) != []


# Content: the keyed answer, the explanations ---------------------------------------------------------

def test_the_keyed_answer_and_every_explanation_survive_in_the_order_the_site_shows() -> None:
    source = topic()
    _, files = package_of(source)
    items = ET.fromstring(assessment_of(files)).iter(f"{Q}item")
    moodle = ET.fromstring(lms.moodle_xml([lms.pieces(source, "k", COURSE)]))
    moodle_questions = [q for q in moodle if q.get("type") == "multichoice"]
    for question, item, mq in zip(shuffled_quiz(source), items, moodle_questions, strict=True):
        labels = item.findall(f".//{Q}response_label")
        texts = [label.findtext(f".//{Q}mattext") for label in labels]
        assert texts == [html.escape(o.text, quote=False) for o in question.options]  # the site's order
        scored = [c for c in item.iter(f"{Q}respcondition") if c.find(f"{Q}setvar") is not None]
        (right,) = [c.findtext(f".//{Q}varequal") for c in scored]
        correct_index = [o.correct for o in question.options].index(True)
        assert right == labels[correct_index].get("ident")
        feedback = {f.get("ident"): f.findtext(f".//{Q}mattext") for f in item.iter(f"{Q}itemfeedback")}
        shown = {c.findtext(f".//{Q}varequal"): c.find(f"{Q}displayfeedback").get("linkrefid")
                 for c in item.iter(f"{Q}respcondition") if c.find(f"{Q}displayfeedback") is not None}
        for label, option in zip(labels, question.options, strict=True):
            assert feedback[shown[label.get("ident")]] == html.escape(option.explanation, quote=False)
        answers = mq.findall("answer")
        assert [a.findtext("text") for a in answers] == [html.escape(o.text, quote=False) for o in question.options]
        assert [a.get("fraction") for a in answers] == ["100" if o.correct else "0" for o in question.options]
        assert [a.findtext("feedback/text") for a in answers] == [
            html.escape(o.explanation, quote=False) for o in question.options]


def test_the_site_shuffles_so_the_right_answer_is_not_always_first() -> None:
    source = topic(questions=5)
    positions = {[o.correct for o in q.options].index(True) for q in shuffled_quiz(source)}
    assert len(positions) > 1  # otherwise the test above would not show the order is the site's


# Identifiers and bytes -----------------------------------------------------------------------------

def idents(files: dict[str, str]) -> list[str]:
    root = ET.fromstring(assessment_of(files))
    # (a response's ident, "response1", is the item's own name for it: the same in every item)
    return [e.get("ident") for e in root.iter() if e.get("ident") and e.tag != f"{Q}response_lid"]


def test_identifiers_follow_the_topic_and_question_number_not_the_text() -> None:
    _, first = package_of(topic())
    _, reworded = package_of(topic(text="A reworded question?", explanation="Reasons."))
    assert idents(first) == idents(reworded)
    assert len(set(idents(first))) == len(idents(first))  # unique within a package
    assert all(i.startswith("a-b-course.spiral-model") or i == "root_section" for i in idents(first))


def test_the_same_quiz_gives_the_same_bytes_with_a_fixed_zip_date() -> None:
    key = lms.course_key(COURSE)
    make = lambda: lms.qti_package("x", "t", [lms.pieces(topic(), key, COURSE)])  # noqa: E731
    assert make() == make()
    with zipfile.ZipFile(io.BytesIO(make())) as archive:
        assert {info.date_time for info in archive.infolist()} == {lms.ZIP_TIME}
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}


def test_a_selection_is_named_by_its_topics_whatever_their_order() -> None:
    assert lms.selection_ident("k", ["b", "a"]) == lms.selection_ident("k", ["a", "b"])
    assert lms.selection_ident("k", ["a"]) != lms.selection_ident("k", ["a", "b"])
    assert lms.selection_ident("k", []) == "k.selection-811c9dc5"  # FNV-1a's offset basis: the script's too


@pytest.mark.parametrize(("name", "key"), [
    ("The Security Dilemma: An Open Course", "the-security-dilemma-an-open-course"),
    ("2026 course", "c-2026-course"), ("!!!", "course")])
def test_the_course_key_is_an_xml_name(name: str, key: str) -> None:
    assert lms.course_key(name) == key


# Contributors' text is text ------------------------------------------------------------------------

class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)


def html_tags(fragment: str) -> list[str]:
    parser = _Tags()
    parser.feed(fragment)
    return parser.tags


def test_hostile_text_arrives_in_both_formats_as_text() -> None:
    hostile = topic(title=HOSTILE, text=HOSTILE, explanation=HOSTILE)
    _, files = package_of(hostile)
    assessment = assessment_of(files)
    QTI_XSD.validate(assessment)  # still well-formed and valid
    root = ET.fromstring(assessment)
    assert not [e for e in root.iter() if "script" in e.tag or e.tag.endswith("}b")]
    shown = HOSTILE.replace("\x01", "")
    texts = [e.text for e in root.iter(f"{Q}mattext")]
    assert texts and all(html_tags(text) == [] for text in texts)  # what the LMS renders as HTML has no tags
    assert html.unescape(texts[0]) == f"{shown} (1)"  # and reads as the contributor wrote it
    assert next(root.iter(f"{Q}item")).get("title") == f"{shown}: question 1"

    document = lms.moodle_xml([lms.pieces(hostile, "k", HOSTILE)])
    assert moodle_problems(document) == []
    moodle = ET.fromstring(document)
    assert not [e for e in moodle.iter() if e.tag in ("script", "b")]
    html_texts = [e.findtext("text") for e in moodle.iter() if e.get("format") == "html"]
    assert html_texts and all(html_tags(text or "") == [] for text in html_texts)
    assert html.unescape(moodle.find("question[@type='multichoice']/questiontext/text").text) == f"{shown} (1)"
    in_path = shown.replace("/", "//")  # Moodle's escape for a "/" inside a category name
    assert moodle.findtext("question/category/text") == f"$course$/top/{in_path}/{in_path}"


def test_the_selection_script_cannot_close_a_script_element() -> None:
    script = lms.selection_script("k", HOSTILE, [lms.pieces(topic(title=HOSTILE), "k", HOSTILE)])
    assert "</script" not in script.lower() and "<" not in script
    assert script.startswith("window.topicgraphLms = {") and script.endswith("};\n")


def test_site_files_name_every_topic_and_the_course() -> None:
    files = lms.site_files([topic(), topic("stag-hunt", "The stag hunt")], COURSE)
    assert set(files) == {"lms/topics/spiral-model.qti.zip", "lms/topics/spiral-model.moodle.xml",
                          "lms/topics/stag-hunt.qti.zip", "lms/topics/stag-hunt.moodle.xml",
                          "lms/course.qti.zip", "lms/course.moodle.xml", "lms/quizzes.js"}
    course = unzip(files["lms/course.qti.zip"])
    QTI_XSD.validate(assessment_of(course))
    assert len(list(ET.fromstring(assessment_of(course)).iter(f"{Q}item"))) == 6
