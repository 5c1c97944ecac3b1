"""Quotations must carry a locator: topicgraph.quotations on small bodies."""

from __future__ import annotations

import pytest

from topicgraph.quotations import find_quotations, quotation_problems

TITLES = {"jervis1978": "Cooperation under the Security Dilemma", "herz1950": "Idealist Internationalism"}


def problems(body: str) -> list[str]:
    return [str(p) for p in quotation_problems("docs/topics/t.md", body, 10, TITLES.get)]


@pytest.mark.parametrize("body", [
    'He called it "Hobbesian fear" [@herz1950, p. 157].',
    'He called it "Hobbesian fear" [@herz1950, pp. 157–58].',
    'He called it “Hobbesian fear” [see @herz1950, ch. 2].',
    'He called it "Hobbesian fear" [@jervis1978; @herz1950, p. 157].',
    'A treaty "shall remain in force" [@treaty, art. XIV].',
    'A "spiral" is a term, one word [@herz1950].',
    'Jervis, "Cooperation under the security dilemma" [@jervis1978].',
    'Shown as code: `"not a quotation here"` [@herz1950].',
    'A link [text](page.md "a link title here") with a citation [@herz1950].',
    '<abbr title="Strategic Arms Limitation Talks">SALT</abbr> began in 1969 [@herz1950].',
    '```\n"quoted in a code block"\n```',
])
def test_accepted(body: str) -> None:
    assert problems(body) == []


@pytest.mark.parametrize(("body", "expected"), [
    ('He called it "Hobbesian fear" [@herz1950].',
     'docs/topics/t.md:10: quotation “Hobbesian fear” is cited without a page ([@herz1950])'),
    ('He called it “absolute predicament” [@herz1950, 1951].',
     'docs/topics/t.md:10: quotation “absolute predicament” is cited without a page ([@herz1950, 1951])'),
    ('First line.\n\nLater, "the tragic element"\nended [@jervis1978; @herz1950].',
     'docs/topics/t.md:12: quotation “the tragic element” is cited without a page'),
    ('He wrote "doubly dangerous" once.\n\nA new paragraph [@herz1950, p. 1].',
     'docs/topics/t.md:10: quotation “doubly dangerous” has no citation after it'),
    ('Cited first [@herz1950, p. 3], then "quoted words here" [@herz1950].',
     'docs/topics/t.md:10: quotation “quoted words here” is cited without a page'),
])
def test_reported(body: str, expected: str) -> None:
    found = problems(body)
    assert len(found) == 1
    assert found[0].startswith(expected)


def test_the_first_citation_after_the_quotation_is_the_one_that_counts() -> None:
    body = '"Two words" are quoted [@herz1950], and the page comes too late [@herz1950, p. 3].'
    assert [q.citation for q in find_quotations(body)] == ["@herz1950"]


def test_a_quotation_across_lines_is_reported_on_its_first_line() -> None:
    body = "Intro.\n\nHe spoke of an \"absolute\npredicament\" [@herz1950]."
    assert [(q.text, q.line) for q in find_quotations(body, first_line=5)] == [("absolute predicament", 7)]


@pytest.mark.parametrize(("body", "first_line", "expected"), [
    # the line is the body's first line plus the lines before the quotation; the default body starts on line 1
    ('"three words here" [@k].', None, [("three words here", 1, "@k")]),
    ('Intro.\n\nLine one.\nLine two "three words here"[@k, p. 1].', 10, [("three words here", 13, "@k, p. 1")]),
    # a citation right after the closing mark is the citation after the quotation
    ('"three words here"[@k, p. 1] and later [@j].', 1, [("three words here", 1, "@k, p. 1")]),
    # fenced code is not prose: a fence closes only with its own character and nothing after it
    ('```\n"in code here"\n~~~\n"still in code"\n```not a close\n"and still more"\n```\n\n'
     'After "the fence closed" [@k].', 1, [("the fence closed", 9, "@k")]),
    # a fence ends the paragraph: a citation after the code is not the quotation's
    ('Before "three words here"\n```\ncode\n```\n[@k, p. 1]', 1, [("three words here", 1, None)]),
])
def test_each_quotation_carries_its_file_line_and_the_citation_after_it_in_its_paragraph(
        body: str, first_line: int | None, expected: list) -> None:
    found = find_quotations(body) if first_line is None else find_quotations(body, first_line)
    assert [(q.text, q.line, q.citation) for q in found] == expected
