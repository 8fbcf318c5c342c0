"""The accessibility tree under test (issue 17): Playwright's ARIA snapshot of each page template in both languages.

Checked on the full snapshot: the landmarks (banner, main, contentinfo, navigation), one level-1 heading, no heading
level skipped; a name for every link and control (in Chromium's own tree, over CDP); in the DOM: the language switch
links carry the target's lang and hreflang, and the target page is in that language.
The template's structure (landmarks, headings, links and controls outside the article; only headings inside it, so an
edit of a page's text does not change it) is compared with tests/browser/aria/<template>-<lang>.yml, committed so a
change to the tree shows in review. After a deliberate change: `UPDATE_ARIA=1 SITE_DIR=… pytest
tests/browser/test_aria.py`, then look at `git diff tests/browser/aria/` and commit it.
"""
import os
import re
from pathlib import Path

import pytest
from conftest import LANGS, open_guarded_page, wait_until_still
from lxml import html as lxml_html
from search_eval import WATCH_WORKER

SNAPSHOTS = Path(__file__).parent / "aria"
UPDATE = os.environ.get("UPDATE_ARIA") == "1"
PHONE = {"width": 390, "height": 844}
CONTENT_PAGE = "tsl/vad-ar-tsl/"        # a content page with a table of contents
QUERY = {"sv": "tillit", "en": "trust"}
LANDMARKS = ("banner", "main", "contentinfo", "navigation")
CONTROLS = {"link", "button", "textbox", "searchbox", "checkbox", "radio", "combobox", "switch", "tab", "menuitem",
            "slider", "spinbutton", "option"}
STRUCTURE = {"banner", "main", "contentinfo", "navigation", "search", "complementary", "region", "dialog", "form",
             "article", "heading"} | CONTROLS
LINE = re.compile(r"^(\s*)- '?(\w+)(?: \"((?:[^\"\\]|\\.)*)\")?(?: \[([^\]]*)\])?")


def _root(lang):
    return "" if lang == LANGS[0] else f"{lang}/"


def _open(pg, base_url, lang, template):
    root = _root(lang)
    if template == "start":
        pg.goto(base_url + root, wait_until="load")
    elif template == "content":
        pg.goto(base_url + root + CONTENT_PAGE, wait_until="load")
    elif template == "glossary":
        pg.goto(base_url + root + "ordlista/", wait_until="load")
    elif template == "404":
        pg.goto(base_url + root + "404.html", wait_until="load")
    elif template == "search":
        pg.add_init_script(WATCH_WORKER)
        pg.goto(base_url + root, wait_until="load")
        pg.keyboard.press("/")
        pg.locator("input.md-search__input").wait_for(state="visible")
        pg.wait_for_function("() => __search.ready", timeout=15_000)
        pg.keyboard.type(QUERY[lang])
        pg.locator("li.md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    elif template == "phone-menu":
        pg.goto(base_url + root + CONTENT_PAGE, wait_until="load")
        pg.locator("button.tillit-menu-button").click()
        pg.wait_for_function("document.getElementById('__drawer').checked")
        wait_until_still(pg)   # the drawer has slid in


def parse(snapshot):
    """(depth, role, name or None, attributes) for each node line of an ARIA snapshot."""
    nodes = []
    for line in snapshot.splitlines():
        m = LINE.match(line)
        if m and not line.strip().startswith("- /"):
            nodes.append((len(m.group(1)) // 2, m.group(2), m.group(3), m.group(4) or ""))
    return nodes


def structure(nodes):
    """The template's skeleton: structural nodes only, inside <article> only its headings; depth re-counted."""
    out, kept, article_depth = [], [], None
    for depth, role, name, attrs in nodes:
        while kept and kept[-1] >= depth:
            kept.pop()
        if article_depth is not None and depth <= article_depth:
            article_depth = None
        if role not in STRUCTURE or (article_depth is not None and role != "heading"):
            continue
        label = f'{role} "{name}"' if name is not None else role
        out.append("  " * len(kept) + f"- {label}" + (f" [{attrs}]" if attrs else ""))
        kept.append(depth)
        if role == "article":
            article_depth = depth
    return "\n".join(out) + "\n"


def chromium_unnamed(pg):
    """Controls without a name in Chromium's own accessibility tree (what a screen reader gets; Playwright's snapshot
    computes names itself and leaves a link around an <article>, as in search results, unnamed)."""
    cdp = pg.context.new_cdp_session(pg)
    try:
        tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [n["role"]["value"] for n in tree if not n.get("ignored") and n.get("role", {}).get("value") in CONTROLS
            and not str(n.get("name", {}).get("value", "")).strip()]


def problems_in(nodes, unnamed=()):
    roles = [role for _, role, _, _ in nodes]
    found = [f"no {landmark} landmark" for landmark in LANDMARKS if landmark not in roles]
    levels = [int(re.search(r"level=(\d)", attrs).group(1)) for _, role, _, attrs in nodes
              if role == "heading" and "level=" in attrs]
    if levels.count(1) != 1:
        found.append(f"{levels.count(1)} level-1 headings")
    found += [f"heading level {a} followed by {b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    found += [f"{role} without a name" for role in unnamed]
    return found


TEMPLATES = ["start", "content", "glossary", "search", "phone-menu", "404"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_aria_tree_of_each_template(browser, base_url, lang, template):
    viewport = PHONE if template == "phone-menu" else {"width": 1280, "height": 900}
    context, pg, guard = open_guarded_page(browser, viewport=viewport)
    try:
        _open(pg, base_url, lang, template)
        nodes = parse(pg.locator("body").aria_snapshot())
        found = problems_in(nodes, chromium_unnamed(pg))
        assert not found, f"{template} ({lang}): " + "; ".join(found)
        if template == "search":   # the shape of the result list, not which pages match: two results are enough
            pg.locator("li.md-search-result__item").evaluate_all("items => items.slice(2).forEach(i => i.remove())")
            nodes = parse(pg.locator("body").aria_snapshot())
        shape = structure(nodes)
        path = SNAPSHOTS / f"{template}-{lang}.yml"
        if UPDATE or not path.exists():
            path.parent.mkdir(exist_ok=True)
            path.write_text(shape, encoding="utf-8")
        assert shape == path.read_text(encoding="utf-8"), (
            f"{path.relative_to(Path(__file__).parents[2])}: the accessibility tree of the {template} template "
            f"changed. If that is intended: UPDATE_ARIA=1 pytest tests/browser/test_aria.py, "
            "check git diff tests/browser/aria/, commit.")
        assert not guard.problems(), guard.problems()
    finally:
        context.close()


def test_the_checks_find_missing_names_landmarks_and_skipped_levels():
    """Positive control for problems_in and structure on a hand-written snapshot."""
    bad = parse('- banner:\n  - link:\n    - /url: x\n- main:\n  - heading "A" [level=1]\n  - heading "B" [level=3]\n'
                '  - button\n  - heading "C" [level=1]\n')
    found = problems_in(bad, ["link", "button"])
    assert "no contentinfo landmark" in found and "2 level-1 headings" in found
    assert "heading level 1 followed by 3" in found and "link without a name" in found
    assert "button without a name" in found
    assert structure(parse('- main:\n  - article:\n    - paragraph: x\n'
                           '    - link "y"\n    - heading "H" [level=1]\n')) \
        == '- main\n  - article\n    - heading "H" [level=1]\n'


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_links_carry_the_targets_language(site_dir, lang):
    page = site_dir / _root(lang) / CONTENT_PAGE / "index.html"
    links = lxml_html.fromstring(page.read_bytes()).xpath("//a[contains(@class,'md-select__link')]")
    assert len(links) == len(LANGS), f"{page}: {len(links)} language links"
    for a in links:
        assert a.get("lang") and a.get("lang") == a.get("hreflang"), f"{page}: {lxml_html.tostring(a)[:120]}"
        target = (page.parent / a.get("href")).resolve() / "index.html"
        target_lang = lxml_html.fromstring(target.read_bytes()).get("lang")
        assert target_lang == a.get("hreflang"), f"{a.get('href')} is {target_lang}, the link says {a.get('hreflang')}"
