"""Our own reading is marked one way (issue 12 part 4): the `tolkning` box with its title per language, and no
"Vår tolkning"/"Our reading" or "Vi tolkar"/"We read it" outside such a box. The box looks distinct, light and dark."""
import re

import pytest
import sitetext
from conftest import Page
from lxml import html as lxml_html

from tillit import site as _site

MARKERS = {
    "sv": re.compile(r"\b(?:vår (?:egen )?tolkning|vi tolkar|vi läser det)\b", re.I),
    "en": re.compile(r"\b(?:our (?:own )?reading|our (?:own )?interpretation|"
                     r"we read (?:it|this|that|them)|we interpret)\b", re.I),
}


def title(lang):
    return _site.strings(lang)["tolkning"]["title"]


def is_tolkning(el):
    return "tolkning" in (el.get("class") or "").split()


def is_box_title(el):
    """A box's own title (checked on its own above)."""
    return el.tag == "summary" or "admonition-title" in (el.get("class") or "").split()


def problems_on(page):
    """Every way a page breaks the rule, as messages naming its source file."""
    root, src, out = sitetext.article(page), sitetext.source_file(page), []
    if root is None:
        return out
    expected = title(page.lang)
    for box in root.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' admonition ') "
                          "or self::details]"):
        heading = box.xpath("./p[contains(@class,'admonition-title')] | ./summary")
        text = " ".join(heading[0].text_content().split()) if heading else ""
        if is_tolkning(box) and text != expected:
            out.append(f"{src}: a `tolkning` box is titled {text!r}; write !!! tolkning \"{expected}\"")
        elif not is_tolkning(box) and MARKERS[page.lang].search(text):
            out.append(f"{src}: the box titled {text!r} holds our own reading: make it !!! tolkning \"{expected}\"")
    if not page.url_path.startswith("om/"):   # pages about the site may explain the box itself
        outside = sitetext.text(page, other_lang=True, exclude=(is_tolkning, is_box_title))
        for m in MARKERS[page.lang].finditer(outside):
            out.append(f"{src}: {m.group(0)!r} outside a `tolkning` box: put our reading in "
                       f"!!! tolkning \"{expected}\" instead")
    return out


def _page(body, lang="sv"):
    doc = lxml_html.fromstring(f'<html><body><div class="md-content"><article class="md-content__inner">{body}'
                               "</article></div></body></html>")
    return Page("kommuner/falkoping/index.html" if lang == "sv" else "en/kommuner/falkoping/index.html", lang,
                "kommuner/falkoping/", doc)


def test_the_check_flags_unmarked_and_mistitled_readings():
    """Positive and negative controls on small pages."""
    good = _page('<div class="admonition tolkning"><p class="admonition-title">Vår tolkning</p>'
                 "<p>Vi tolkar det så här: gråzonen är oklarhet.</p></div><p>Bildspelet säger ”Vi tolkar”.</p>")
    assert problems_on(good) == []
    unmarked = _page("<p>Bildspelet säger inte mer. Vi tolkar det så här: gråzonen är oklarhet.</p>")
    assert ["'Vi tolkar' outside" in m for m in problems_on(unmarked)] == [True]
    mistitled = _page('<div class="admonition tolkning"><p class="admonition-title">Tolkning</p><p>x</p></div>'
                      '<div class="admonition note"><p class="admonition-title">Vår tolkning</p><p>y</p></div>')
    found = problems_on(mistitled)
    assert len(found) == 2 and "titled 'Tolkning'" in found[0] and "titled 'Vår tolkning'" in found[1], found
    english = _page('<div class="admonition note"><p class="admonition-title">Our reading</p><p>z</p></div>', "en")
    assert len(problems_on(english)) == 1 and "docs/kommuner/falkoping.en.md" in problems_on(english)[0]


def test_every_reading_of_ours_is_in_a_tolkning_box(pages):
    problems = [m for p in pages for m in problems_on(p)]
    assert not problems, "Our own reading, marked the wrong way:\n" + "\n".join(problems)


def test_the_site_stylesheet_styles_the_box(site_dir):
    css = "\n".join(p.read_text(encoding="utf-8") for p in site_dir.glob("assets/stylesheets/*.css"))
    for selector in (".tolkning>.admonition-title", ".admonition.tolkning", "--tillit-tolkning-line"):
        assert selector in css.replace(" > ", ">"), \
            f"the built CSS has no {selector} (docs/assets/stylesheets/tillit.css)"


def _contrast(a, b):
    def lum(rgb):
        c = [v / 255 for v in rgb]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


STYLE_JS = """(html) => {
  const article = document.querySelector('article.md-content__inner');
  article.insertAdjacentHTML('afterbegin', html);
  const rgb = (s) => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const get = (sel) => getComputedStyle(document.querySelector(sel));
  const box = get('#t-box'), note = get('#t-note'), title = get('#t-box > .admonition-title');
  return {line: box.borderLeftColor, style: box.borderTopStyle, note: note.borderLeftColor,
          noteStyle: note.borderTopStyle, fg: rgb(title.color), bg: rgb(title.backgroundColor),
          alpha: (title.backgroundColor.match(/[\\d.]+/g)[3] || '1')};
}"""
SAMPLE = ('<div class="admonition tolkning" id="t-box"><p class="admonition-title">Vår tolkning</p><p>x</p></div>'
          '<div class="admonition note" id="t-note"><p class="admonition-title">Bra att veta</p><p>y</p></div>')


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_box_is_distinct_and_readable(page, base_url, scheme):
    """In Chromium, light and dark: the box differs from a note and its title has at least 4.5:1 contrast."""
    page.goto(base_url)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    s = page.evaluate(STYLE_JS, SAMPLE)
    assert (s["line"], s["style"]) != (s["note"], s["noteStyle"]), f"the tolkning box looks like a note: {s}"
    assert float(s["alpha"]) == 1, f"the title band should be opaque to keep its contrast fixed: {s}"
    assert _contrast(s["fg"], s["bg"]) >= 4.5, f"title contrast {_contrast(s['fg'], s['bg']):.2f}:1 in {scheme}: {s}"


def boxes_in_one_language(pages):
    """Messages for each page whose translation holds a different number of tolkning boxes."""
    count = {(p.lang, p.url_path):
             len(sitetext.article(p).xpath(".//*[contains(concat(' ', @class, ' '), ' tolkning ')]"))
             for p in pages if sitetext.article(p) is not None}
    return [f"{sitetext.source_file(p)}: {count['sv', p.url_path]} box(es), the English page "
            f"{count.get(('en', p.url_path))}" for p in pages
            if p.lang == "sv" and count.get(("en", p.url_path)) != count[("sv", p.url_path)]]


def test_the_language_check_counts_boxes():
    box = '<div class="admonition tolkning"><p class="admonition-title">T</p><p>x</p></div>'
    sv, en = _page(box + box), _page(box, "en")
    assert len(boxes_in_one_language([sv, en])) == 1 and not boxes_in_one_language([_page(box), en])


def test_both_languages_mark_the_same_readings(pages):
    """A page and its translation hold the same number of tolkning boxes (our reading is ours in both languages)."""
    differ = boxes_in_one_language(pages)
    assert not differ, "Our reading marked in one language only:\n" + "\n".join(differ)
