"""The checks a person makes for WCAG 2.2 AA that no engine makes (issue 26), one test each, on a page of every
template: reflow at 320 px (1.4.10), text spacing (1.4.12), zoom to 200 and 400 % (1.4.4, 1.4.10), focus visible and
not hidden under the sticky header (2.4.7, 2.4.11), targets of 24 x 24 px (2.5.8), content on hover that can be
dismissed, hovered and stays (1.4.13)."""
from pathlib import Path

import pytest
from conftest import open_guarded_page, wait_until_still

pytestmark = pytest.mark.browser
CHECKS = Path(__file__).with_name("person_checks.js")   # the measurements, as window.tillitChecks in each page

# one page of each template: the start page, a content page (contents, figures, sources), one with wide tables, a
# section's own page (reading path), the self-check, the workshop, the glossary, the QR-code tables, the changes, 404
TEMPLATES = ["", "tsl/vad-ar-tsl/", "en/tsl/tillitsdelegationen/", "fortroendevalda/", "fortroendevalda/ovning/",
             "en/fortroendevalda/workshop/", "ordlista/", "om/lanka/", "en/om/nytt/", "404.html"]


def visit(pg, base_url, url):
    response = pg.goto(base_url + url)
    assert response.status in (200, 404), url
    wait_until_still(pg)


@pytest.fixture
def page_at(browser):
    """page_at(width, height, **context) -> a guarded page; every one is closed and its guard checked at the end."""
    opened = []

    def open_page(width, height, **context_args):
        context, pg, guard = open_guarded_page(browser, viewport={"width": width, "height": height}, **context_args)
        pg.add_init_script(path=CHECKS)
        opened.append((context, guard))
        return pg
    yield open_page
    for context, guard in opened:
        context.close()
        assert not guard.problems(), guard.problems()


def test_reflow_at_320_px_without_horizontal_scrolling(page_at, base_url):
    pg, problems = page_at(320, 640), []
    for url in TEMPLATES:
        visit(pg, base_url, url)
        found = pg.evaluate("tillitChecks.lostSideways()")
        if found["scroll"] > 0 or found["lost"]:
            problems.append(f"/{url}: scrolls {found['scroll']} px sideways; lost: {found['lost']}")
    assert not problems, "\n".join(problems)


# WCAG 1.4.12's values as a reader's own style sheet (the "text spacing bookmarklet"): nothing may be cut off.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""


@pytest.mark.parametrize("width", [1280, 390])
def test_text_spacing_cuts_nothing_off_and_overlaps_nothing(page_at, base_url, width):
    """What is cut off or overlaps only with the reader's spacing (not what a design shortens at any spacing). The
    page title in the header may shorten: the page's h1 right below it says it in full."""
    pg, problems = page_at(width, 900), []
    for url in TEMPLATES:
        visit(pg, base_url, url)
        before = pg.evaluate("tillitChecks.clippedAndOverlapping()")
        pg.add_style_tag(content=TEXT_SPACING)
        wait_until_still(pg)
        after = pg.evaluate("tillitChecks.clippedAndOverlapping()")
        for kind in ("clipped", "overlapping"):
            new = sorted(set(after[kind]) - set(before[kind]))
            if new:
                problems.append(f"/{url} at {width} px, {kind} with text spacing: {new[:8]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("zoom", [2, 4])
def test_zoom_to_200_and_400_percent(page_at, base_url, zoom):
    """A 1280 x 900 window zoomed: the page reflows into 640 or 320 CSS px without sideways scrolling, the sticky
    header leaves room to read, and the menu still opens with its links on screen."""
    pg, problems = page_at(1280 // zoom, 900 // zoom, device_scale_factor=zoom), []
    for url in TEMPLATES:
        visit(pg, base_url, url)
        found = pg.evaluate("tillitChecks.lostSideways()")
        if found["scroll"] > 0 or found["lost"]:
            problems.append(f"/{url} at {zoom * 100} %: scrolls {found['scroll']} px sideways; lost: {found['lost']}")
        header = pg.evaluate("document.querySelector('.md-header').getBoundingClientRect().height / innerHeight")
        if header > 0.3:
            problems.append(f"/{url} at {zoom * 100} %: the sticky header takes {header:.0%} of the window")
        pg.click("button.tillit-menu-button")
        wait_until_still(pg)
        link = pg.locator(".md-sidebar--primary .md-nav__link[href]:visible").first
        box = link.bounding_box()
        if not box or box["x"] < 0 or box["x"] + box["width"] > 1280 // zoom:
            problems.append(f"/{url} at {zoom * 100} %: the open menu's first link is off screen: {box}")
    assert not problems, "\n".join(problems)


STOPS = 60   # the header, the menu and the first part of the content: what the sticky header can cover


@pytest.mark.parametrize("width", [1280, 390])
def test_focus_is_visible_and_not_hidden_under_the_header(page_at, base_url, width):
    # reduced motion: each Tab's scroll lands at once, where a smooth scroll would end (the same place to judge)
    pg, problems = page_at(width, 900, reduced_motion="reduce"), []
    for url in TEMPLATES:
        visit(pg, base_url, url)
        first = None
        for _ in range(STOPS):
            pg.keyboard.press("Tab")
            info = pg.evaluate("tillitChecks.focused()")
            if info is None or info == first:
                break
            first = first or info
            if not info["indicator"]:
                problems.append(f"/{url} at {width} px: no focus indicator on {info['name']}")
            elif not info["seen"]:
                problems.append(f"/{url} at {width} px: focus hidden (under the header or off screen): {info['name']}")
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("width", [1280, 390])
def test_targets_are_24_px_or_have_room(page_at, base_url, width):
    pg, problems = page_at(width, 900), []
    for url in TEMPLATES:
        visit(pg, base_url, url)
        problems += [f"/{url} at {width} px: {t}" for t in pg.evaluate("tillitChecks.smallTargets()")]
    assert not problems, f"{len(problems)} small targets:\n" + "\n".join(problems[:40])


def test_content_shown_on_hover_can_be_dismissed_hovered_and_stays(page_at, base_url):
    """Hover every control of the header, the footer and the content: what appears goes away with Escape (the
    pointer not moved), stays while the pointer moves onto it, and stays until then."""
    pg, problems, appeared = page_at(1280, 900), [], 0
    for url in ("tsl/vad-ar-tsl/", "en/ordlista/"):
        visit(pg, base_url, url)
        # the controls a pointer can reach where they are drawn (not the language menu's links before it opens)
        controls = pg.evaluate("tillitChecks.onTop()")
        for name, (x, y) in controls[:60]:
            pg.mouse.move(0, 890)
            wait_until_still(pg)
            before = pg.evaluate("tillitChecks.shown()")
            pg.mouse.move(x, y)
            wait_until_still(pg)
            now = pg.evaluate("tillitChecks.shown()")
            shown = {key: point for key, point in now.items() if key not in before}
            if not shown:
                continue
            appeared += 1
            pg.wait_for_timeout(1000)
            if not set(shown) <= set(pg.evaluate("tillitChecks.shown()")):
                problems.append(f"/{url}: what hovering {name!r} shows does not stay")
            x, y = list(shown.values())[-1]          # onto what appeared (its last, innermost element)
            pg.mouse.move(x, y, steps=8)
            wait_until_still(pg)
            if not set(shown) <= set(pg.evaluate("tillitChecks.shown()")):
                problems.append(f"/{url}: what hovering {name!r} shows goes away when the pointer moves onto it")
            pg.keyboard.press("Escape")
            wait_until_still(pg)
            if set(shown) & set(pg.evaluate("tillitChecks.shown()")):
                problems.append(f"/{url}: Escape does not dismiss what hovering {name!r} shows ({len(shown)} elements)")
    assert appeared, "no control showed anything on hover: the test found nothing to check"
    assert not problems, "\n".join(problems)
