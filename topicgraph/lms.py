"""The course's quizzes for learning-management systems: IMS QTI 1.2 packages (what Canvas imports)
and Moodle XML, one per topic, one for the whole course and, in the browser, one per selection.

Every file is made of pieces this module writes once: for each topic a QTI `<section>` and a run of
Moodle `<question>`s, and for each file kind a head and a tail with `{ident}` and `{title}` slots. The
build joins them for a topic and for the course; the syllabus builder's script joins the same pieces
(published in `lms/quizzes.js`) for any selection, so a selection's file is what this module would
write for it (tests/test_lms_export.py holds the two to that).

Identifiers come from the course, the topic id and the question's number, never from the build's
time or from chance: a package imported again names the same questions. The options keep the order
the site shows them in (topicgraph/quiz.py), so "option 3" means the same thing in the LMS; their
`correct` flag travels with them. Bytes are reproducible: the zip's entries are stored uncompressed
(a zlib upgrade cannot change them) with a fixed 1980-01-01 timestamp.

Quiz text is contributors' plain text. Both formats carry it as HTML (Canvas and Moodle render the
question as HTML), so it is HTML-escaped first and XML-escaped on top: `<script>` arrives in the LMS
as the characters `<script>`, never as an element.
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .model import Topic
from .quiz import shuffled_quiz
from .rounds import LastRound

DIRECTORY = "lms"  # in the built site
QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_SCHEMA = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_NAMESPACE = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_SCHEMA = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: no build's clock in the bytes
RESPONSE = "response1"
# Characters XML 1.0 cannot hold at all (YAML can produce them from escapes such as "\x01").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SLUG = re.compile(r"[^a-z0-9]+")

QTI_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<questestinterop xmlns="{QTI_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    f'xsi:schemaLocation="{QTI_NAMESPACE} {QTI_SCHEMA}">\n'
    '  <assessment ident="{ident}" title="{title}">\n'
    "    <qtimetadata>\n"
    "      <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel>"
    "<fieldentry>unlimited</fieldentry></qtimetadatafield>\n"
    "    </qtimetadata>\n"
    '    <section ident="root_section">\n'
)
QTI_TAIL = "    </section>\n  </assessment>\n</questestinterop>\n"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<manifest identifier="MANIFEST-{{ident}}" xmlns="{CP_NAMESPACE}" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    f'xsi:schemaLocation="{CP_NAMESPACE} {CP_SCHEMA}">\n'
    "  <metadata>\n    <schema>IMS Content</schema>\n    <schemaversion>1.1.3</schemaversion>\n  </metadata>\n"
    "  <organizations/>\n"
    "  <resources>\n"
    '    <resource identifier="RES-{ident}" type="imsqti_xmlv1p2" href="{ident}/{ident}.xml">\n'
    '      <file href="{ident}/{ident}.xml"/>\n'
    "    </resource>\n"
    "  </resources>\n"
    "</manifest>\n"
)
MOODLE_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
MOODLE_TAIL = "</quiz>\n"


@dataclass(frozen=True)
class QuizPieces:
    """One topic's quiz in both formats, as pieces to join into a file."""

    topic_id: str
    title: str
    qti_section: str
    moodle_questions: str


# Each topic's quiz as the last build made it from the same topic: a `mkdocs serve` rebuild makes all again.
_TOPIC_QUIZZES: LastRound[tuple[QuizPieces, bytes, str]] = LastRound()


def course_key(site_name: str) -> str:
    """The course's part of every identifier: its name as a slug (it changes only if the course is renamed)."""
    slug = _SLUG.sub("-", site_name.lower()).strip("-")[:40].strip("-") or "course"
    return slug if slug[0].isalpha() else "c-" + slug  # an XML ID (the manifest's) starts with a letter


def topic_ident(key: str, topic_id: str) -> str:
    return f"{key}.{topic_id}"


def selection_ident(key: str, topic_ids: Iterable[str]) -> str:
    """A selection's identifier: the same topics give the same one, whatever their order (FNV-1a, 32 bits,
    which the syllabus builder's script computes the same way)."""
    digest = 0x811C9DC5
    for byte in ",".join(sorted(topic_ids)).encode("utf-8"):
        digest = ((digest ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{key}.selection-{digest:08x}"


def _text(text: str) -> str:
    """Plain text as XML character data."""
    return xml_escape(_NOT_XML.sub("", text))


def _html(text: str) -> str:
    """Plain text as HTML, as XML character data: escaped for HTML, then for XML."""
    return xml_escape(html.escape(_NOT_XML.sub("", " ".join(text.split())), quote=False))


def _attribute(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", text))


def fill(template: str, ident: str, title: str) -> str:
    """A head or tail with its slots filled (the identifier is already safe; the title is escaped)."""
    return template.replace("{ident}", ident).replace("{title}", _text(title).replace('"', "&quot;"))


def pieces(topic: Topic, key: str, course_title: str) -> QuizPieces:
    """A topic's quiz, its options in the order the site shows them, in both formats."""
    return QuizPieces(topic.id, topic.title, _qti_section(topic, key), _moodle_questions(topic, key, course_title))


def _qti_section(topic: Topic, key: str) -> str:
    base = topic_ident(key, topic.id)
    items = []
    for number, question in enumerate(shuffled_quiz(topic), 1):
        ident = f"{base}.q{number}"
        answers = [(f"{ident}.a{index}", option) for index, option in enumerate(question.options, 1)]
        labels = "".join(
            f'            <response_label ident="{answer}"><material><mattext texttype="text/html">'
            f"{_html(option.text)}</mattext></material></response_label>\n" for answer, option in answers)
        feedback_conditions = "".join(
            f'          <respcondition continue="Yes"><conditionvar><varequal respident="{RESPONSE}">{answer}'
            f'</varequal></conditionvar><displayfeedback feedbacktype="Response" linkrefid="{answer}.fb"/>'
            "</respcondition>\n" for answer, _ in answers)
        scoring = "".join(
            f'          <respcondition continue="No"><conditionvar><varequal respident="{RESPONSE}">{answer}'
            '</varequal></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>\n'
            for answer, option in answers if option.correct)
        feedback = "".join(
            f'        <itemfeedback ident="{answer}.fb"><flow_mat><material><mattext texttype="text/html">'
            f"{_html(option.explanation)}</mattext></material></flow_mat></itemfeedback>\n"
            for answer, option in answers)
        items.append(
            f'        <item ident="{ident}" title={_attribute(f"{topic.title}: question {number}")}>\n'
            "          <itemmetadata><qtimetadata>\n"
            "            <qtimetadatafield><fieldlabel>question_type</fieldlabel>"
            "<fieldentry>multiple_choice_question</fieldentry></qtimetadatafield>\n"
            "            <qtimetadatafield><fieldlabel>points_possible</fieldlabel>"
            "<fieldentry>1.0</fieldentry></qtimetadatafield>\n"
            "            <qtimetadatafield><fieldlabel>original_answer_ids</fieldlabel>"
            f"<fieldentry>{','.join(answer for answer, _ in answers)}</fieldentry></qtimetadatafield>\n"
            "          </qtimetadata></itemmetadata>\n"
            "          <presentation>\n"
            f'            <material><mattext texttype="text/html">{_html(question.question)}</mattext></material>\n'
            f'            <response_lid ident="{RESPONSE}" rcardinality="Single">\n'
            '              <render_choice shuffle="No">\n'
            + "".join("  " + label for label in labels.splitlines(keepends=True)) +
            "              </render_choice>\n"
            "            </response_lid>\n"
            "          </presentation>\n"
            "          <resprocessing>\n"
            '            <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>\n'
            + "".join("  " + line for line in (feedback_conditions + scoring).splitlines(keepends=True)) +
            "          </resprocessing>\n"
            + "".join("  " + line for line in feedback.splitlines(keepends=True)) +
            "        </item>\n")
    return (f'      <section ident="{base}.section" title={_attribute(topic.title)}>\n' + "".join(items)
            + "      </section>\n")


def _moodle_category(*names: str) -> str:
    # Moodle reads "/" in a category path as a separator; a name's own "/" is written "//".
    return "$course$/top/" + "/".join(_text(name).replace("/", "//") for name in names)


def _moodle_questions(topic: Topic, key: str, course_title: str) -> str:
    base = topic_ident(key, topic.id)
    out = [
        '  <question type="category">\n'
        f"    <category><text>{_moodle_category(course_title, topic.title)}</text></category>\n"
        f'    <info format="html"><text>{_html(topic.description)}</text></info>\n'
        f"    <idnumber>{base}</idnumber>\n"
        "  </question>\n"
    ]
    for number, question in enumerate(shuffled_quiz(topic), 1):
        answers = "".join(
            f'    <answer fraction="{100 if option.correct else 0}" format="html">\n'
            f"      <text>{_html(option.text)}</text>\n"
            f'      <feedback format="html"><text>{_html(option.explanation)}</text></feedback>\n'
            "    </answer>\n" for option in question.options)
        out.append(
            '  <question type="multichoice">\n'
            f"    <name><text>{_text(f'{topic.title}: question {number}')}</text></name>\n"
            f'    <questiontext format="html"><text>{_html(question.question)}</text></questiontext>\n'
            '    <generalfeedback format="html"><text></text></generalfeedback>\n'
            "    <defaultgrade>1</defaultgrade>\n"
            "    <penalty>0</penalty>\n"
            "    <hidden>0</hidden>\n"
            f"    <idnumber>{base}.q{number}</idnumber>\n"
            "    <single>true</single>\n"
            "    <shuffleanswers>false</shuffleanswers>\n"
            "    <answernumbering>abc</answernumbering>\n"
            + answers +
            "  </question>\n")
    return "".join(out)


def qti_assessment(ident: str, title: str, quizzes: Sequence[QuizPieces]) -> str:
    return fill(QTI_HEAD, ident, title) + "".join(q.qti_section for q in quizzes) + QTI_TAIL


def qti_manifest(ident: str) -> str:
    return fill(MANIFEST, ident, "")


def qti_package(ident: str, title: str, quizzes: Sequence[QuizPieces]) -> bytes:
    """A QTI 1.2 content package: imsmanifest.xml and the assessment, as reproducible zip bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        for name, text in (("imsmanifest.xml", qti_manifest(ident)),
                           (f"{ident}/{ident}.xml", qti_assessment(ident, title, quizzes))):
            entry = zipfile.ZipInfo(name, ZIP_TIME)
            entry.create_system = 3  # the same bytes on every platform (the default follows the OS)
            entry.external_attr = 0o644 << 16
            package.writestr(entry, text.encode("utf-8"))
    return buffer.getvalue()


def moodle_xml(quizzes: Sequence[QuizPieces]) -> str:
    return MOODLE_HEAD + "".join(q.moodle_questions for q in quizzes) + MOODLE_TAIL


def quiz_title(title: str) -> str:
    return f"Quiz: {title}"


def selection_title(course_title: str, count: int) -> str:
    return f"{course_title}: quizzes on {count} topic{'' if count == 1 else 's'}"


def topic_files(topic_id: str) -> dict[str, str]:
    """Where a topic's quiz files are in the site, by format."""
    return {"qti": f"{DIRECTORY}/topics/{topic_id}.qti.zip", "moodle": f"{DIRECTORY}/topics/{topic_id}.moodle.xml"}


COURSE_FILES = {"qti": f"{DIRECTORY}/course.qti.zip", "moodle": f"{DIRECTORY}/course.moodle.xml"}
SCRIPT = f"{DIRECTORY}/quizzes.js"


def site_files(topics: Sequence[Topic], course_title: str) -> dict[str, bytes | str]:
    """Every LMS file of the site, by path: each topic's, the whole course's (topics in the order given)
    and the pieces the syllabus builder joins for a selection."""
    key = course_key(course_title)
    _TOPIC_QUIZZES.new_round()
    made = [_TOPIC_QUIZZES.get((topic.id, topic.title, topic.description, topic.quiz, course_title),
                               lambda topic=topic: _topic_quiz(topic, key, course_title)) for topic in topics]
    files: dict[str, bytes | str] = {}
    for quiz, qti, moodle in made:
        paths = topic_files(quiz.topic_id)
        files[paths["qti"]], files[paths["moodle"]] = qti, moodle
    quizzes = [quiz for quiz, _, _ in made]
    files[COURSE_FILES["qti"]] = qti_package(f"{key}.course", course_title, quizzes)
    files[COURSE_FILES["moodle"]] = moodle_xml(quizzes)
    files[SCRIPT] = selection_script(key, course_title, quizzes)
    return files


def _topic_quiz(topic: Topic, key: str, course_title: str) -> tuple[QuizPieces, bytes, str]:
    """A topic's quiz as pieces, and as its own QTI package and Moodle file."""
    quiz = pieces(topic, key, course_title)
    return quiz, qti_package(topic_ident(key, topic.id), quiz_title(topic.title), [quiz]), moodle_xml([quiz])


def selection_script(key: str, course_title: str, quizzes: Sequence[QuizPieces]) -> str:
    """The pieces for the syllabus builder, as a script that sets one global (a script file loads from a
    folder or USB stick, where fetching a JSON file is refused)."""
    data = {
        "key": key, "courseTitle": course_title,
        "templates": {"qtiHead": QTI_HEAD, "qtiTail": QTI_TAIL, "manifest": MANIFEST,
                      "moodleHead": MOODLE_HEAD, "moodleTail": MOODLE_TAIL},
        "topics": {q.topic_id: {"title": q.title, "qti": q.qti_section, "moodle": q.moodle_questions}
                   for q in quizzes},
    }
    # json.dumps escapes no "<": "</script>" cannot end this file early (it is a file, not inline), but a
    # reader's tool might inline it; escaping "<" as \u003c keeps it inert there too.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f"window.topicgraphLms = {text};\n"
