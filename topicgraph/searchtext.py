"""What search reads of a page: words kept apart where the page shows them apart, and both spellings.

Material's search parser keeps the text between tags and drops the tags, so cells of a table row,
lines of an SVG label and the letters of a formula ran together in the index ("YearBritain",
"Uncertainty aboutintentions"). And the course writes American spelling (offense, defense) while
many readers type British (offence, defence), which found nothing: search has no synonyms, so each
indexed entry also carries the other spelling of the words it contains.
"""

from __future__ import annotations

import re

# Elements whose start or end is a word boundary on screen even when the HTML has no space there.
_BOUNDARY_TAGS = (
    "p|div|br|li|dt|dd|tr|td|th|caption|figcaption|h[1-6]|"  # HTML blocks and cells
    "text|tspan|title|desc|"  # SVG labels (figures, graph boxes)
    "mi|mn|mo|ms|mtext|mtd|mtr"  # MathML tokens
)
_BOUNDARY = re.compile(rf"<(?:{_BOUNDARY_TAGS})\b[^>]*>|</(?:{_BOUNDARY_TAGS})>", re.I)


# A topic's title block (partials/course/topic-head.html): its h1 and description, wrapped so that
# Material's link preview stops after the description. Material's search parser closes a section
# whose heading sits in an element when that element ends, which lost the description: search reads
# the block unwrapped.
_TITLE_BLOCK = re.compile(r'<div class="sd-topic-head">(.*?)</div>', re.S)


def for_search(html: str) -> str:
    """The page as search should read it: the title block unwrapped, words kept apart. Nothing before
    an unwrapped h1, or search makes the text before it the page's entry (empty) and the h1 a section
    of its own."""
    unwrapped, count = _TITLE_BLOCK.subn(r"\1", html, count=1)
    spaced = with_word_breaks(unwrapped)
    return spaced.lstrip() if count else spaced


def with_word_breaks(html: str) -> str:
    """The HTML with a space before each start tag and after each end tag that separates words on
    screen (outside the element, so a heading's text is unchanged)."""
    return _BOUNDARY.sub(lambda tag: f"{tag.group(0)} " if tag.group(0)[1] == "/" else f" {tag.group(0)}", html)


def _forms(british: str, american: str, endings: tuple[str, ...]) -> dict[str, str]:
    pairs = {british + e: american + e for e in endings}
    return pairs | {a: b for b, a in pairs.items()}


def _spelling_pairs() -> dict[str, str]:
    """Each British word form with its American form, and the other way round (lower case)."""
    pairs: dict[str, str] = {}
    for stem in ("offen", "defen", "licen", "preten"):  # offence/offense, defence/defense, ...
        pairs |= _forms(stem + "ce", stem + "se", ("", "s"))
    for stem in ("behavio", "colo", "favo", "hono", "labo", "neighbo", "armo", "rumo", "endeavo",
                 "harbo", "vigo", "rigo", "humo", "savo"):  # behaviour/behavior, ...
        pairs |= _forms(stem + "ur", stem + "r", ("", "s", "ed", "ing", "al", "ally", "ite", "able", "hood"))
    for stem in ("organ", "mobil", "demobil", "stabil", "destabil", "militar", "demilitar", "real",
                 "recogn", "modern", "emphas", "critic", "apolog", "legitim", "normal", "rational",
                 "central", "decentral", "special", "general", "minim", "maxim", "summar",
                 "character", "categor", "polar", "util", "optim", "theor", "internal", "institutional",
                 "nuclear", "weapon", "securit", "capital", "sympath", "antagon", "jeopard", "subsid",
                 "standard", "formal", "symbol", "memor", "harmon", "neutral", "civil"):
        pairs |= _forms(stem + "is", stem + "iz", ("e", "es", "ed", "ing", "ation", "ations", "er", "ers"))
    for stem in ("anal", "paral"):  # analyse/analyze
        pairs |= _forms(stem + "ys", stem + "yz", ("e", "es", "ed", "ing"))
    for stem in ("cent", "theat", "met", "fib"):  # centre/center, ...
        pairs |= _forms(stem + "re", stem + "er", ("", "s"))
        pairs |= _forms(stem + "red", stem + "ered", ("",))
    pairs |= _forms("catalogue", "catalog", ("", "s"))
    pairs |= _forms("programme", "program", ("", "s"))
    return pairs


SPELLINGS = _spelling_pairs()
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"[A-Za-z]+")


def with_other_spellings(html: str) -> str:
    """The HTML with the other spelling of each word that has one right after it, in a hidden element.

    Next to the word, so the block search shows as the result's teaser is the one the reader's word
    is in ("... the offense-defense balance ..." for "offence"); hidden, so the reader sees the text
    as written.
    """

    def spell(match: re.Match) -> str:
        variant = SPELLINGS.get(match.group(0).lower())
        return f"{match.group(0)}<span hidden> {variant}</span>" if variant else match.group(0)

    parts = _TAG_OR_TEXT.split(html)  # text at even indices, tags at odd ones
    # Most runs of text hold no such word: found by set arithmetic, they skip the per-word callback.
    return "".join(part if i % 2 or SPELLINGS.keys().isdisjoint(_WORD.findall(part.lower()))
                   else _WORD.sub(spell, part) for i, part in enumerate(parts))
