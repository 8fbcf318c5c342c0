"""The reading path for elected officials (issue 28, R7): every step page says which step it is, links the previous and
next step and the overview, Material's menu-ordered footer does not contradict it, and the last step has an end.
The oracle is the built overview page itself: its steg- sections in order, and the pages each one's first paragraph
links.
"""
import re
from urllib.parse import urljoin

import pytest
from conftest import LANGS

OVERVIEW = "fortroendevalda/"
BOX = "//nav[contains(concat(' ', @class, ' '), ' tillit-path ')]"   # the step box
LABEL = {"sv": "Steg {n} av {total}", "en": "Step {n} of {total}"}


def _resolve(page, href):
    """A link on a built page -> (site path of the page it opens, fragment)."""
    url = urljoin("http://x/" + page.rel, href).removeprefix("http://x/")
    path, _, fragment = url.partition("#")
    return (path if path.endswith(".pdf") else path.removesuffix("index.html")), fragment


def _steps(pages, lang):
    """[(section id, [site paths of its pages])] from the built overview page, in reading order."""
    overview = next(p for p in pages if p.lang == lang and p.url_path == OVERVIEW)
    found = []
    for h2 in overview.tree.xpath('//article//h2[starts-with(@id, "steg-")]'):
        first = h2.xpath("following-sibling::p[1]")[0]
        targets = [_resolve(overview, a.get("href"))[0] for a in first.xpath(".//a[@href]")]
        found.append((h2.get("id"), [t for t in dict.fromkeys(targets) if not t.endswith(".pdf")]))
    return overview, found


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_page_shows_its_step_and_links_the_path(pages, lang):
    overview, steps = _steps(pages, lang)
    assert len(steps) == 7, f"the overview {overview.rel} should have seven steg- sections, has {len(steps)}"
    by_path = {p.rel.removesuffix("index.html"): p for p in pages}
    problems = []
    for number, (section, targets) in enumerate(steps, 1):
        assert targets, f"{overview.rel}: step {section} links no page"
        for target in targets:
            page = by_path[target]
            label = LABEL[lang].format(n=number, total=len(steps))
            labels = page.tree.xpath('//p[contains(@class,"tillit-path-label")]')
            top = " ".join(" ".join(p.text_content().split()) for p in labels)
            if label not in top:
                problems.append(f"{page.rel}: no '{label}' above the title (found {top!r})")
            box = page.tree.xpath(BOX)
            if not box:
                problems.append(f"{page.rel}: no step box")
                continue
            box = box[0]
            links = {a.get("rel"): _resolve(page, a.get("href"))[0] for a in box.xpath(".//a[@rel]")}
            expected = {"prev": steps[number - 2][1][0] if number > 1 else None,
                        "next": steps[number][1][0] if number < len(steps) else None}
            for rel, want in expected.items():
                if links.get(rel) != want:
                    problems.append(f"{page.rel}: {rel} leads to {links.get(rel)}, expected {want}")
            back = [_resolve(page, a.get("href")) for a in box.xpath('.//li[@class="tillit-path__overview"]/a')]
            if back != [(overview.rel.removesuffix("index.html"), section)]:
                problems.append(f"{page.rel}: the overview link is {back}, expected {overview.rel}#{section}")
            # Material's Previous/Next follows the menu: not shown on a step page
            footer = page.tree.xpath('//nav[contains(@class, "md-footer__inner")][not(@hidden)]//a')
            if footer:
                problems.append(f"{page.rel}: Material's footer navigation is still shown")
            if len(targets) > 1:   # a step of several pages names the others to choose from
                others = {_resolve(page, a.get("href"))[0] for a in box.xpath(".//p/a[not(@rel)]")}
                missing = set(targets) - {target} - others
                if missing:
                    problems.append(f"{page.rel}: the step box does not offer {sorted(missing)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_last_step_ends_the_path(pages, lang):
    overview, steps = _steps(pages, lang)
    last = next(p for p in pages if p.rel.removesuffix("index.html") == steps[-1][1][0])
    end = last.tree.xpath(BOX + '//div[@class="tillit-path__end"]')
    assert end, f"{last.rel}: the last step has no end"
    text = " ".join(end[0].text_content().split())
    assert re.search({"sv": r"hela läsvägen", "en": r"finished the reading path"}[lang], text), text
    targets = [_resolve(last, a.get("href")) for a in end[0].xpath(".//a[@href]")]
    want = (overview.rel.removesuffix("index.html"), "infor-nasta-mote")
    assert want in targets, f"{last.rel}: the end should lead to {want}, has {targets}"
    assert overview.tree.xpath('//h2[@id="infor-nasta-mote"]'), f"{overview.rel} has no #infor-nasta-mote"
    assert not last.tree.xpath(BOX + '//a[@rel="next"]'), f"{last.rel}: a next step after the last"


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_leads_to_the_golden_zone_in_one_step(pages, lang):
    home = next(p for p in pages if p.lang == lang and p.url_path == "")
    links = [(a.text_content(), _resolve(home, a.get("href"))) for a in home.tree.xpath("//article//a[@href]")]
    golden = [text for text, (path, fragment) in links
              if path.endswith("fortroendevalda/politikerrollen/") and fragment == "gyllene-zonen"]
    assert golden, f"{home.rel}: no link to the golden zone section"
    assert re.search({"sv": "gyllene zon", "en": "golden zone"}[lang], golden[0], re.I), golden


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_leads_to_step_1_not_to_the_menus_next_page(pages, lang):
    """R7: on the overview, "next" is step 1 (Material's footer, in menu order, offered step 5)."""
    overview, steps = _steps(pages, lang)
    nexts = [_resolve(overview, a.get("href"))[0] for a in overview.tree.xpath(BOX + '//a[@rel="next"]')]
    assert nexts == [steps[0][1][0]], nexts
    assert not overview.tree.xpath('//nav[contains(@class, "md-footer__inner")][not(@hidden)]//a')
