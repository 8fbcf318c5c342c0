"""hooks/purge_css.py drops rules from Material's CSS: every page must look exactly as it does with Material's own CSS.

The check is deterministic: every element's computed style (and its drawn ::before and ::after), every property except
custom properties, on one page of each kind (start, glossary, workshop, checklist, linking page, 404, sources), with the purged CSS and with Material's original CSS swapped in, in the same state (width, palette, and for some
pages an open search, the drawer, scrolled, keyboard focus). Two screenshots compare the pixels as a smoke test."""
import hashlib
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

MATERIAL_CSS = Path(pytest.importorskip("material").__file__).parent / "templates" / "assets" / "stylesheets"
DESKTOP = {"width": 1280, "height": 1600}
PHONE = {"width": 390, "height": 1200}
# One page of each kind (about 1.5 s per page and state for both stylesheets; all 46 would cost 4 minutes),
# each in these two states, and the interactive states on the pages that have them
PAGES = ["", "ordlista/", "fortroendevalda/workshop/", "fortroendevalda/checklista/", "om/lanka/", "finns-inte/",
         "en/", "en/kallor/"]
EVERY_PAGE = [(DESKTOP, "light", "top"), (PHONE, "dark", "drawer")]
ACTIONS = {"": [(DESKTOP, "light", "search"), (PHONE, "dark", "search")],
           "en/": [(DESKTOP, "light", "search"), (PHONE, "dark", "search")],
           "ordlista/": [(DESKTOP, "dark", "scrolled"), (DESKTOP, "light", "keyboard"), (PHONE, "light", "top")]}
THEME_CSS = re.compile(r".*/assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css$")

# One entry per element and pseudo-element in document order: a short hash of every computed property, so that a
# page's whole style crosses from Chromium as a few kB; the differing elements are then compared property by property.
STYLE_HASHES = """() => {
  const out = []
  for (const el of document.querySelectorAll('*')) for (const pseudo of [null, '::before', '::after']) {
    const s = getComputedStyle(el, pseudo)
    let h = 2166136261
    if (pseudo && (s.content === 'none' || s.content === 'normal')) { out.push(s.content); continue }   // not drawn
    for (let i = 0; i < s.length; i++) {
      if (s[i].startsWith('--')) break   // custom properties come last; purged unused ones render nothing
      const text = s[i] + ':' + s.getPropertyValue(s[i]) + ';'
      for (let j = 0; j < text.length; j++) h = Math.imul(h ^ text.charCodeAt(j), 16777619)
    }
    out.push(h >>> 0)
  }
  return out
}"""
STYLE_OF = """i => {
  const el = document.querySelectorAll('*')[Math.floor(i / 3)], pseudo = [null, '::before', '::after'][i % 3]
  const s = getComputedStyle(el, pseudo), props = {}
  for (let k = 0; k < s.length && !s[k].startsWith('--'); k++) props[s[k]] = s.getPropertyValue(s[k])
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
               (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
  return {name: name + (pseudo || ''), props}
}"""


def _original(name):
    """Material's unpurged stylesheet for a purged file name (main.<hash>.min.css -> main.<material hash>.min.css)."""
    found = sorted(MATERIAL_CSS.glob(name.split(".")[0] + ".*.min.css"))
    assert len(found) == 1, found
    return found[0].read_text(encoding="utf-8")


def _context(browser, viewport, scheme, original):
    context = browser.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
    context.served = []
    if original:
        def swap(route):
            context.served.append(route.request.url)
            route.fulfill(status=200, content_type="text/css", body=_original(route.request.url.rsplit("/", 1)[1]))
        context.route(THEME_CSS, swap)
    return context


def _open(page, url, action):
    """Load the page and bring it into the state; then finish every running animation and transition."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
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
    page.wait_for_timeout(100)   # scroll and resize handlers run
    page.evaluate("() => document.getAnimations().forEach(a => a.finish())")


def _differences(purged, original, url):
    a, b = purged.evaluate(STYLE_HASHES), original.evaluate(STYLE_HASHES)
    if len(a) != len(b):
        return [f"{url}: {len(a) // 3} elements with the purged CSS, {len(b) // 3} with Material's"]
    found = []
    for i in [i for i, (x, y) in enumerate(zip(a, b)) if x != y][:5]:
        mine, theirs = purged.evaluate(STYLE_OF, i), original.evaluate(STYLE_OF, i)
        props = {k: (mine["props"].get(k), theirs["props"].get(k)) for k in set(mine["props"]) | set(theirs["props"])
                 if mine["props"].get(k) != theirs["props"].get(k)}
        found.append(f"{url} {mine['name']}: " + "; ".join(f"{k}: {p!r} (Material: {o!r})"
                                                          for k, (p, o) in sorted(props.items())[:6]))
    return found


def _states(pages):
    known = {p.rel.removesuffix("index.html") for p in pages}
    assert set(PAGES) - {"finns-inte/"} <= known, set(PAGES) - known   # finns-inte/ is the 404 page on purpose
    states = {}
    for url in PAGES:
        for state in EVERY_PAGE + ACTIONS.get(url, []):
            states.setdefault((state[0]["width"], state[1]), (state[0], state[1], []))[2].append((url, state[2]))
    return states.values()


def test_purged_css_gives_every_element_materials_computed_style(browser, base_url, pages):
    problems, checked = [], 0
    for viewport, scheme, visits in _states(pages):
        purged_ctx = _context(browser, viewport, scheme, original=False)
        original_ctx = _context(browser, viewport, scheme, original=True)
        purged, original = purged_ctx.new_page(), original_ctx.new_page()
        try:
            for url, action in visits:
                for page in (purged, original):
                    _open(page, base_url + url, action)
                problems += [f"[{viewport['width']} px {scheme} {action}] {d}"
                             for d in _differences(purged, original, "/" + url)]
                checked += 1
            # Material's own files were really swapped in (main and palette, on every load)
            assert len(original_ctx.served) == 2 * len(visits), original_ctx.served[:4]
        finally:
            purged_ctx.close()
            original_ctx.close()
    assert checked == 2 * len(PAGES) + sum(map(len, ACTIONS.values())), checked
    assert not problems, f"{len(problems)} differences from Material's CSS (hooks/purge_css.py):\\n" + "\\n".join(problems)


@pytest.mark.parametrize("path,viewport,scheme,action", [("", DESKTOP, "light", "search"),
                                                          ("ordlista/", PHONE, "dark", "drawer")])
def test_purged_css_screenshot_smoke(browser, base_url, path, viewport, scheme, action, tmp_path):
    """The pixels agree too. Chromium renders some pages in one of two ways from load to load (icon anti-aliasing)
    whatever the CSS, so this smoke test allows a second try; the computed-style test above is the exact one."""
    shots = {}
    for _attempt in range(2):
        for original in (False, True):
            context = _context(browser, viewport, scheme, original)
            page = context.new_page()
            _open(page, base_url + path, action)
            page.wait_for_timeout(300)
            shots.setdefault(original, set()).add(page.screenshot(animations="disabled", caret="hide"))
            context.close()
        if shots[False] & shots[True]:
            return
    name = f"{path.strip('/') or 'start'}-{viewport['width']}-{scheme}-{action}"
    (tmp_path / f"{name}-purged.png").write_bytes(next(iter(shots[False])))
    (tmp_path / f"{name}-material.png").write_bytes(next(iter(shots[True])))
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


class _Config(dict):
    """What purge_css reads of a MkDocs config: theme features and keys such as repo_url and extra."""
    def __init__(self, features=(), **keys):
        super().__init__(keys)
        self.theme = {"features": list(features)}


@pytest.mark.parametrize("page,config,name", [
    ("<pre><code>x = 1</code></pre>", _Config(), "md-code__button"),              # a code block: copy button
    ('<div class="tabbed-set"></div>', _Config(), "tabbed-control"),              # content tabs: scroll buttons
    ("<p>text</p>", _Config(["content.tooltips"]), "md-tooltip"),
    ("<p>text</p>", _Config(repo_url="https://example.org/r"), "md-source__fact"),
    ("<p>text</p>", _Config(extra={"version": {"provider": "mike"}}), "md-version"),
])
def test_materials_names_for_a_feature_count_only_when_it_is_on(tmp_path, page, config, name):
    """SCRIPT_FEATURES: a class Material's bundle makes for a feature keeps its rules once the site uses the feature."""
    import purge_css   # hooks/ is on sys.path (conftest)
    bundle = next((MATERIAL_CSS.parent / "javascripts").glob("bundle.*.min.js"))
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / bundle.name).write_bytes(bundle.read_bytes())
    (tmp_path / "index.html").write_text('<p class="md-typeset">text</p>', encoding="utf-8")
    off, _, _ = purge_css._site_names(tmp_path, _Config())
    assert name not in off and "md-search-result__item" in off   # other names of the script still count
    (tmp_path / "feature.html").write_text(page, encoding="utf-8")
    on, _, _ = purge_css._site_names(tmp_path, config)
    assert name in on, f"{name}: its rules would be dropped although the feature is on"
