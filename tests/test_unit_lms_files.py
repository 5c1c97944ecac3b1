"""The LMS files element by element (topicgraph/lms.py): every setting Canvas and Moodle read, no stray
text between elements, titles and identifiers as the syllabus builder's script makes them, text that
XML cannot hold dropped, and the zip and script bytes independent of the build and of topic order.
test_unit_lms.py checks the files against IMS's schemas and Moodle's documented shape."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest

from topicgraph import lms
from topicgraph.model import Option, Question, Topic

COURSE = 'The "Security" Dilemma'
Q = f"{{{lms.QTI_NAMESPACE}}}"


def topic(topic_id: str = "spiral-model", title: str = "The spiral model", questions: int = 2,
          text: str = "Which?", description: str = "One sentence.") -> Topic:
    quiz = tuple(Question(f"{text} {n}", (Option(f"Right {n}", f"Yes {n}.", True), Option(f"Wrong {n}", f"No {n}.")))
                 for n in range(1, questions + 1))
    return Topic(id=topic_id, file=f"docs/topics/{topic_id}.md", src_uri=f"topics/{topic_id}.md", title=title,
                 description=description, level="graduate", part="Models", tags=(), prerequisites=(),
                 reflection="Think.", quiz=quiz, body="", body_line=1, key_lines={}, words=100)


def stray_text(element: ET.Element) -> list[str]:
    """Text outside the leaf elements (an LMS reads it as nothing, or refuses the file)."""
    found = []
    for parent in element.iter():
        children = list(parent)
        if children and (parent.text or "").strip():
            found.append(parent.text)
        found += [child.tail for child in children if (child.tail or "").strip()]
    return found


def moodle(*topics: Topic) -> ET.Element:
    key = lms.course_key(COURSE)
    return ET.fromstring(lms.moodle_xml([lms.pieces(t, key, COURSE) for t in topics]))


def qti(*topics: Topic, title: str = COURSE) -> tuple[ET.Element, ET.Element, zipfile.ZipFile]:
    key = lms.course_key(COURSE)
    package = zipfile.ZipFile(io.BytesIO(lms.qti_package("ident-1", title, [lms.pieces(t, key, COURSE)
                                                                           for t in topics])))
    return (ET.fromstring(package.read("imsmanifest.xml")), ET.fromstring(package.read("ident-1/ident-1.xml")),
            package)


def test_every_moodle_question_carries_the_settings_moodle_reads() -> None:
    root = moodle(topic(), topic("stag-hunt", "Stag hunt", questions=1))
    assert stray_text(root) == []
    questions = [q for q in root if q.get("type") == "multichoice"]
    assert len(questions) == 3
    for question in questions:
        assert [child.tag for child in question] == [
            "name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber", "single",
            "shuffleanswers", "answernumbering", "answer", "answer"]
        assert {child.tag: (child.text or "").strip() for child in question if not len(child)} == {
            "defaultgrade": "1", "penalty": "0", "hidden": "0", "idnumber": question.findtext("idnumber"),
            "single": "true", "shuffleanswers": "false", "answernumbering": "abc"}
        assert question.find("generalfeedback").get("format") == "html"
        assert question.findtext("generalfeedback/text") == ""  # no general feedback: each answer has its own
    assert [q.findtext("idnumber") for q in root] == [
        "the-security-dilemma.spiral-model", "the-security-dilemma.spiral-model.q1",
        "the-security-dilemma.spiral-model.q2", "the-security-dilemma.stag-hunt", "the-security-dilemma.stag-hunt.q1"]
    assert [q.findtext("name/text") for q in questions] == [
        "The spiral model: question 1", "The spiral model: question 2", "Stag hunt: question 1"]


def test_each_topic_is_a_moodle_category_described_by_its_topic() -> None:
    (category,) = [q for q in moodle(topic(description="A  <b>bold</b>\nclaim.")) if q.get("type") == "category"]
    assert category.find("info").get("format") == "html"
    assert category.findtext("info/text") == "A &lt;b&gt;bold&lt;/b&gt; claim."  # text, on one line


def test_every_qti_item_carries_the_settings_canvas_reads() -> None:
    manifest, assessment, _ = qti(topic(), topic("stag-hunt", "Stag hunt", questions=1))
    assert stray_text(manifest) == [] and stray_text(assessment) == []
    (test,) = assessment.iter(f"{Q}assessment")
    assert test.get("title") == COURSE and test.get("ident") == "ident-1"
    assert {f.findtext(f"{Q}fieldlabel"): f.findtext(f"{Q}fieldentry")
            for f in test.find(f"{Q}qtimetadata")} == {"cc_maxattempts": "unlimited"}
    items = list(assessment.iter(f"{Q}item"))
    assert [i.get("ident") for i in items] == ["the-security-dilemma.spiral-model.q1",
                                                "the-security-dilemma.spiral-model.q2",
                                                "the-security-dilemma.stag-hunt.q1"]
    assert [s.get("title") for s in assessment.iter(f"{Q}section")] == [None, "The spiral model", "Stag hunt"]
    for item in items:
        fields = {f.findtext(f"{Q}fieldlabel"): f.findtext(f"{Q}fieldentry") for f in item.iter(f"{Q}qtimetadatafield")}
        labels = [label.get("ident") for label in item.iter(f"{Q}response_label")]
        assert labels == [f"{item.get('ident')}.a1", f"{item.get('ident')}.a2"]
        assert fields == {"question_type": "multiple_choice_question", "points_possible": "1.0",
                          "original_answer_ids": ",".join(labels)}
        (choice,) = item.iter(f"{Q}render_choice")
        assert choice.get("shuffle") == "No"  # the site's order: "option 2" is the same option everywhere
        (lid,) = item.iter(f"{Q}response_lid")
        assert lid.get("rcardinality") == "Single" and lid.get("ident") == lms.RESPONSE
        (score,) = item.iter(f"{Q}decvar")
        assert score.attrib == {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"}
        conditions = list(item.iter(f"{Q}respcondition"))
        assert [c.get("continue") for c in conditions] == ["Yes", "Yes", "No"]  # feedback for each, then the score
        (setvar,) = item.iter(f"{Q}setvar")
        assert setvar.attrib == {"action": "Set", "varname": "SCORE"} and setvar.text == "100"
        assert all(f.get("feedbacktype") == "Response" for f in item.iter(f"{Q}displayfeedback"))
        assert all(m.get("texttype") == "text/html" for m in item.iter(f"{Q}mattext"))


def test_the_manifest_names_its_one_resource_and_the_zip_is_the_same_on_every_platform() -> None:
    manifest, _, package = qti(topic())
    cp = f"{{{lms.CP_NAMESPACE}}}"
    assert manifest.get("identifier") == "MANIFEST-ident-1"
    assert manifest.findtext(f"{cp}metadata/{cp}schema") == "IMS Content"
    assert manifest.findtext(f"{cp}metadata/{cp}schemaversion") == "1.1.3"
    (resource,) = manifest.iter(f"{cp}resource")
    assert resource.get("identifier") == "RES-ident-1"
    assert [f.get("href") for f in resource.iter(f"{cp}file")] == ["ident-1/ident-1.xml"]
    assert package.namelist() == ["imsmanifest.xml", "ident-1/ident-1.xml"]
    for info in package.infolist():
        assert info.create_system == 3 and info.external_attr == 0o644 << 16
        assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_a_title_with_quotes_and_markup_stays_an_attribute_value() -> None:
    _, assessment, _ = qti(topic(title='A "quoted" <b>title</b> & more'), title='Quiz: "x" <y> & z')
    (test,) = assessment.iter(f"{Q}assessment")
    assert test.get("title") == 'Quiz: "x" <y> & z'
    assert next(assessment.iter(f"{Q}item")).get("title") == 'A "quoted" <b>title</b> & more: question 1'
    assert lms.fill("[{ident}|{title}]", "i", 'a"b<c>&') == "[i|a&quot;b&lt;c&gt;&amp;]"


@pytest.mark.parametrize("character", ["\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ufffe", "\uffff"])
def test_characters_xml_cannot_hold_are_dropped_everywhere(character: str) -> None:
    bad = f"a{character}b"
    source = topic(title=bad, text=bad, description=bad)
    root = moodle(source)  # parses: nothing XML refuses
    assert root.findtext("question/name/text") == "ab: question 1"
    assert root.findtext("question/category/text").endswith("/ab")
    # HTML text also has its whitespace collapsed (\x0b, \x0c and \x1f are whitespace to Python).
    assert root.findtext("question/info/text") in ("ab", "a b")
    assert root.findtext("question[@type='multichoice']/questiontext/text") in ("ab 1", "a b 1")
    _, assessment, _ = qti(source, title=bad)
    assert next(assessment.iter(f"{Q}item")).get("title") == "ab: question 1"
    assert next(assessment.iter(f"{Q}assessment")).get("title") == "ab"


def test_tabs_and_line_breaks_are_kept_as_text_is() -> None:
    assert lms.fill("{title}", "", "a\tb\nc\rd") == "a\tb\nc\rd"
    quoted = topic(text="It's \"this\"")
    texts = [e.text for e in moodle(quoted).iter("text")]
    assert "It's \"this\" 1" in texts  # quotes are not escaped in HTML text: Moodle shows them as typed


@pytest.mark.parametrize(("name", "key"), [
    ("x" * 39 + "-yz", "x" * 39), ("-" + "a" * 45, "a" * 40), ("ÉCOLE du Monde", "cole-du-monde"),
    ("-42-", "c-42")])
def test_the_course_key_is_a_short_slug_starting_with_a_letter(name: str, key: str) -> None:
    assert lms.course_key(name) == key


def fnv1a(text: str) -> str:
    digest = 0x811C9DC5
    for byte in text.encode("utf-8"):
        digest = ((digest ^ byte) * 0x01000193) % 2**32
    return f"{digest:08x}"


def test_a_selection_is_named_by_fnv1a_over_its_sorted_ids_joined_by_commas() -> None:
    assert lms.selection_ident("k", ["foobar"]) == "k.selection-bf9cf968"  # the published FNV-1a test vector
    assert lms.selection_ident("k", ["b", "a", "c"]) == f"k.selection-{fnv1a('a,b,c')}"
    assert lms.selection_ident("k", ["é"]) == f"k.selection-{fnv1a('é')}"  # bytes, as the script's TextEncoder


def test_titles_and_paths_say_what_the_file_is() -> None:
    assert lms.quiz_title("Anarchy") == "Quiz: Anarchy"
    assert lms.selection_title("C", 1) == "C: quizzes on 1 topic"
    assert lms.selection_title("C", 2) == "C: quizzes on 2 topics"
    assert lms.topic_files("a") == {"qti": "lms/topics/a.qti.zip", "moodle": "lms/topics/a.moodle.xml"}


def script_data(script: str) -> dict:
    prefix = "window.topicgraphLms = "
    assert script.startswith(prefix) and script.endswith(";\n")
    return json.loads(script[len(prefix):-2])


def test_the_script_holds_the_pieces_that_join_into_the_files_the_build_writes() -> None:
    topics = [topic(), topic("stag-hunt", "Stag hunt", questions=1)]
    files = lms.site_files(topics, COURSE)
    data = script_data(files[lms.SCRIPT])
    assert data["key"] == "the-security-dilemma" and data["courseTitle"] == COURSE
    templates = data["templates"]
    assert templates == {"qtiHead": lms.QTI_HEAD, "qtiTail": lms.QTI_TAIL, "manifest": lms.MANIFEST,
                         "moodleHead": lms.MOODLE_HEAD, "moodleTail": lms.MOODLE_TAIL}
    assert set(data["topics"]) == {"spiral-model", "stag-hunt"}
    assert data["topics"]["stag-hunt"]["title"] == "Stag hunt"
    assert '<item ident="the-security-dilemma.stag-hunt.q1"' in data["topics"]["stag-hunt"]["qti"]  # the course's key
    # Joined as the script joins them, the course's pieces are the course's files.
    sections = [data["topics"][t.id] for t in topics]
    assert templates["moodleHead"] + "".join(s["moodle"] for s in sections) + templates["moodleTail"] == \
        files["lms/course.moodle.xml"]
    assessment = (lms.fill(templates["qtiHead"], "the-security-dilemma.course", COURSE)
                  + "".join(s["qti"] for s in sections) + templates["qtiTail"])
    with zipfile.ZipFile(io.BytesIO(files["lms/course.qti.zip"])) as course:
        assert course.read("the-security-dilemma.course/the-security-dilemma.course.xml").decode() == assessment
        assert course.read("imsmanifest.xml").decode() == lms.fill(templates["manifest"],
                                                                   "the-security-dilemma.course", "")
    with zipfile.ZipFile(io.BytesIO(files["lms/topics/stag-hunt.qti.zip"])) as one:
        ident = "the-security-dilemma.stag-hunt"
        assert one.read(f"{ident}/{ident}.xml").decode() == (
            lms.fill(templates["qtiHead"], ident, "Quiz: Stag hunt") + sections[1]["qti"] + templates["qtiTail"])
    assert files["lms/topics/stag-hunt.moodle.xml"] == (
        templates["moodleHead"] + sections[1]["moodle"] + templates["moodleTail"])


def test_the_script_is_the_same_whatever_the_order_of_the_topics_and_keeps_text_as_written() -> None:
    a, b = topic("alpha", "Ålpha"), topic("beta", "Beta")
    forward = lms.site_files([a, b], COURSE)[lms.SCRIPT]
    assert forward == lms.site_files([b, a], COURSE)[lms.SCRIPT]
    assert "Ålpha" in forward  # written as UTF-8, not as \u escapes
    assert script_data(forward)["topics"]["alpha"]["title"] == "Ålpha"


@pytest.mark.usefixtures("rounds_held")
def test_a_second_build_takes_the_unchanged_topics_files_and_makes_the_changed_ones_again(monkeypatch) -> None:
    # `mkdocs serve` makes every file again after each edit: a topic's own are taken when it is as it was.
    first = lms.site_files([topic("a", "Alpha"), topic("b", "Beta")], COURSE)
    second = lms.site_files([topic("a", "Alpha"), topic("b", "Beta, retitled")], COURSE)
    a, b = lms.topic_files("a"), lms.topic_files("b")
    assert second[a["qti"]] is first[a["qti"]] and second[a["moodle"]] is first[a["moodle"]]
    assert b"Beta, retitled" in second[b["qti"]] and "Beta, retitled" in second[b["moodle"]]
    assert "Beta, retitled" in second[lms.COURSE_FILES["moodle"]] and "Beta, retitled" in second[lms.SCRIPT]
    monkeypatch.setattr(lms, "_TOPIC_QUIZZES", lms.LastRound())  # as a first build makes them
    assert lms.site_files([topic("a", "Alpha"), topic("b", "Beta, retitled")], COURSE) == second
    for changed, course in ((topic("a", "Alpha", description="Another."), COURSE),
                            (topic("a", "Alpha", text="Why?"), COURSE), (topic("a", "Alpha"), "Another course")):
        held = lms.site_files([topic("a", "Alpha")], COURSE)[a["moodle"]]
        assert lms.site_files([changed], course)[a["moodle"]] != held
    # Only the last build's files are held: those of two builds ago are made again.
    assert lms.site_files([topic("a", "Alpha")], COURSE)[a["moodle"]] is not held
