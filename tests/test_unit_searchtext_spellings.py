"""Both spellings in search (topicgraph/searchtext.py): every family of British/American words the course
answers for, each form a reader might type, found both ways; and where search reads words apart."""

from __future__ import annotations

import re

import pytest

from topicgraph.searchtext import SPELLINGS, for_search, with_other_spellings, with_word_breaks

# One pair per word family and per ending the families take (British, American).
PAIRS = [
    # -ence/-ense
    ("offence", "offense"), ("defences", "defenses"), ("licence", "license"), ("pretences", "pretenses"),
    # -our/-or, with each ending
    ("behaviour", "behavior"), ("colours", "colors"), ("favoured", "favored"), ("honouring", "honoring"),
    ("behavioural", "behavioral"), ("behaviourally", "behaviorally"), ("favourite", "favorite"),
    ("honourable", "honorable"), ("neighbourhood", "neighborhood"), ("labour", "labor"), ("armour", "armor"),
    ("rumours", "rumors"), ("endeavoured", "endeavored"), ("harbour", "harbor"), ("vigour", "vigor"),
    ("rigour", "rigor"), ("humour", "humor"), ("savour", "savor"),
    # -ise/-ize, each stem once and each ending once
    ("organise", "organize"), ("organises", "organizes"), ("organiser", "organizer"), ("organisers", "organizers"),
    ("mobilisation", "mobilization"), ("mobilisations", "mobilizations"), ("demobilised", "demobilized"),
    ("stabilising", "stabilizing"), ("destabilise", "destabilize"), ("militarised", "militarized"),
    ("demilitarisation", "demilitarization"), ("realise", "realize"), ("recognised", "recognized"),
    ("modernisation", "modernization"), ("emphasise", "emphasize"), ("criticise", "criticize"),
    ("apologise", "apologize"), ("legitimise", "legitimize"), ("normalisation", "normalization"),
    ("rationalise", "rationalize"), ("centralised", "centralized"), ("decentralisation", "decentralization"),
    ("specialise", "specialize"), ("generalisation", "generalization"), ("minimise", "minimize"),
    ("maximise", "maximize"), ("summarise", "summarize"), ("characterise", "characterize"),
    ("categorise", "categorize"), ("polarisation", "polarization"), ("utilise", "utilize"), ("optimise", "optimize"),
    ("theorise", "theorize"), ("internalise", "internalize"), ("institutionalised", "institutionalized"),
    ("nuclearisation", "nuclearization"), ("weaponise", "weaponize"), ("securitisation", "securitization"),
    ("capitalise", "capitalize"), ("sympathise", "sympathize"), ("antagonise", "antagonize"),
    ("jeopardise", "jeopardize"), ("subsidise", "subsidize"), ("standardise", "standardize"),
    ("formalise", "formalize"), ("symbolise", "symbolize"), ("memorise", "memorize"), ("harmonise", "harmonize"),
    ("neutralise", "neutralize"), ("civilisation", "civilization"),
    # -yse/-yze
    ("analyse", "analyze"), ("analyses", "analyzes"), ("analysed", "analyzed"), ("paralysing", "paralyzing"),
    # -re/-er
    ("centre", "center"), ("theatres", "theaters"), ("metre", "meter"), ("fibre", "fiber"), ("centred", "centered"),
    # -ue, -mme
    ("catalogue", "catalog"), ("catalogues", "catalogs"), ("programme", "program"), ("programmes", "programs"),
]


@pytest.mark.parametrize(("british", "american"), PAIRS)
def test_each_spelling_finds_the_other(british: str, american: str) -> None:
    assert SPELLINGS[british] == american and SPELLINGS[american] == british


def test_every_word_listed_is_lower_case_and_paired_both_ways() -> None:
    for word, other in SPELLINGS.items():
        assert word == word.lower() and other == other.lower() and SPELLINGS[other] == word


def test_a_capitalised_word_in_text_carries_the_other_spelling_and_tags_are_never_respelled() -> None:
    html = '<a href="defense.html" title="Offence">Defence policy</a> and <i>colour</i>s'
    assert with_other_spellings(html) == ('<a href="defense.html" title="Offence">Defence<span hidden> defense</span>'
                                          ' policy</a> and <i>colour<span hidden> color</span></i>s')


def test_text_without_such_a_word_is_unchanged() -> None:
    html = "<p>Anarchy and fear</p><p>Offensive realism</p>"
    assert with_other_spellings(html) == html


def test_word_breaks_go_outside_the_element_and_the_first_title_block_alone_is_unwrapped() -> None:
    assert with_word_breaks("<TD>a</TD><td>b</td>") == " <TD>a</TD>  <td>b</td> "  # tag names in any case
    assert with_word_breaks("<tdx>a</tdx><pre>b</pre>") == "<tdx>a</tdx><pre>b</pre>"  # whole names only
    html = ('<div class="sd-topic-head"><h1 id="t">T</h1></div>'
            '<div class="sd-topic-head"><h2 id="u">U</h2></div>')
    read = for_search(html)
    assert re.sub(r"\s+", "", read) == '<h1id="t">T</h1><divclass="sd-topic-head"><h2id="u">U</h2></div>'
    assert read.startswith("<h1")
