"""hooks/purge_css.py drops rules from Material's CSS: every page must look exactly as it does with Material's own CSS."""
import hashlib
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

MATERIAL_CSS = Path(pytest.importorskip("material").__file__).parent / "templates" / "assets" / "stylesheets"
PAGES = ["", "ordlista/", "fortroendevalda/workshop/", "fortroendevalda/checklista/", "om/lanka/", "finns-inte/",
         "en/", "en/kallor/"]
DESKTOP = {"width": 1280, "height": 1600}
PHONE = {"width": 390, "height": 1200}


def _original(name):
    """Material's unpurged stylesheet for a purged file name (main.<hash>.min.css -> main.<material hash>.min.css)."""
    found = sorted(MATERIAL_CSS.glob(name.split(".")[0] + ".*.min.css"))
    assert len(found) == 1, found
    return found[0].read_text(encoding="utf-8")


def _screenshot(browser, url, original, viewport, scheme, action):
    context = browser.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
    served = []
    if original:
        def swap(route):
            served.append(route.request.url)
            route.fulfill(status=200, content_type="text/css", body=_original(route.request.url.rsplit("/", 1)[1]))
        context.route(re.compile(r".*/assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css$"), swap)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if action == "search":
        page.keyboard.press("/")
        page.keyboard.type("tillit")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    elif action == "drawer":
        page.locator(".md-header .tillit-menu-button").click()   # tillit.js puts a real button in the label's place
    elif action == "scrolled":   # header shadow, back-to-top button, table of contents following
        page.evaluate("window.scrollTo({top: 2400, behavior: 'instant'})")
        page.wait_for_timeout(200)
        page.evaluate("window.scrollTo({top: 1800, behavior: 'instant'})")
    elif action == "keyboard":   # focus rings: skip link, then the first links of the header
        for _ in range(3):
            page.keyboard.press("Tab")
    page.wait_for_timeout(400)
    png = page.screenshot(animations="disabled", caret="hide")
    context.close()
    if original:
        assert len(served) == 2, f"expected Material's main and palette CSS to be swapped in, got {served}"
    return png


@pytest.mark.parametrize("path", PAGES)
def test_purged_css_renders_like_material(browser, base_url, path, tmp_path):
    cases = [(DESKTOP, "light", "top"), (PHONE, "dark", "drawer")]
    if path in ("", "en/"):
        cases += [(DESKTOP, "light", "search"), (PHONE, "dark", "search")]
    if path == "ordlista/":
        cases += [(DESKTOP, "dark", "scrolled"), (DESKTOP, "light", "keyboard"), (PHONE, "light", "top")]
    for viewport, scheme, action in cases:
        # Chromium renders some pages in one of two ways from load to load (icon anti-aliasing), whatever the CSS:
        # pass as soon as a purged rendering equals an original one
        purged_shots, original_shots = set(), set()
        for _attempt in range(4):
            purged = _screenshot(browser, base_url + path, False, viewport, scheme, action)
            original = _screenshot(browser, base_url + path, True, viewport, scheme, action)
            purged_shots.add(purged)
            original_shots.add(original)
            if purged_shots & original_shots:
                break
        else:
            name = f"{path.strip('/').replace('/', '_') or 'start'}-{viewport['width']}-{scheme}-{action}"
            (tmp_path / f"{name}-purged.png").write_bytes(purged)
            (tmp_path / f"{name}-material.png").write_bytes(original)
            pytest.fail(f"/{path} ({viewport['width']} px, {scheme}, {action}) looks different with the purged CSS "
                        f"(hooks/purge_css.py); screenshots in {tmp_path}")


def test_purged_css_is_smaller_and_fingerprinted(site_dir, pages):
    styles = site_dir / "assets" / "stylesheets"
    for stem in ("main", "palette"):
        found = [p for p in styles.glob(f"{stem}.*.min.css")]
        assert len(found) == 1, f"one {stem} stylesheet expected in the site, found {found}"
        purged = found[0]
        assert purged.name != next(MATERIAL_CSS.glob(f"{stem}.*.min.css")).name, "purged CSS kept Material's name"
        assert purged.stat().st_size < len(_original(purged.name).encode()), f"{purged.name} was not purged"
        assert hashlib.sha256(purged.read_bytes()).hexdigest()[:8] == purged.name.split(".")[1], \
            f"{purged.name}: the fingerprint in the name is not the content's (nginx caches these for a year)"
    for p in pages:   # every page links the purged files, none Material's names
        links = p.tree.xpath("//link[@rel='stylesheet']/@href")
        theme = [h for h in links if re.search(r"/(main|palette)\.[0-9a-f]{8}\.min\.css$", h)]
        assert len(theme) == 2 and all(((site_dir / p.rel).parent / h).resolve().exists() for h in theme), (p.rel, links)
