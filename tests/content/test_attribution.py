"""Who said what (issue 12 part 2): no page credits the Borås party proposal to Borås Stad, a proposal in Bollebygd to
the municipality, or the "Tillitsstyrning" text to anyone. Phrase lists: attribution_phrases.yml beside this file."""
import re

import pytest
import sitetext
from conftest import Page
from lxml import html as lxml_html

LIST = "tests/content/attribution_phrases.yml"
DATA = sitetext.load(LIST)
RULES = DATA["rules"]
PHRASES = {lang: [dict(p, pattern=re.compile(p["re"], re.I)) for p in items] for lang, items in DATA["phrases"].items()}


def breaches(text_with_quotes, lang):
    """(phrase, matched text) for every wording in the list found in a text (quotations left out unless `quotes`)."""
    without = sitetext.strip_quotes(text_with_quotes)
    return [(p, m.group(0)) for p in PHRASES[lang]
            for m in p["pattern"].finditer(text_with_quotes if p.get("quotes") else without)]


def test_the_phrase_list_is_well_formed():
    assert set(PHRASES) == {"sv", "en"}
    for lang, items in PHRASES.items():
        assert items, f"{LIST}: no phrases for {lang}"
        for p in items:
            assert p.get("rule") in RULES, f"{LIST}: {p['re']!r} names no known rule ({sorted(RULES)})"
            assert p.get("bad"), f"{LIST}: {p['re']!r} has no `bad` sample (the positive control)"
        assert {p["rule"] for p in items} == set(RULES), f"{LIST}: every rule needs phrases in {lang}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_phrase_flags_its_bad_sample(lang):
    """Positive control: every phrase in the list matches the wrong wording it was written for."""
    for p in PHRASES[lang]:
        assert any(q is p for q, _ in breaches(p["bad"], lang)), f"{LIST}: {p['re']!r} does not flag {p['bad']!r}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_right_wordings_pass(lang):
    """Negative control: the review's corrected wordings (and quotes of the sources) are not flagged."""
    for sample in DATA["good"][lang]:
        assert not breaches(sample, lang), f"{LIST}: {sample!r} is flagged: {[m for _, m in breaches(sample, lang)]}"


def test_the_page_scan_reads_text_and_skips_quotations():
    """The whole path, built HTML to message: a wrong claim in a paragraph is found, the same words quoted are not."""
    doc = lxml_html.fromstring(
        '<html><body><div class="md-content"><article class="md-content__inner">'
        "<p>Bollebygd ville ha en workshop.</p>"
        "<blockquote><p>Borås Stad föreslår något.</p></blockquote>"
        "<p>Förslaget talar om filosofin ”som Bollebygds kommun vill gå in i”.</p>"
        "</article></div></body></html>")
    page = Page("kommuner/bollebygd/index.html", "sv", "kommuner/bollebygd/", doc)
    found = [m for _, m in breaches(sitetext.text(page, quotes=True, other_lang=True), "sv")]
    assert found == ["Bollebygd ville"], found
    assert sitetext.source_file(page) == "docs/kommuner/bollebygd.sv.md"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pages_attribute_the_sources_right(pages, lang):
    problems = []
    for p in (p for p in pages if p.lang == lang):
        for phrase, matched in breaches(sitetext.text(p, quotes=True, other_lang=True, with_description=True), lang):
            problems.append(f"{sitetext.source_file(p)}: {sitetext.readable(matched)!r} breaks the rule "
                            f"'{phrase['rule']}': {RULES[phrase['rule']]}")
    assert not problems, (f"Wordings that credit a text to the wrong author ({LIST}; REDAKTION.md 'Vem sa vad'):\n"
                          + "\n".join(sorted(set(problems))))


# What each municipality page must say about the form of its source (issue 12 part 2), per language
MUST_SAY = {
    ("kommuner/boras/", "sv"): ["alternativt förslag", "Kommunstyrelsens beslut", "Allianspartierna", "Annette Carlson",
                                "Niklas Arvidsson", "Moderaterna", "Kristdemokraterna"],
    ("kommuner/boras/", "en"): ["alternative proposal", "Kommunstyrelsens beslut", "Allianspartierna",
                                "Annette Carlson", "Niklas Arvidsson", "Moderaterna", "Kristdemokraterna"],
    ("kommuner/bollebygd/", "sv"): ["§134", "§202", "föresl", "återremi"],
    ("kommuner/bollebygd/", "en"): ["§134", "§202", "propos", "referred the case back"],
}


@pytest.mark.parametrize("url_path,lang", sorted(MUST_SAY))
def test_the_municipality_pages_say_who_proposed_and_what_happened(pages, url_path, lang):
    """The Borås page explains that the text is the parties' alternative proposal, drafted as a KS decision; the
    Bollebygd page says that §134 proposed and §202 referred the case back."""
    page = next(p for p in pages if p.lang == lang and p.url_path == url_path)
    text = " ".join(" ".join(sitetext.blocks(page, other_lang=True)).split())
    missing = [w for w in MUST_SAY[url_path, lang] if w.lower() not in text.lower()]
    assert not missing, f"{sitetext.source_file(page)}: say who proposed and what happened; missing {missing}"
