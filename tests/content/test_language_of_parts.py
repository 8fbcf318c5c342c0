"""Language of parts (WCAG 3.1.2, issue 17): no built page, in either language, has a word of the other language
outside an element with that `lang`. The word lists are terms.yml's (tillit.foreign_words.foreign_words); the check
reads the built HTML with lxml, every text node of the body (menus, table of contents, footer too)."""
import pytest
import sitetext
from lxml import html as lxml_html

from tillit.foreign_words import foreign_words, mark

SKIP = {"script", "style", "svg", "pre", "code", "textarea"}


def _texts(el):
    """(text, element whose language applies) for every text node under el, skipped elements left out."""
    if not isinstance(el.tag, str) or el.tag in SKIP:
        return
    if el.text:
        yield el.text, el
    for child in el:
        yield from _texts(child)
        if child.tail:
            yield child.tail, el


def unmarked(tree, lang):
    """Foreign words standing in text whose language is the page's own."""
    other, pattern = foreign_words(lang)
    found = []
    for body in tree.xpath("//body"):
        for text, owner in _texts(body):
            declared = owner.xpath("string(ancestor-or-self::*[@lang][1]/@lang)") or lang
            if declared.split("-")[0] == lang:
                found += [m.group(0) for m in pattern.finditer(text)]
    return found


@pytest.mark.parametrize("lang, bad, good", [
    ("en", "<p>The nämnder and Tillitsdelegationens report; a gråzon.</p>",
     "<p>Falköping's and Borås' committees; <span lang=sv>nämnd</span>.</p>"),
    ("sv", "<p>Ett working committee och the Trust Delegation.</p>",
     "<p>Förvaltningen har en administration. <em lang=en>trust-based governance</em></p>"),
])
def test_the_check_and_the_hook_find_foreign_words(lang, bad, good):
    """Positive control: the check flags unmarked words, not names or marked words; the hook marks what it flags."""
    page = f'<html lang="{lang}"><head><title>x</title></head><body>{{}}</body></html>'
    assert len(unmarked(lxml_html.fromstring(page.format(bad)), lang)) >= 2
    assert unmarked(lxml_html.fromstring(page.format(good)), lang) == []
    assert unmarked(lxml_html.fromstring(mark(page.format(bad), lang)), lang) == []


def test_no_page_has_an_unmarked_word_of_the_other_language(pages):
    problems = []
    for page in pages:
        words = sorted(set(unmarked(page.tree, page.lang)))
        if words:
            problems.append(f"{sitetext.source_file(page)}: {', '.join(words)}")
    assert not problems, (
        "Words of the other language without `lang` (write *word*{ lang=sv } / { lang=en } in the Markdown, or add the "
        "term to terms.yml; a place or person name goes under language_of_parts.names):\n" + "\n".join(problems))


def test_the_404_pages_have_no_unmarked_foreign_word(site_dir):
    for rel, lang in (("404.html", "sv"), ("en/404.html", "en")):
        tree = lxml_html.fromstring((site_dir / rel).read_bytes())
        assert unmarked(tree, lang) == [], rel

