"""What the December reader trial (issue 28) found, as a reader meets it in Chromium: the copy confirmation you can see,
print that carries its address, contrast of the self-check's buttons and of the header's focus ring in both palettes
(colours computed by Chromium, WCAG ratio), abbreviations on touch, the phone's list of sections and menu sections.
"""
import re

import pytest
from conftest import open_guarded_page, wait_until_still

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
SCHEMES = ["light", "dark"]

# The WCAG contrast of an element's text against what is behind it: the first opaque background up its ancestors,
# with semi-transparent layers and the text's own alpha blended in.
CONTRAST = """([el, what]) => {
  const parse = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const layers = [];
  for (let n = el; n; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let bg = [255, 255, 255];
  for (let i = layers.length - 1; i >= 0; i--) {
    const c = layers[i]; bg = [0, 1, 2].map(k => c[k] * c[3] + bg[k] * (1 - c[3]));
  }
  const behind = el.closest('.md-header, .md-tabs');
  const own = what === 'outline' ? getComputedStyle(el).outlineColor : getComputedStyle(el).color;
  let fg = parse(own);
  if (what === 'outline' && behind) bg = parse(getComputedStyle(behind).backgroundColor).slice(0, 3);
  fg = [0, 1, 2].map(k => fg[k] * fg[3] + bg[k] * (1 - fg[3]));
  const lum = c => {
    const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return { ratio: (a + 0.05) / (b + 0.05), fg: own, bg: bg.map(Math.round).join(',') };
}"""


def _contrast(locator, what="text"):
    """Measured once the element's transitions (Material's buttons fade for 0.25 s) have finished."""
    locator.page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return locator.evaluate(f"el => ({CONTRAST})([el, {what!r}])")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_copy_shows_a_visible_confirmation(browser, base_url, lang):
    """R19: after Kopiera the reader sees "Kopierad!" beside the button; the live region still announces it."""
    prefix = "en/" if lang == "en" else ""
    context, pg, guard = open_guarded_page(browser, permissions=["clipboard-read", "clipboard-write"])
    try:
        pg.goto(f"{base_url}{prefix}om/lanka/kommuner/")
        for button in (pg.locator("button.tillit-copy").first, pg.locator("button.tillit-heading-copy").first):
            button.click()
            note = button.locator("xpath=following-sibling::*[contains(@class,'tillit-copied-note')]")
            note.wait_for(state="visible")
            assert note.inner_text().strip().endswith({"sv": "Kopierad!", "en": "Copied!"}[lang]), note.inner_text()
            assert _contrast(note)["ratio"] >= 4.5, _contrast(note)
            live = {"sv": "Länken är kopierad", "en": "Link copied"}[lang]
            pg.locator(".tillit-live").filter(has_text=live).wait_for()
        note.wait_for(state="detached", timeout=8_000)   # it goes away after a few seconds
    finally:
        context.close()
    assert not guard.problems(), guard.problems()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_printed_page_carries_its_address_section_and_date(page, base_url, lang):
    """R21: print media shows the published address (the canonical URL, with the section it was opened at) and the date
    the page last changed, in the page's language; the screen does not show that line."""
    prefix = "en/" if lang == "en" else ""
    page.goto(f"{base_url}{prefix}kommuner/falkoping/#gyllene-zonen")
    line = page.locator(".tillit-print-address")
    assert not line.is_visible(), "the print line shows on screen"
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert not canonical.startswith(base_url), canonical   # the published address, not the test server's
    page.emulate_media(media="print")
    assert line.is_visible()
    text = " ".join(line.inner_text().split())
    assert f"{canonical}#gyllene-zonen" in text, text
    changed = {"sv": r"Senast ändrad \d{1,2} [a-zåäö]+ 20\d\d", "en": r"Last changed \d{1,2} [A-Z][a-z]+ 20\d\d"}[lang]
    assert re.search(changed, text), text
    page.goto(f"{base_url}{prefix}kommuner/falkoping/")   # printed from the page's own address: no section
    page.emulate_media(media="print")
    assert re.search(re.escape(canonical) + r"(?!#)", page.locator(".tillit-print-address").inner_text())


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_selfcheck_buttons_meet_contrast_in_every_state(browser, base_url, scheme):
    """R12: "Svara", "Nästa ärende" (later "Börja om", the same button) at rest, hovered, focused, disabled: 4.5:1."""
    context, pg, guard = open_guarded_page(browser, color_scheme=scheme, **PHONE)
    results = []
    try:
        pg.goto(base_url + "fortroendevalda/ovning/")
        check = pg.locator(".tillit-selfcheck-ui button[type=submit]")
        results.append(("Svara", _contrast(check)))
        check.hover()
        results.append(("Svara hovered", _contrast(check)))
        pg.locator(".tillit-selfcheck-choice input").first.check()
        check.focus()
        pg.keyboard.press("Enter")
        nxt = pg.locator(".tillit-selfcheck-ui button[type=button]:not(.tillit-selfcheck-early)")
        nxt.wait_for(state="visible")
        assert check.is_disabled()
        results.append(("Svara disabled", _contrast(check)))
        pg.mouse.move(0, 0)
        results.append(("Nästa ärende", _contrast(nxt)))
        nxt.hover()
        results.append(("Nästa ärende hovered", _contrast(nxt)))
        nxt.focus()
        pg.keyboard.press("Shift+Tab")
        pg.keyboard.press("Tab")
        results.append(("Nästa ärende focused", _contrast(nxt)))
        check.hover()   # a finger stays on the disabled button: it must not look like the thing to press
        disabled = check.evaluate("b => getComputedStyle(b).backgroundColor")
        rest = nxt.evaluate("b => getComputedStyle(b).backgroundColor")
        assert disabled == rest or disabled in ("rgba(0, 0, 0, 0)", "transparent"), disabled
        results.append(("Svara disabled, hovered", _contrast(check)))
    finally:
        context.close()
    low = [(name, r) for name, r in results if r["ratio"] < 4.5]
    assert not low, f"{scheme}: {low}"
    assert not guard.problems(), guard.problems()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
def test_focus_ring_on_the_header_meets_3_to_1(browser, base_url, scheme):
    """R25: the focus outline of the header's and tabs' controls against the teal header, at least 3:1."""
    context, pg, guard = open_guarded_page(browser, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    seen = []
    try:
        pg.goto(base_url + "kommuner/falkoping/")
        for _ in range(30):
            pg.keyboard.press("Tab")
            focused = pg.locator(":focus")
            if focused.evaluate("el => !!el.closest('.md-header, .md-tabs')"):
                seen.append((focused.evaluate("el => el.textContent.trim().slice(0, 30) || el.className"),
                             _contrast(focused, "outline")))
            elif seen and pg.evaluate("!!document.activeElement.closest('.md-main')"):
                break
    finally:
        context.close()
    assert len(seen) >= 3, seen
    low = [s for s in seen if s[1]["ratio"] < 3]
    assert not low, f"{scheme}: {low}"


@pytest.mark.browser
def test_abbreviations_open_on_touch(browser, base_url):
    """R27: a tap on an abbreviation shows its expansion."""
    context, pg, guard = open_guarded_page(browser, **PHONE)
    try:
        pg.goto(base_url + "kommuner/bollebygd/")
        abbr = pg.locator("article abbr[title][tabindex]").first
        abbr.scroll_into_view_if_needed()
        before = abbr.evaluate("a => getComputedStyle(a, '::after').content")
        abbr.tap()
        after = abbr.evaluate("a => getComputedStyle(a, '::after').content")
        title = abbr.get_attribute("title")
        assert title not in before and title in after, (before, after)
    finally:
        context.close()
    assert not guard.problems(), guard.problems()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_long_pages_list_their_sections_on_the_phone(browser, base_url, lang):
    """R9: on a phone a long page lists its h2 sections under its introduction; each entry leads to its section."""
    prefix = "en/" if lang == "en" else ""
    for viewport, shown in ((PHONE, True), ({"viewport": {"width": 1280, "height": 900}}, False)):
        context, pg, guard = open_guarded_page(browser, **viewport)
        try:
            pg.goto(f"{base_url}{prefix}kommuner/falkoping/")
            toc = pg.locator("nav.tillit-page-toc")
            assert toc.is_visible() == shown, (viewport, toc.is_visible())
            if shown:
                ids = pg.eval_on_selector_all("article h2[id]", "hs => hs.map(h => h.id)")
                hrefs = toc.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href').slice(1))")
                assert hrefs == ids, (hrefs, ids)
                assert toc.get_attribute("aria-label") == {"sv": "Innehåll på sidan", "en": "On this page"}[lang]
        finally:
            context.close()
        assert not guard.problems(), guard.problems()


@pytest.mark.browser
def test_phone_menu_sections_open_as_menus(browser, base_url):
    """R8: in the phone menu a section ("Kommuner") opens its list of pages instead of loading a page."""
    context, pg, guard = open_guarded_page(browser, **PHONE)
    try:
        pg.goto(base_url + "om/lanka/")
        pg.locator("button.tillit-menu-button").tap()
        wait_until_still(pg)
        pg.locator("#__drawer").evaluate("t => t.checked") or pytest.fail("the menu did not open")
        top = pg.locator(".md-nav--primary > .md-nav__list > .md-nav__item > label.md-nav__link",
                         has_text="Kommuner")
        for _ in range(3):   # the drawer opens at this page's own sub-menu: back up to the top level
            if top.is_visible():
                break
            titles = pg.locator(".md-nav--primary .md-nav__item--active > .md-nav > .md-nav__title")
            [t for t in titles.all() if t.is_visible()][-1].tap()
            wait_until_still(pg)
        top.tap()
        wait_until_still(pg)
        assert pg.url.endswith("/om/lanka/"), f"tapping the section loaded {pg.url}"
        link = pg.locator(".md-nav--primary a.md-nav__link[href$='kommuner/falkoping/']")
        assert link.is_visible(), "the Kommuner sub-menu did not open"
    finally:
        context.close()
    assert not guard.problems(), guard.problems()


@pytest.mark.browser
def test_one_link_affordance_per_heading(page, base_url):
    """R16, R17: a heading offers one thing, the copy button (no ¶ beside it, none after the page title)."""
    page.goto(base_url + "kommuner/falkoping/#gyllene-zonen")
    for wrap in page.locator(".tillit-heading").all():
        assert wrap.locator("button.tillit-heading-copy").is_visible()
        assert not wrap.locator("a.headerlink").is_visible()
    assert not page.locator("article h1 a.headerlink").is_visible()


@pytest.mark.browser
def test_checklist_boxes_start_empty(page, base_url):
    """R14: an unticked box on the checklist shows no tick."""
    page.goto(base_url + "fortroendevalda/checklista/")
    indicator = page.locator(".task-list-control input:not(:checked) + .task-list-indicator").first
    mask = indicator.evaluate(
        "i => { const s = getComputedStyle(i, '::before'); return s.maskImage || s.webkitMaskImage; }")
    assert mask == "none", mask
