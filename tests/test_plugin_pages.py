"""The generated pages and the parts added to every topic page (topicgraph/plugin/pages.py), rendered with
the course's real templates (theme/ and Material's) over a copy of examples/minimal-course with a small
bibliography."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from topicfactory import example_course_citing

from topicgraph.plugin.pages import CoursePages
from topicgraph.plugin.site_urls import SiteUrls
from topicgraph.plugin.templates import THEME_DIR
from topicgraph.printable import BODY, REFERENCES

ALL_SECTIONS = ["card", "reflection", "quiz", "connections", "references", "cite"]
ALL_PAGES = ["graph", "tags", "paths", "syllabus", "works-cited", "print"]
BIB = """@book{herz1951, author = {Herz, John H.}, title = {Political Realism}, publisher = {U}, address = {C},
  year = {1951}}
@book{herz1950, author = {Herz, John H.}, title = {Idealist Internationalism}, publisher = {U}, address = {C},
  year = {1950}}
@book{adams2000, editor = {Adams, Ann}, title = {Zed}, publisher = {U}, address = {C}, year = {2000}}
"""


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory):
    return example_course_citing(tmp_path_factory.mktemp("docs"), BIB, {
        "reading-list.md": "# Reading list\n\nSee [@herz1951], [@herz1950] and [@adams2000].\n",
        "topics/independence.md": "As argued [@herz1951].",
    })


def course_pages(course, sections=ALL_SECTIONS, directory_urls: bool = True) -> CoursePages:
    env = Environment(loader=FileSystemLoader([str(THEME_DIR), str(Path(material.__file__).parent / "templates")]),
                      autoescape=True)
    env.filters["typeset"] = lambda text: text
    urls = SiteUrls(SimpleNamespace(site_url="https://example.org/c/", use_directory_urls=directory_urls))
    site = {"site_name": "Probability", "site_author": "The Authors", "language": "en"}
    return CoursePages(course, env, urls, site, list(sections))


REFERENCES_OF = SimpleNamespace(reference=lambda key: f"*{key}*")


def html_part(markdown: str) -> str:
    return markdown.split("<!-- course:html -->", 1)[1].split("<!-- /course:html -->", 1)[0]


def test_works_cited_sorts_by_author_then_year_and_links_each_citing_page(course) -> None:
    generated = course_pages(course).generated(ALL_PAGES, lambda: REFERENCES_OF, lambda text: Markup(f"<i>{text}</i>"))
    page = generated["works-cited.md"]
    ids = re.findall(r'class="sd-reference" id="([^"]+)"', page)
    assert ids == ["adams2000", "herz1950", "herz1951"]  # an editor counts as the author
    assert "<p><i>*herz1951*</i></p>" in page
    herz = page.split('id="herz1951"', 1)[1].split("</div>", 1)[0]
    # Each citing page at the work's first in-text citation (Python-Markdown's id for a footnote's first reference).
    assert '<a href="../topics/independence/#fnref:herz1951">Independence</a>' in herz
    assert '<a href="../reading-list/#fnref:herz1951">Reading list</a>' in herz  # another page: named by its file
    assert "The course cites 3 works." in page


def test_the_course_asks_for_the_generated_pages_it_has(course) -> None:
    pages = course_pages(course)
    assert set(pages.generated(["tags"], lambda: REFERENCES_OF, str)) == {"tags.md"}
    assert set(pages.generated(["works-cited", "syllabus"], lambda: None, str)) == {"syllabus.md"}
    everything = pages.generated(ALL_PAGES, lambda: REFERENCES_OF, str)
    assert set(everything) == {"graph.md", "graph.json", "tags.md", "syllabus.md", "works-cited.md", "print.md",
                               *(f"paths/{t}.md" for t in course.topics)}
    graph = json.loads(everything["graph.json"])
    assert graph["nodes"][0]["url"] == "https://example.org/c/topics/sample-spaces/"
    assert everything["graph.json"].startswith('{\n "nodes"')  # indented for a reader of the file


def test_a_reading_path_lists_every_prerequisite_first_with_times_and_a_copyable_list(course) -> None:
    page = course_pages(course).path_pages()["paths/bayes-theorem.md"]
    items = re.findall(r'<li><a href="([^"]+)">', html_part(page))
    assert items[-1] == "../../topics/bayes-theorem/" and items[0] == "../../topics/sample-spaces/"
    minutes = {i: t.reading_minutes for i, t in course.topics.items()}
    path = course.metrics["bayes-theorem"].reading_path
    assert f"about {sum(minutes[i] for i in path)} minutes" in page
    copy = html.unescape(re.search(r'data-copy="([^"]*)"', page).group(1))
    assert copy.startswith(f"1. [{course.titles['sample-spaces']}](https://example.org/c/topics/sample-spaces/) "
                           f"({minutes['sample-spaces']} min)\n2. ")
    assert f"{len(path)}. [{course.titles['bayes-theorem']}]" in copy


@pytest.mark.usefixtures("rounds_held")
def test_a_second_build_renders_again_only_the_reading_paths_whose_inputs_changed(course, tmp_path) -> None:
    # `mkdocs serve` renders every page after each edit; a path page is taken when all it shows is as it was.
    pages = course_pages(course)
    first = pages.path_pages()
    assert pages.path_pages()["paths/bayes-theorem.md"] is first["paths/bayes-theorem.md"]
    start, path = "sample-spaces", course.metrics["bayes-theorem"].reading_path
    retitled = dataclasses.replace(course, topics={**course.topics, start: dataclasses.replace(
        course.topics[start], title="Sample spaces, retitled")})
    second = CoursePages(retitled, pages.env, pages.urls, pages.site, pages.sections).path_pages()
    for topic_id in course.topics:
        changed = start in course.metrics[topic_id].reading_path
        assert (second[f"paths/{topic_id}.md"] is first[f"paths/{topic_id}.md"]) is not changed, topic_id
    assert "Sample spaces, retitled" in second["paths/bayes-theorem.md"] and start in path
    # Only the last build's pages are held: a page as it was two builds ago is rendered again.
    again = pages.path_pages()["paths/bayes-theorem.md"]
    assert again == first["paths/bayes-theorem.md"] and again is not first["paths/bayes-theorem.md"]
    # Anything else that shapes every page: the typesetter, the URLs, the template (a theme may override it).
    pages.path_pages()
    pages.env.filters["typeset"] = str.upper
    assert "SAMPLE SPACES" in pages.path_pages()["paths/bayes-theorem.md"]
    offline = CoursePages(course, pages.env, SiteUrls(SimpleNamespace(site_url="https://example.org/c/",
                                                                      use_directory_urls=False)), pages.site, [])
    assert '<a href="../topics/sample-spaces.html">' in offline.path_pages()["paths/bayes-theorem.md"]
    override = tmp_path / "partials" / "course" / "path-page.html"
    override.parent.mkdir(parents=True)
    override.write_text("Overridden {{ topic.id }}")
    offline.env.loader = FileSystemLoader([str(tmp_path), *pages.env.loader.searchpath])
    assert offline.path_pages()["paths/bayes-theorem.md"] == "Overridden bayes-theorem"


def test_the_syllabus_lists_parts_in_course_order_and_topics_by_depth(course) -> None:
    page = course_pages(course).syllabus_page()
    assert page.index("Basics") < page.index("Inference")
    order = [page.index(f"https://example.org/c/topics/{t}/") for t in
             ("sample-spaces", "conditional-probability", "independence", "bayes-theorem")]
    assert order == sorted(order)
    assert "../paths/independence/" in page


def test_tags_list_their_topics_by_title(course) -> None:
    page = course_pages(course).tags_page()
    for topic_id, topic in course.topics.items():
        for tag in topic.tags:
            assert tag in page and f"../topics/{topic_id}/" in page


def test_the_course_map_and_print_edition_name_every_topic(course) -> None:
    pages = course_pages(course)
    graph = pages.graph_page()
    for topic_id in course.topics:
        assert f"../topics/{topic_id}/" in graph
    assert "graph.json" in graph
    printed = pages.print_page()
    assert "Probability" in printed
    positions = [printed.index(f"course:print-body {t} ") for t in
                 ("sample-spaces", "conditional-probability", "independence", "bayes-theorem")]
    assert positions == sorted(positions)


def test_a_topic_page_gets_card_sections_and_cite_this_page_in_order(course) -> None:
    markdown = course_pages(course).with_generated_parts("Body text.", "topics/independence.md", "2025-12-04")
    assert markdown.index(BODY[0]) < markdown.index("Body text.") < markdown.index(BODY[1])
    order = [markdown.index(s) for s in ("{#reflection data-search-exclude}", "{#quiz data-search-exclude}",
                                         "{ #prerequisites data-search-exclude }", "## References {#references}",
                                         REFERENCES[0], "///Footnotes Go Here///", REFERENCES[1], "Cite this page")]
    assert order == sorted(order)
    assert "Last updated 2025-12-04" in markdown and "sdcourse-independence" in markdown
    assert "https://example.org/c/topics/independence/" in markdown
    assert "The Authors" in markdown and "Probability" in markdown
    assert markdown.index("Depth 2 in the knowledge graph") < markdown.index(BODY[0])  # the card, before the body


def test_a_topic_page_without_some_sections_still_marks_body_and_references(course) -> None:
    markdown = course_pages(course, ["quiz"]).with_generated_parts("Body text.", "topics/independence.md", "")
    assert markdown.startswith(f"{BODY[0]}\n\nBody text.\n\n{BODY[1]}")
    assert "{#quiz data-search-exclude}" in markdown and "{#reflection" not in markdown
    assert markdown.endswith(f"\n\n{REFERENCES[0]}\n\n{REFERENCES[1]}\n\n")  # empty, for the print edition
    assert "## References" not in markdown and "Cite this page" not in markdown
    cited = course_pages(course, ["cite"]).with_generated_parts("x", "topics/independence.md", "")
    assert f"Last updated {date.today().isoformat()}" in cited  # no date known: today's


def test_other_pages_get_the_progress_and_nothing_else(course) -> None:
    pages = course_pages(course)
    assert pages.with_generated_parts("Plain.", "index.md", "2025-12-04") == "Plain."
    home = pages.with_generated_parts("Before\n\n<!-- course:progress -->\n\nAfter", "index.md", "")
    assert "course:progress" not in home and home.startswith("Before") and home.endswith("After")
    assert all(topic_id in home for topic_id in course.topics)


def test_the_offline_build_links_html_files_and_cites_the_published_url(course) -> None:
    markdown = course_pages(course, directory_urls=False).with_generated_parts("x", "topics/independence.md", "")
    assert 'href="conditional-probability.html"' in markdown
    assert "https://example.org/c/topics/independence/" in markdown


def test_mentioned_in_quotes_each_sentence_as_escaped_text_with_the_link_in_bold(course) -> None:
    from dataclasses import replace

    from topicgraph.mentions import MentionContext
    from topicgraph.typeset import TextTypesetter

    assert str(course.mention_contexts["conditional-probability"]["bayes-theorem"]) == (
        "A conditional probability has a direction: the probability of a positive test given an illness is not "
        "the probability of the illness given a positive test.")
    hostile = MentionContext('It\'s <script>alert(1)</script> & "so" ', "<b>conditional</b>", " *then*.")
    pages = course_pages(replace(course, mention_contexts={"conditional-probability": {"bayes-theorem": hostile}}))
    pages.env.filters["typeset"] = TextTypesetter()
    section = html_part(pages.with_generated_parts("# C", "topics/conditional-probability.md", "2026-01-01")
                        .split("{ #mentioned-in", 1)[1])
    quote = re.search(r'<q>(.*?)</q>', section, re.S).group(1)
    assert quote == ("It&rsquo;s &lt;script&gt;alert(1)&lt;/script&gt; &amp; &ldquo;so&rdquo; "
                     "<strong>&lt;b&gt;conditional&lt;/b&gt;</strong> &#42;then&#42;.")


def test_a_quoted_sentence_holding_the_bold_markers_opens_no_tag(course) -> None:
    """The private-use characters that mark the link's words in a quote are the build's alone."""
    from dataclasses import replace

    from topicgraph.mentions import MentionContext
    from topicgraph.typeset import TextTypesetter

    sly = MentionContext("Before \ue001 and \ue000", "linked", " after \ue000.")
    pages = course_pages(replace(course, mention_contexts={"conditional-probability": {"bayes-theorem": sly}}))
    pages.env.filters["typeset"] = TextTypesetter()
    section = html_part(pages.with_generated_parts("# C", "topics/conditional-probability.md", "2026-01-01")
                        .split("{ #mentioned-in", 1)[1])
    quote = re.search(r"<q>(.*?)</q>", section, re.S).group(1)
    assert quote.count("<strong>") == quote.count("</strong>") == 1
    assert quote.index("<strong>") < quote.index("</strong>")
