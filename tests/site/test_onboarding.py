"""The onboarding pages for elected officials: the learning path, the workshop kit, links to the PDF pack,
sources; and how any page prints from the browser."""
import re
from urllib.parse import urljoin

import pytest
from conftest import LANGS, ROOT, idle_search_worker
from lxml import html as lxml_html
from mkdocs.utils import yaml_load

with open(ROOT / "mkdocs.yml", encoding="utf-8") as _f:
    _EXTRA = yaml_load(_f)["extra"]
PACK = _EXTRA["onboarding_pdf"]
CARDS = _EXTRA["card_pdf"]   # the workshop's card set (tillit/cards.py)

# The pages the learning path must lead through (issue 4).
PATH_TARGETS = ["tsl/vad-ar-tsl/", "tsl/tillitsdelegationen/", "tsl/tillit-och-kontroll/", "kommuner/falkoping/",
                "kommuner/boras/", "kommuner/bollebygd/", "fortroendevalda/politikerrollen/",
                "fortroendevalda/workshop/", "fortroendevalda/checklista/", "ordlista/"]
MINUTES = {"sv": r"\b(\d+) minuter\b", "en": r"\b(\d+) minutes\b"}


def _page(pages, lang, url_path):
    return next(p for p in pages if p.lang == lang and p.url_path == url_path)


def _sections(article):
    """h2 id -> the elements after that h2, up to the next h2 (the page's text ends where the theme's parts start: the
    last-updated line, then the step box, change notes, owner, feedback)."""
    out, current = {}, None
    for el in article.iterchildren():
        if "md-source-file" in (el.get("class") or "").split():
            break
        if el.tag == "h2":
            current = out.setdefault(el.get("id"), [])
        elif current is not None:
            current.append(el)
    return out


def _resolve(page, href):
    """A link on a built page -> path relative to the site root (no fragment)."""
    return urljoin("http://x/" + page.rel, href).split("#")[0].removeprefix("http://x/")


@pytest.mark.parametrize("lang", LANGS)
def test_learning_path_has_5_to_7_complete_steps(pages, lang):
    article = _page(pages, lang, "fortroendevalda/").tree.xpath("//article")[0]
    steps = {k: v for k, v in _sections(article).items() if k.startswith("steg-")}
    assert 5 <= len(steps) <= 7, f"{lang}: {len(steps)} steps"
    for step_id, body in steps.items():
        text = " ".join(el.text_content() for el in body)
        assert re.search(MINUTES[lang], text), f"{lang} #{step_id}: no reading time in minutes"
        lists = [el for el in body if el.tag == "ol"]
        assert lists and len(lists[0].xpath("./li")) == 3, f"{lang} #{step_id}: not three things to take away"
        details = [el for el in body if el.tag == "details"]
        assert len(details) == 1, f"{lang} #{step_id}: needs one details block with the self-check"
        summary = details[0].xpath("./summary")
        answer = "".join(details[0].xpath("./*[not(self::summary)]//text()")).strip()
        assert summary and summary[0].text_content().strip().endswith("?") and answer, \
            f"{lang} #{step_id}: the details block needs a question as summary and an answer inside"
        assert body[0].xpath(".//a[@href]"), f"{lang} #{step_id}: no page to read"


@pytest.mark.parametrize("lang", LANGS)
def test_learning_path_leads_through_the_site(pages, lang):
    page = _page(pages, lang, "fortroendevalda/")
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    linked = {_resolve(page, href) for href in page.tree.xpath("//article//a/@href")}
    missing = [t for t in PATH_TARGETS if prefix + t not in linked]
    assert not missing, f"{lang}: the learning path does not link {missing}"
    # the steps' reading times add up to about the half hour the page promises a new official
    steps = [v for k, v in _sections(page.tree.xpath("//article")[0]).items() if k.startswith("steg-")]
    minutes = [int(re.search(MINUTES[lang], " ".join(el.text_content() for el in body)).group(1)) for body in steps]
    assert 20 <= sum(minutes) <= 45, f"{lang}: reading times {minutes}"


@pytest.mark.parametrize("lang", LANGS)
def test_onboarding_pages_link_their_own_language_pdf(pages, site_dir, lang):
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    pdf = prefix + PACK["file"].format(lang=lang)
    assert (site_dir / pdf).exists()
    own = [p for p in pages if p.lang == lang and p.url_path.startswith("fortroendevalda/")]
    assert own
    for page in own:
        targets = {_resolve(page, h) for h in page.tree.xpath("//article//a/@href")}
        assert pdf in targets, f"{page.rel}: no link to {pdf}"
        # the workshop's card set (extra.card_pdf) in the same language is the only other PDF a page may link
        cards = prefix + CARDS["file"].format(lang=lang)
        assert not [t for t in targets if t.endswith(".pdf") and t not in (pdf, cards)], \
            f"{page.rel}: links another PDF"


@pytest.mark.parametrize("lang", LANGS)
def test_workshop_agenda_is_a_timed_day(pages, lang):
    article = _page(pages, lang, "fortroendevalda/workshop/").tree.xpath("//article")[0]
    table = _sections(article)["schema"]
    rows = [r for t in table for r in t.xpath(".//tbody/tr")]
    assert rows, f"{lang}: no agenda table"
    slots = []
    for row in rows:
        match = re.fullmatch(r"(\d\d)[.:](\d\d)–(\d\d)[.:](\d\d)", row.xpath("./td")[0].text_content().strip())
        assert match, f"{lang}: agenda row without a time span: {row.text_content()!r}"
        h1, m1, h2, m2 = map(int, match.groups())
        slots.append((h1 * 60 + m1, h2 * 60 + m2))
    assert all(start < end for start, end in slots)
    gaps = [(a, b) for a, b in zip(slots, slots[1:]) if a[1] != b[0]]
    assert not gaps, f"{lang}: agenda slots do not follow each other: {gaps}"
    assert slots[-1][1] - slots[0][0] >= 6 * 60, f"{lang}: not a full day"
    # every exercise in the agenda links to its instructions on the page
    ids = set(article.xpath(".//@id"))
    for href in table[0].xpath(".//a/@href") if table else []:
        assert href.lstrip("#") in ids, f"{lang}: agenda links to missing #{href}"
    exercises = [h for h in article.xpath(".//h3/@id") if h.startswith("ovning-")]
    assert 4 <= len(exercises) <= 6


@pytest.mark.parametrize("lang", LANGS)
def test_workshop_budget_has_bollebygds_figures(pages, lang):
    article = _page(pages, lang, "fortroendevalda/workshop/").tree.xpath("//article")[0]
    rows = [r for el in _sections(article)["budget"] for r in el.xpath(".//tbody/tr")]

    def amount(row):
        digits = re.sub(r"[^\d]", "", row.xpath("./td")[1].text_content())
        return int(digits) if digits else None

    amounts = [amount(r) for r in rows]
    items, total = [a for a in amounts[:-1] if a], amounts[-1]
    # Bollebygd KSAU §134: venue and lunch for 30 about 45 tkr, facilitator about 25 tkr, about 70 tkr in all
    assert {45000, 25000} <= set(items) and total == 70000
    assert sum(items) == total, f"{lang}: the items do not add up to the total"
    assert all(len(r.xpath("./td")) == 3 for r in rows), f"{lang}: the budget needs an empty column for your figures"


@pytest.mark.parametrize("lang", LANGS)
def test_onboarding_pages_end_with_their_sources(pages, site_dir, lang):
    kallor = lxml_html.fromstring(
        (site_dir / (("" if lang == LANGS[0] else f"{lang}/") + "kallor/index.html")).read_bytes())
    source_ids = set(kallor.xpath("//article//@id"))
    for page in [p for p in pages if p.lang == lang and p.url_path.startswith("fortroendevalda/")]:
        h2 = page.tree.xpath("//article/h2/@id")
        assert h2[-1] == "kallor", f"{page.rel}: the last section is not #kallor"
        links = _sections(page.tree.xpath("//article")[0])["kallor"]
        hrefs = [h for el in links for h in el.xpath(".//a/@href")]
        assert hrefs, f"{page.rel}: no sources listed"
        for href in hrefs:
            assert "kallor/" in href and href.split("#")[1] in source_ids, f"{page.rel}: source link {href}"


@pytest.mark.browser
def test_every_page_prints_without_site_chrome(page, base_url, pages):
    page.set_viewport_size({"width": 794, "height": 1123})   # A4 at 96 dpi
    page.emulate_media(media="print")
    idle = idle_search_worker(page.context)   # nothing is searched here
    for p in pages:
        page.goto(base_url + p.rel.removesuffix("index.html"))
        for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
            assert not page.locator(chrome).first.is_visible(), f"{p.rel}: {chrome} shows in print"
        assert page.locator("article h1").is_visible()
        # the article starts at the top of the paper with the page's address line (R21), then the title: nothing
        # hidden above them takes space
        line = page.locator("article .tillit-print-address").bounding_box()
        assert line and line["y"] < 120, f"{p.rel}: space above the address line ({line})"
        gap = page.locator("article h1").bounding_box()["y"] - (line["y"] + line["height"])
        assert gap < 90, f"{p.rel}: space above the title ({gap:.0f} px under the address line)"
        # closed details blocks (self-check answers) print open
        for details in page.locator("article details").all():
            assert details.locator("summary ~ *").first.is_visible(), f"{p.rel}: a details block prints closed"
        # tables fit the paper width instead of scrolling
        for wrap in page.locator("article .md-typeset__scrollwrap").all():
            assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1"), f"{p.rel}: a table is cut off"
    assert len(idle) == len(pages), len(idle)


@pytest.mark.browser
@pytest.mark.parametrize("url_path", ["fortroendevalda/", "en/fortroendevalda/workshop/"])
def test_printed_links_show_their_address(page, base_url, url_path):
    page.goto(base_url + url_path)
    page.emulate_media(media="print")
    printed = ":not(.headerlink):not(.tillit-no-print a)"   # the feedback box is not printed
    links = page.locator(f"article p a[href]{printed}, article li a[href]{printed}")
    assert links.count() > 0
    for link in links.all():
        if not link.is_visible():   # not on paper (the step box, the phone's list of sections)
            continue
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert base_url in after, f"{url_path}: link target not printed after {link.inner_text()!r} ({after})"
    # in-page links (the agenda's exercise links) are not spelled out
    for link in page.locator("article a[href^='#']:not(.headerlink)").all():
        assert link.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
