"""Everything Tillit assumes about Material for MkDocs 9.x's insides, one coupling per name (end of life 5 May 2027).

tests/unit/test_upstream.py asserts each of them against the installed theme, so an upgrade fails there, by name.
It imports nothing from MkDocs; `material` is imported only where its files are looked up.
"""
import re
from pathlib import Path


def templates() -> Path:
    import material
    return Path(material.__file__).parent / "templates"


# coupling 1: the search worker's file name (wrapped by docs/assets/javascripts/workers/search-tillit.js)
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
# coupling 2: the worker's message types (search-tillit.js and tests/search_eval.py use the same numbers)
WORKER_MESSAGES = {"SETUP": 0, "READY": 1, "QUERY": 2, "RESULT": 3}
# coupling 3: the bundle names tillit.purge_css rewrites
THEME_CSS = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
BUNDLE_JS = re.compile(r"^bundle\.[0-9a-f]{8}\.min\.js$")
# coupling 4: the meta key partials/source-file.html shows as "last updated" (written by tillit.last_updated)
LAST_UPDATED_KEY = "git_revision_date_localized"
# coupling 5: base.html loads extra.polyfills; the offline plugin's names (the bundle's iframe-worker shim)
POLYFILLS = "polyfills"
OFFLINE_PLUGINS = ("material/offline", "offline")
# coupling 6: the lunr asset layout (tillit.trim: language files, segmenters only Japanese and Thai load)
LUNR = re.compile(r"^assets/javascripts/lunr/(?:min/lunr\.([a-z]+)\.min\.js|(tinyseg|wordcut)\.js)$")
LUNR_ALWAYS = {"multi"}
LUNR_SEGMENTERS = {"tinyseg": "ja", "wordcut": "th"}
# coupling 7: the markup tillit.html repairs for the Nu checker, and pymdownx.tasklist's markup (tillit.markdown)
# coupling 8: overrides/main.html copies base.html's {% block config %}; overrides/partials/search.html and
# alternate.html copy Material's partials with one attribute added (the contract test diffs them)
COPIED_PARTIALS = {"partials/search.html": 'aria-label', "partials/alternate.html": 'lang'}
# coupling 10: the markup tillit.html.accessible() rewrites (issue 26): Material's state checkboxes (.md-toggle),
# the labels that toggle one besides the first (base.html's overlay, partials/search.html's overlay and icon, the
# sub-menu titles of nav.html, nav-item.html and toc.html), the header's menu and search labels, a section's
# sub-menu label beside its index page's link (nav-item.html), the palette form and its labels (palette.html), the
# tags (tags.html) and the "last updated" box (source-file.html)
TOGGLE_INPUT = re.compile(r'<input(?= class="(?:md-nav__toggle )?md-toggle\b)')
EXTRA_TOGGLE_LABEL = re.compile(r'<label( class="(?:md-overlay|md-search__overlay|md-nav__title)") for="([^"]+)"'
                                r'([^>]*)>(.*?)</label>', re.S)
# the header's search label, which tillit.html makes a <button>: Material's script then finds the search field's
# icon label as `header [for=__search]` (it focuses the field when that is clicked), and Material's CSS places that
# icon by [for=__search], so it stays a label; tillit.css hides the button where Material hides the label (60em)
# the field's icon label holds two icons (Material's CSS: svg:first-child, svg:last-child): its text goes between
SEARCH_ICON = re.compile(r'<label class="md-search__icon md-icon" for="__search">\s*<svg\b.*?</svg>', re.S)
SEARCH_LABEL = re.compile(r'<label class="md-header__button md-icon" for="__search">(.*?)</label>', re.S)
DRAWER_LABEL = '<label class="md-header__button md-icon" for="__drawer">'
SECTION_LABEL = re.compile(r'(<div class="md-nav__link md-nav__container">\s*<a [^>]*>\s*<span class="md-ellipsis">\s*)'
                           r'(.*?)(\s*</span>\s*</a>\s*<label class="md-nav__link[^"]*" for="[^"]+"[^>]*>)', re.S)
PALETTE_FORM = re.compile(r'(<form class="md-header__option" data-md-component="palette">)(.*?)</form>', re.S)
PALETTE_LABEL = re.compile(r'(<label class="md-header__button md-icon" title="([^"]*)") for="(__palette_\d+)"'
                           r'((?: hidden)?>)')
PALETTE_INPUT = re.compile(r'(<input class="md-option"[^>]*?) aria-label="[^"]*"([^>]*id="(__palette_\d+)")')
TAGS_NAV = re.compile(r'<nav class="md-tags"\s*')
SOURCE_FILE = re.compile(r'<aside class="md-source-file">(.*?)</aside>', re.S)
# coupling 9: tillit.js turns the drawer label into a button and rewrites search results; the breakpoint
# 76.234375em is Material's (tillit.css and tillit.js)


def search_worker() -> str:
    found = sorted(templates().glob(WORKER_GLOB))
    if len(found) != 1:
        raise RuntimeError(f"tillit/material.py: expected one Material search worker ({WORKER_GLOB}), found {found}")
    return found[0].name


def offline_enabled(config) -> bool:
    return any(plugin.config.enabled for plugin in map(config.plugins.get, OFFLINE_PLUGINS) if plugin)
