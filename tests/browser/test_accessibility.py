"""WCAG 2.2 A/AA: axe-core and IBM Equal Access on each page (both languages, 1280/390 px, light/dark, search and phone
menu open), the Nu checker, keyboard-only use."""
import json
import re
import subprocess

import pytest
from conftest import (
    CSP_LISTENER,
    ROOT,
    idle_search_worker,
    node_file,
    open_guarded_page,
    run_axe,
    run_ibm,
    wait_for_steady,
    wait_until_still,
)
from lxml import html as lxml_html
from search_eval import WATCH_WORKER

from tillit.site import language_of

WIDTHS = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}
SCHEMES = {"light": "default", "dark": "slate"}   # prefers-color-scheme -> Material palette scheme
NOT_FOUND = ["404.html", "en/404.html"]           # the per-language 404 pages are pages readers see too


def every_url(pages, lang=None):
    """The pages' addresses and the 404 pages (of one language, or both)."""
    not_found = [rel for rel in NOT_FOUND if lang in (None, language_of(rel))]
    return [p.rel.removesuffix("index.html") for p in pages] + not_found


def kinds(page, per_language):
    """Every kind of element on a page: its tag, and its tag with each class (in its language, when asked)."""
    found = {(e.tag, c) for e in page.tree.iter() if isinstance(e.tag, str) for c in [None, *e.classes]}
    return {(page.lang, *k) for k in found} if per_language else found


def covering(pages, per_language):
    """The fewest pages (greedily) that together show every kind of element any page has: a palette or a width is a
    style of each kind of element, so the sweeps after the first check each kind once (per language at another width,
    where the words' length changes the layout) rather than every page again."""
    by_rel, remaining = {p.rel: p for p in pages}, {p.rel: kinds(p, per_language) for p in pages}
    needed, chosen = set().union(*remaining.values()), []
    while needed:
        rel = max(sorted(remaining), key=lambda r: len(remaining[r] & needed))
        chosen.append(by_rel[rel])
        needed -= remaining.pop(rel)
    return chosen


@pytest.mark.parametrize("per_language", [False, True])
def test_the_later_sweeps_see_every_kind_of_element_on_fewer_pages(pages, per_language):
    chosen = covering(pages, per_language)
    seen = set().union(*(kinds(p, per_language) for p in chosen))
    missing = set().union(*(kinds(p, per_language) for p in pages)) - seen
    assert not missing, f"no page of the sample has {sorted(missing)[:10]}"
    assert len(chosen) < len(pages) and len({p.rel for p in chosen}) == len(chosen), [p.rel for p in chosen]
    assert not per_language or {p.lang for p in chosen} == {p.lang for p in pages}


# the first width and palette sweep every page, one language a test (so two processes share it); the others sweep
# covering(): per language at another width, where the words' length changes the layout
SWEEPS = [("1280", "light", "sv"), ("1280", "light", "en"), ("1280", "dark", None), ("390", "light", None),
          ("390", "dark", None)]


@pytest.mark.browser
@pytest.mark.parametrize("width,scheme,lang", SWEEPS)
def test_no_engine_finds_a_violation_on_any_page(browser, tsl_site, pages, axe_source, ibm_source, width, scheme,
                                                 lang):
    """One Chromium sweep per width and palette of the /tsl/ build behind nginx, as on an intranet server (CSP and
    all): the pages (SWEEPS) and the 404 pages answer 200, make no request to another host, break no CSP rule, link
    only under /tsl/, log no console error or exception (the guard), and neither axe nor IBM Equal Access finds a
    violation. The first sweep also waits for every page's search index; the others give the page an idle search
    worker (the index does not depend on width or palette, and building it is a third of a page's time in Chromium)."""
    context, pg, guard = open_guarded_page(browser, viewport=WIDTHS[width], color_scheme=scheme)
    pg.add_init_script(WATCH_WORKER)
    pg.add_init_script(CSP_LISTENER)
    pg.add_init_script(axe_source)   # added by the browser, not by the page: the CSP allows no inline script
    pg.add_init_script(ibm_source)
    checks_search = lang is not None
    swept = [p for p in pages if p.lang == lang] if lang else covering(pages, per_language=width != SWEEPS[0][0])
    idle_workers = [] if checks_search else idle_search_worker(context)
    problems, checked = [], 0
    pg.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    try:
        urls = every_url(swept, lang)
        for url in urls:
            response = pg.goto(tsl_site + url, wait_until="load")     # every script has run (no navigation.instant)
            assert response.status == 200, url
            if checks_search:
                pg.wait_for_function("() => __search.ready", timeout=15_000)   # the worker's index is the last fetch
            # the palette really follows the reader's system setting (so both palettes are what gets checked)
            assert pg.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], url
            problems += [f"/{url} [{width}px {scheme}] {v}" for v in run_axe(pg, axe_source) + run_ibm(pg)]
            problems += [f"/{url}: CSP: {v}" for v in pg.evaluate("window.__csp")]
            problems += [f"/{url}: link leaves /tsl/: {href}"
                         for href in pg.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
                         if href.startswith("http://127.0.0.1") and "/tsl/" not in href]
            checked += 1
    finally:
        context.close()
    assert checked == len(urls) > len(swept)
    assert checks_search or len(idle_workers) == checked, f"the idle worker replaced {len(idle_workers)} of {checked}"
    assert not problems, f"{len(problems)} problems (WCAG 2.2 A/AA, CSP, links):\n" + "\n".join(problems)
    assert not guard.problems(), guard.problems()


SEARCHES = [("sv", "tillit"), ("sv", "grazzoon"), ("en", "trust"), ("en", "palinrdomee")]   # results, "did you mean"
# each width and palette opens two searches in turn (one with results, one that finds nothing); each search opens twice
OPEN_SEARCHES = [(width, scheme, *SEARCHES[(i + k) % len(SEARCHES)])
                 for i, (width, scheme) in enumerate((w, s) for w in WIDTHS for s in SCHEMES) for k in (0, 1)]


@pytest.mark.browser
@pytest.mark.parametrize("width,scheme,lang,query", OPEN_SEARCHES)
def test_no_engine_finds_a_violation_in_open_search(browser, base_url, axe_source, ibm_source, width, scheme, lang,
                                                    query):
    """The search dialog with results (or, for a query that finds nothing, "did you mean" and its links) is only in
    the DOM after typing: check it open."""
    context, pg, guard = open_guarded_page(browser, viewport=WIDTHS[width], color_scheme=scheme)
    pg.add_init_script(ibm_source)
    try:
        pg.goto(base_url + ("en/" if lang == "en" else ""))
        pg.keyboard.press("/")
        pg.keyboard.type(query)
        pg.locator(".md-search-result__item, .tillit-search-help a[data-tillit-query]").first.wait_for(timeout=10_000)
        assert pg.get_attribute(".md-search", "aria-label"), "the search dialog has no accessible name"
        problems = run_axe(pg, axe_source) + run_ibm(pg)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert not guard.problems(), guard.problems()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_engine_finds_a_violation_in_the_open_phone_menu(browser, base_url, axe_source, ibm_source, scheme):
    """The phone menu is only drawn when it is open: on a page of each kind, open it (and, on a section's page, its
    sub-menu, from the section's own arrow) and check it."""
    context, pg, guard = open_guarded_page(browser, viewport=WIDTHS["390"], color_scheme=scheme)
    pg.add_init_script(axe_source)
    pg.add_init_script(ibm_source)
    problems = []
    try:
        for url in ("", "tsl/vad-ar-tsl/", "en/fortroendevalda/", "en/ordlista/", "kommuner/boras/"):
            pg.goto(base_url + url)
            pg.click("button.tillit-menu-button")
            wait_until_still(pg)
            assert pg.evaluate("document.getElementById('__drawer').checked"), url
            problems += [f"/{url} [menu open, {scheme}] {v}" for v in run_axe(pg, axe_source) + run_ibm(pg)]
    finally:
        context.close()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    assert not guard.problems(), guard.problems()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_search_opens_from_the_header_with_its_icon_in_the_field(browser, base_url, width):
    """The header's search button (a label made a button, tillit.html) opens the search with the focus in the field,
    and the field's icon (still the label Material places by [for=__search]) sits inside the field."""
    context, pg, guard = open_guarded_page(browser, viewport=WIDTHS[width])
    try:
        pg.goto(base_url + "tsl/vad-ar-tsl/")
        button = pg.locator('.md-header button[data-tillit-toggle="__search"]')
        assert button.is_visible() == (width == "390"), f"the search button shows at {width} px: {button.is_visible()}"
        if width == "390":
            button.click()
        else:
            pg.click(".md-search__input")
        wait_until_still(pg)
        assert pg.evaluate("document.getElementById('__search').checked"), "the search did not open"
        assert pg.evaluate("document.activeElement.matches('.md-search__input')"), "the focus is not in the field"
        icon = pg.locator('.md-search__icon[for="__search"] svg:visible').bounding_box()
        field = pg.locator(".md-search__form").bounding_box()
        assert icon and field["x"] <= icon["x"] and icon["x"] + icon["width"] <= field["x"] + field["width"] \
            and field["y"] <= icon["y"] and icon["y"] + icon["height"] <= field["y"] + field["height"], (icon, field)
    finally:
        context.close()
    assert not guard.problems(), guard.problems()


def test_nu_checker_finds_no_error(site_dir, pages):
    """The Nu HTML checker (vnu.jar from npm, run with the machine's Java) on every HTML file of the build."""
    jar = node_file("vnu-jar/build/dist/vnu.jar")
    files = sorted(str(p) for p in site_dir.rglob("*.html"))
    assert len(files) >= len(pages) + len(NOT_FOUND)
    result = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split(str(site_dir))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    assert not errors, f"{len(errors)} Nu checker errors:\n" + "\n".join(errors[:50])
    assert result.returncode == 0, result.stderr[-2000:]


# --- keyboard only -------------------------------------------------------------------------------------------

FOCUS_INFO = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  // a visually hidden radio (the palette switch) shows its focus on the label that follows it
  const next = focused.nextElementSibling;
  const el = focused.tagName === 'INPUT' && next && next.tagName === 'LABEL'
             && getComputedStyle(focused).opacity === '0' ? next : focused;
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  return {tag: el.tagName, cls: el.className && el.className.baseVal === undefined ? el.className : '',
          text: (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40),
          href: focused.getAttribute('href'), hreflang: focused.getAttribute('hreflang'),
          outline: s.outlineStyle !== 'none' && (s.outlineStyle === 'auto' || parseFloat(s.outlineWidth) >= 2),
          shadow: s.boxShadow !== 'none',
          visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.bottom > 0 && r.top < innerHeight
                   && r.right > 0 && r.left < innerWidth,
          onTop: (() => { const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2),
                                                                r.top + r.height / 2);
                          return !!hit && (el.contains(hit) || hit.contains(el)); })()};
}"""


def tab_to(pg, predicate, limit=80):
    """Press Tab until predicate(focus info) holds; return every focus stop seen on the way."""
    stops = []
    for _ in range(limit):
        pg.keyboard.press("Tab")
        info = pg.evaluate(FOCUS_INFO)
        if info:
            stops.append(info)
            if predicate(info):
                return stops
    raise AssertionError(f"not reached with Tab in {limit} presses; stops: {[s['text'] for s in stops]}")


@pytest.fixture(params=list(WIDTHS))
def keyboard_page(request, browser):
    context, pg, guard = open_guarded_page(browser, viewport=WIDTHS[request.param])
    pg.width = request.param
    yield pg
    context.close()
    assert not guard.problems(), guard.problems()


@pytest.mark.browser
def test_first_tab_reaches_a_working_skip_link(keyboard_page, base_url, pages):
    pg = keyboard_page
    target = next(p for p in pages if p.lang == "sv" and p.url_path == "tsl/vad-ar-tsl/")
    pg.goto(base_url + target.url_path)
    pg.keyboard.press("Tab")
    info = pg.evaluate(FOCUS_INFO)
    assert info and "md-skip" in info["cls"], f"first Tab stop is not the skip link: {info}"
    assert info["visible"] and (info["outline"] or info["shadow"]), f"skip link not visibly focused: {info}"
    pg.keyboard.press("Enter")
    first_heading = target.tree.xpath("//article//h1/@id | //article//h2/@id")[0]
    assert pg.evaluate("location.hash") == "#" + first_heading
    # the next Tab continues inside the main content, not back at the header
    pg.keyboard.press("Tab")
    assert pg.evaluate("!!document.activeElement.closest('.md-content')"), pg.evaluate(FOCUS_INFO)


@pytest.mark.browser
def test_every_focus_stop_is_visible_and_marked(keyboard_page, base_url):
    pg = keyboard_page
    for start in ("tsl/vad-ar-tsl/", "en/ordlista/"):
        pg.goto(base_url + start)
        stops, bad = [], []
        for _ in range(200):
            pg.keyboard.press("Tab")
            info = pg.evaluate(FOCUS_INFO)
            if info is None or (stops and info == stops[0]):
                break
            stops.append(info)
            if not (info["outline"] or info["shadow"]):
                bad.append(f"no focus outline: {info}")
            elif not info["visible"]:
                bad.append(f"focused but not on screen: {info}")
        assert len(stops) >= 10, f"{start}: only {len(stops)} focus stops"
        assert not bad, f"{start} at {pg.width}px:\n" + "\n".join(bad)


@pytest.mark.browser
def test_search_is_reachable_and_usable_by_keyboard(keyboard_page, base_url):
    pg = keyboard_page
    pg.goto(base_url + "tsl/vad-ar-tsl/")
    tab_to(pg, lambda i: i["tag"] == "INPUT" and "md-search__input" in i["cls"]
           or i["tag"] == "LABEL" and "search" in i["text"].lower() or i["text"] in ("Sök",))
    if pg.evaluate("document.activeElement.tagName") != "INPUT":
        pg.keyboard.press("Enter")          # a search button opens the dialog and focuses its field
    assert pg.evaluate("document.activeElement.classList.contains('md-search__input')")
    # the dialog has finished opening (on a phone Material still moves the focus into the field while it does, and a
    # key typed before that lands in the wrong place on a busy machine)
    wait_until_still(pg)
    pg.keyboard.type("återremiss")
    assert pg.input_value(".md-search__input") == "återremiss"
    pg.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    pg.keyboard.press("ArrowDown")
    info = pg.evaluate(FOCUS_INFO)
    assert info["tag"] == "A" and info["visible"], f"ArrowDown did not move into the results: {info}"
    pg.keyboard.press("Enter")
    pg.wait_for_load_state()
    assert "återremiss" in pg.locator("article").inner_text().lower()
    assert pg.locator("html").get_attribute("lang") == "sv", "a Swedish search leads to a Swedish page"


@pytest.mark.browser
def test_language_switch_is_reachable_and_usable_by_keyboard(keyboard_page, base_url):
    """The switch keeps the page and the section (#hash) and leads to the other language's twin, and back."""
    pg = keyboard_page
    pg.goto(base_url + "tsl/vad-ar-tsl/#forhallningssatt")
    # navigation.tracking keeps the hash on the section in view: read it once the page has stopped scrolling
    settled = lambda: wait_for_steady(pg, "location.hash + ' ' + scrollY").split(" ")[0]
    settled()
    stops = tab_to(pg, lambda i: i["hreflang"] == "en")
    assert stops[-1]["visible"], f"the English link is focused but hidden: {stops[-1]}"
    section = settled()
    assert section, "the page lost its section"
    pg.keyboard.press("Enter")
    pg.wait_for_url(re.compile(rf"/en/tsl/vad-ar-tsl/{section}$"))
    assert pg.locator("html").get_attribute("lang") == "en"
    settled()
    tab_to(pg, lambda i: i["hreflang"] == "sv")
    section = settled()
    pg.keyboard.press("Enter")
    pg.wait_for_url(re.compile(re.escape(base_url) + rf"tsl/vad-ar-tsl/{section}$"))
    assert "/en/" not in pg.url and pg.locator("html").get_attribute("lang") == "sv"


MOTION = """() => {
  const secs = v => Math.max(...v.split(',').map(t => parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1)));
  let transition = 0, animation = 0;
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      transition = Math.max(transition, secs(s.transitionDuration));
      if (s.animationName !== 'none') animation = Math.max(animation, secs(s.animationDuration));
    }
  }
  return {transition, animation, scroll: getComputedStyle(document.documentElement).scrollBehavior};
}"""


@pytest.mark.browser
def test_reduced_motion_is_respected(browser, base_url):
    measured = {}
    for motion in ("no-preference", "reduce"):
        context, pg, guard = open_guarded_page(browser, reduced_motion=motion)
        pg.goto(base_url + "tsl/vad-ar-tsl/")
        measured[motion] = pg.evaluate(MOTION)
        context.close()
    # the theme does animate for readers who have not asked otherwise (so the measurement means something)
    assert measured["no-preference"]["transition"] > 0.05, measured
    reduced = measured["reduce"]
    assert reduced["transition"] <= 0.001 and reduced["animation"] <= 0.001, reduced
    assert reduced["scroll"] != "smooth", reduced


@pytest.mark.browser
def test_menu_button_shows_only_where_the_navigation_is_a_drawer(keyboard_page, base_url):
    pg = keyboard_page
    pg.goto(base_url + "tsl/vad-ar-tsl/")
    button = pg.locator("button.tillit-menu-button")
    assert button.count() == 1 and not pg.locator('.md-header label[for="__drawer"]').count()
    assert button.is_visible() == (pg.width == "390"), f"menu button visible at {pg.width}px: {button.is_visible()}"


@pytest.mark.browser
def test_phone_menu_opens_and_its_links_are_reachable_by_keyboard(browser, base_url):
    """On a phone the navigation is a drawer with sub-menus: every stop in it is on screen and not covered."""
    context, pg, guard = open_guarded_page(browser, viewport=WIDTHS["390"])
    in_drawer = "!!document.activeElement.closest('.md-sidebar--primary')"

    def drawer_stops():
        """Tab on into the drawer and through it; return its stops (and stop when focus leaves it)."""
        for _ in range(20):
            if pg.evaluate(in_drawer):
                break
            pg.keyboard.press("Tab")
        wait_until_still(pg)
        stops = [pg.evaluate(FOCUS_INFO)]
        for _ in range(40):
            pg.keyboard.press("Tab")
            wait_until_still(pg)                  # sub-menus slide in
            if not pg.evaluate(in_drawer):
                return stops
            stops.append(pg.evaluate(FOCUS_INFO))
        raise AssertionError("focus never left the drawer")

    try:
        pg.goto(base_url + "tsl/vad-ar-tsl/")
        stops = tab_to(pg, lambda i: i["tag"] == "BUTTON" and i["text"] == "Meny")
        assert stops[-1]["visible"] and (stops[-1]["outline"] or stops[-1]["shadow"]), stops[-1]
        # before opening, no navigation link can take focus (they are off-screen)
        assert not any("md-nav__link" in s["cls"] for s in stops), [s["text"] for s in stops]
        pg.keyboard.press("Enter")
        assert pg.evaluate("document.getElementById('__drawer').checked")
        # the drawer opens on the current section's sub-menu; the level it covers takes no focus
        stops = drawer_stops()
        hidden = [s for s in stops if not (s["visible"] and s["onTop"])]
        assert stops and not hidden, f"focus stops hidden in the drawer: {hidden}"
        assert any((s["href"] or "").endswith("tillitsdelegationen/") for s in stops), [s["text"] for s in stops]
        # back up one level with the sub-menu's title; other sections open as sub-menus there too (R8: no
        # navigation.prune): "Referens" opens, without leaving the page, on a list that holds "Källor"
        pg.keyboard.press("Shift+Tab")
        while pg.evaluate("document.activeElement.classList.contains('md-nav__title')") is False:
            pg.keyboard.press("Shift+Tab")
        pg.keyboard.press("Enter")
        wait_until_still(pg)
        section = tab_to(pg, lambda i: i["tag"] == "LABEL" and i["text"] == "Referens")[-1]
        assert section["visible"] and section["onTop"], section
        pg.keyboard.press("Enter")
        wait_until_still(pg)
        assert pg.url.endswith("/tsl/vad-ar-tsl/"), pg.url
        link = tab_to(pg, lambda i: "md-nav__link" in i["cls"] and (i["href"] or "").endswith("kallor/"))[-1]
        assert link["visible"] and link["onTop"], link
        pg.keyboard.press("Enter")
        pg.wait_for_url(re.compile(r"/kallor/$"))
    finally:
        context.close()
    assert not guard.problems(), guard.problems()


# --- the accessibility statement -------------------------------------------------------------------------------

def test_every_page_links_to_the_accessibility_statement(pages, site_dir):
    missing = []
    for p in pages + [type("P", (), {"rel": r, "lang": "en" if r.startswith("en/") else "sv"}) for r in NOT_FOUND]:
        tree = p.tree if hasattr(p, "tree") else lxml_html.fromstring((site_dir / p.rel).read_text(encoding="utf-8"))
        hrefs = tree.xpath('//footer//a[contains(@class,"tillit-a11y-link")]/@href')
        expected = ("en/" if p.lang == "en" else "") + "om/tillganglighet/"
        if not hrefs or not hrefs[0].endswith(expected):
            missing.append(f"{p.rel}: {hrefs}")
    assert not missing, missing


def test_statement_names_the_checks_that_actually_run(site_dir):
    """The statement's method must stay true: the tool versions pinned in package.json and requirements/ (the PDF/UA
    checkers), both widths, both palettes."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for req in ("docs.txt", "test.txt"):   # the PDF/UA checkers (tests/test_pdf_ua.py)
        pinned.update(re.findall(r"^(pdfua|pikepdf)==(\S+)$", (ROOT / "requirements" / req).read_text(), re.M))
    for rel, words in (("om/tillganglighet/index.html", ("ljust", "mörkt", "delvis förenlig")),
                       ("en/om/tillganglighet/index.html", ("light", "dark", "partially compliant"))):
        text = " ".join((site_dir / rel).read_text(encoding="utf-8").split())
        engine = "accessibility-checker-engine"
        for needle in (f"axe-core {pinned['axe-core']}", f"{engine} {pinned[engine]}", "WCAG 2.2", "3.2.1", "320",
                       "400", "24", f"Nu HTML Checker {pinned['vnu-jar']}",
                       f"Lighthouse {pinned['lighthouse']}", f"pdfua {pinned['pdfua']}", f"pikepdf {pinned['pikepdf']}",
                       "PDF/UA-1", *WIDTHS, *words, "https://www.digg.se/tdosanmalan"):
            assert needle in text, f"{rel} does not say {needle!r}"
