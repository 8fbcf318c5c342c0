"""Upstream contracts: every assumption tillit/ makes about Material's and mkdocs-static-i18n's insides, by name.

Each test reads the installed package (milliseconds, no build). After an upgrade, a failing test here names the
coupling that broke (tillit/material.py and tillit/i18n.py number them); UNDERHALL.md's upgrade checklist starts here.
Run them alone with `pytest -k upstream`.
"""
import difflib
import inspect
import re
from importlib.metadata import entry_points
from pathlib import Path

import mkdocs_static_i18n.plugin as i18n_plugin
import pytest

from tillit import i18n, material
from tillit.site import ROOT

TEMPLATES = material.templates()
OVERRIDES = ROOT / "overrides"


def _keys(block):
    """The top-level keys of the __config dict literal in a template's {% block config %}."""
    body = block[block.index("{{- {"):]
    depth, keys = 0, []
    for match in re.finditer(r'[{}]|"([a-z.]+)":', body):
        if match.group(0) == "{":
            depth += 1
        elif match.group(0) == "}":
            depth -= 1
            if depth == 0:
                break
        elif depth == 1:
            keys.append(match.group(1))
    return keys


def _config_block(path):
    text = path.read_text(encoding="utf-8")
    return text[text.index("{% block config %}"):text.index("{% endblock %}", text.index("{% block config %}"))]


def test_upstream_material_config_block_has_the_keys_our_copy_sends():
    """material coupling 8: overrides/main.html copies base.html's __config; a new key upstream must be copied too."""
    theirs = _keys(_config_block(TEMPLATES / "base.html"))
    ours = _keys(_config_block(OVERRIDES / "main.html"))
    assert theirs == ours, f"base.html's __config keys changed: Material {theirs}, overrides/main.html {ours}"


@pytest.mark.parametrize("partial", sorted(material.COPIED_PARTIALS))
def test_upstream_copied_partials_differ_only_by_the_attribute_we_add(partial):
    """material coupling 8: our copy of the partial is Material's with one attribute added (and a comment line)."""
    theirs = [line for line in (TEMPLATES / partial).read_text(encoding="utf-8").splitlines()
              if not line.startswith(("{#-", "  This file was automatically generated", "-#}"))]
    ours = [line for line in (OVERRIDES / partial).read_text(encoding="utf-8").splitlines()
            if not line.startswith("{#-")]
    changed = [line for line in difflib.ndiff(theirs, ours) if line[:1] in "+-"]
    added = material.COPIED_PARTIALS[partial]
    assert len(changed) == 2, f"overrides/{partial} differs from Material's in more than one line: {changed}"
    minus, plus = (line[2:] for line in changed)
    assert re.sub(rf'\s{added}="[^"]*"', "", plus) == minus, f"overrides/{partial}: {changed}"


def test_upstream_one_search_worker_and_base_html_names_it():
    """material coupling 1: one worker file; base.html points at it (search-tillit.js wraps it)."""
    worker = material.search_worker()
    assert f'"assets/javascripts/workers/{worker}"' in _config_block(TEMPLATES / "base.html")


def test_upstream_worker_message_types_and_wildcard():
    """material coupling 2: the worker answers SETUP (0) with READY (1) and QUERY (2) with RESULT (3), the numbers
    search-tillit.js and tests/search_eval.py use; and it appends the trailing `*` the wrapper stems before."""
    worker = TEMPLATES.joinpath(material.WORKER_GLOB).parent / material.search_worker()
    source = worker.read_text(encoding="utf-8")
    m = material.WORKER_MESSAGES
    protocol = re.search(r"switch\(\w+\.type\)\{case (\d):.{0,120}?\{type:(\d)\};"
                         r"case (\d):.{0,120}?\{type:(\d),", source)
    assert protocol, f"{worker.name}: the message switch (SETUP -> READY, QUERY -> RESULT) is not where it was"
    assert tuple(map(int, protocol.groups())) == (m["SETUP"], m["READY"], m["QUERY"], m["RESULT"]), protocol.group(0)
    assert "?r:`${r}*`" in source or re.search(r"\?\w:`\$\{\w\}\*`", source), "the '*' on plain terms moved"
    ours = (ROOT / "docs/assets/javascripts/workers/search-tillit.js").read_text(encoding="utf-8")
    for name in ("SETUP", "QUERY", "RESULT"):
        assert re.search(rf"\b{name}\s*=\s*{m[name]}\b", ours), f"search-tillit.js: {name} should be {m[name]}"


@pytest.mark.parametrize("pattern,folder", [(material.THEME_CSS, "assets/stylesheets"),
                                            (material.BUNDLE_JS, "assets/javascripts")])
def test_upstream_bundle_names_tillit_rewrites(pattern, folder):
    """material coupling 3: main/palette CSS and the bundle keep their fingerprinted names (tillit.purge_css)."""
    found = sorted(p.name for p in (TEMPLATES / folder).iterdir() if pattern.match(p.name))
    expected = 2 if pattern is material.THEME_CSS else 1
    assert len(found) == expected, f"{pattern.pattern} matches {found} in Material's {folder}"


def test_upstream_last_updated_meta_key():
    """material coupling 4: partials/source-file.html shows page.meta[LAST_UPDATED_KEY] (tillit.last_updated)."""
    assert material.LAST_UPDATED_KEY in (TEMPLATES / "partials/source-file.html").read_text(encoding="utf-8")


def test_upstream_polyfills_and_offline_plugin():
    """material coupling 5: base.html loads extra.polyfills; the offline plugin is registered as material/offline
    (mkdocs.yml's `offline` is MkDocs' short name for the theme's own plugin)."""
    assert f"config.extra.{material.POLYFILLS}" in (TEMPLATES / "base.html").read_text(encoding="utf-8")
    names = {ep.name for ep in entry_points(group="mkdocs.plugins")}
    assert material.OFFLINE_PLUGINS[0] in names, f"{material.OFFLINE_PLUGINS[0]} is not a registered plugin: {names}"


def test_upstream_lunr_layout():
    """material coupling 6: lunr's language files and the two segmenters sit where tillit.trim looks."""
    files = [p.relative_to(TEMPLATES).as_posix() for p in (TEMPLATES / "assets/javascripts/lunr").rglob("*.js")]
    matched = [f for f in files if material.LUNR.match(f)]
    assert any("lunr.sv.min.js" in f for f in matched) and any("lunr.multi.min.js" in f for f in matched)
    for segmenter in material.LUNR_SEGMENTERS:
        assert f"assets/javascripts/lunr/{segmenter}.js" in files, f"lunr segmenter {segmenter}.js moved"


def test_upstream_tasklist_markup():
    """material coupling 7: pymdownx.tasklist's markup, which tillit.markdown names the checkboxes in."""
    import markdown
    out = markdown.markdown("- [ ] Läs kallelsen", extensions=["pymdownx.tasklist", "tillit.markdown"],
                            extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})
    assert '<span class="tillit-sr-only" data-search-exclude>Läs kallelsen</span></label>' in out, out


def _handler(name):
    return getattr(i18n_plugin.I18n, name)


@pytest.mark.parametrize("event", ["on_config", "on_files", "on_post_build"])
def test_upstream_static_i18n_priority_of_the_nested_build(event):
    """i18n coupling 1: the plugin's handlers run at NESTED_BUILD (-100); hooks at AFTER (-110) come after them."""
    assert getattr(_handler(event), "mkdocs_priority", 0) == i18n.NESTED_BUILD
    assert i18n.AFTER < i18n.NESTED_BUILD


def test_upstream_static_i18n_language_entries():
    """i18n coupling 2: `languages` entries with locale, default, name, build (our language registry)."""
    source = inspect.getsource(i18n_plugin) + "".join(
        p.read_text(encoding="utf-8") for p in Path(i18n_plugin.__file__).parent.glob("*.py"))
    for key in ("locale", "default", "name", "build", "nav_translations"):
        assert re.search(rf"\b{key}\b", source), f"static-i18n's language entries lost '{key}'"


def test_upstream_static_i18n_state_attributes():
    """i18n couplings 3 and 4: `current_language` names the language being built, `building` is True inside the
    nested builds; the nested loop sets one and resets the other."""
    post_build = inspect.getsource(_handler("on_post_build"))
    assert "self.current_language = locale" in post_build
    assert "self.building = True" in post_build and "self.building = False" in post_build
    assert "build(config" in post_build, "the further languages are no longer built inside on_post_build"


def test_upstream_static_i18n_alternates_and_theme_language():
    """i18n couplings 8 and 9: reconfigure_material sets theme.language per build and fills extra.alternate."""
    source = "".join(p.read_text(encoding="utf-8") for p in Path(i18n_plugin.__file__).parent.rglob("*.py"))
    assert 'config.theme["language"] = locale' in source, "reconfigure_material no longer sets theme.language"
    assert "alternate" in source


def test_upstream_installed_versions_are_the_pinned_ones():
    """The contracts above were read against these pins (requirements/docs.txt)."""
    from importlib.metadata import version
    pins = dict(line.split("==") for line in (ROOT / "requirements/docs.txt").read_text(encoding="utf-8").split()
                if "==" in line)
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n"):
        assert version(name) == pins[name], f"{name} {version(name)} is installed, {pins[name]} pinned"


# material coupling 10: the markup tillit.html.accessible() rewrites, as Material's templates write it (a changed
# template fails here by file; tests/site/test_accessible_markup.py shows the rewrite happened on the built site)
ACCESSIBLE_MARKUP = {
    "base.html": ['<input class="md-toggle" data-md-toggle="drawer"',
                  '<label class="md-overlay" for="__drawer"></label>'],
    "partials/search.html": ['<label class="md-search__overlay" for="__search"></label>',
                             '<label class="md-search__icon md-icon" for="__search">'],
    "partials/header.html": ['<label class="md-header__button md-icon" for="__search">', material.DRAWER_LABEL],
    "partials/nav.html": ['<label class="md-nav__title" for="__drawer">'],
    "partials/nav-item.html": ['<input class="md-nav__toggle md-toggle',
                               '<label class="md-nav__title" for="{{ path }}">',
                               '<div class="md-nav__link md-nav__container">'],
    "partials/toc.html": ['<label class="md-nav__title" for="__toc">'],
    "partials/palette.html": ['<form class="md-header__option" data-md-component="palette">',
                              'aria-label="{{ option.toggle.name }}"',
                              '<label class="md-header__button md-icon" title="{{ option.toggle.name }}" '
                              'for="__palette_{{ loop.index % loop.length }}" hidden>'],
    "partials/tags.html": ['<nav class="md-tags" {{ hidden }}>'],
    "partials/source-file.html": ['<aside class="md-source-file">'],
}


@pytest.mark.parametrize("template", ACCESSIBLE_MARKUP)
def test_upstream_markup_tillit_html_makes_accessible(template):
    text = " ".join((TEMPLATES / template).read_text(encoding="utf-8").split())
    missing = [snippet for snippet in ACCESSIBLE_MARKUP[template] if snippet not in text]
    assert not missing, f"material coupling 10: {template} no longer writes {missing} (tillit/html.py accessible())"


def test_upstream_toggle_css_tillit_css_overrides():
    """material coupling 10: Material hides its toggles with display: none (tillit.css draws them instead) and
    colours the drawer's title by [for=__drawer] and hides the header's search label from 60em (tillit.css copies
    both rules for the <div> and the <button> those labels become)."""
    css = next((TEMPLATES / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert ".md-toggle{display:none}" in css
    assert "@media screen and (min-width:60em){.md-header__button[for=__search]{display:none}}" in css
    assert (".md-nav--primary .md-nav__title[for=__drawer]{font-weight:700;color:var(--md-primary-bg-color);"
            "background-color:var(--md-primary-fg-color)}") in css
