"""Drop the rules of Material's stylesheets that can match nothing on this site (main.css is 23 kB gzip on every page).

A rule stays when every class and element in its selector occurs in the built HTML or the site's JavaScript (Material
builds search results, tooltips … at run time) and every data-md-color-* and dir value it tests is one the pages set
(Material's script only reads dir). Material's names for a feature the site leaves off (SCRIPT_FEATURES) do not
count; :not(), :is(), :where() and :has() are not judged. Unreferenced custom properties go too. The result gets a
new fingerprint (deploy/nginx.conf caches fingerprinted assets for a year), cached in .cache/purge (tillit.cache).
"""
import functools
import hashlib
import itertools
import re
from pathlib import Path

import tinycss2

from tillit import cache
from tillit.material import BUNDLE_JS as MATERIAL_SCRIPT
from tillit.material import THEME_CSS

# No \b before the attribute names: a literal start lets re skip ahead (ten times faster); a longer attribute name that
# ends in one of these could only keep more rules, never fewer
CLASS_ATTR = re.compile(rb'class="([^"]*)"')
COLOR_ATTR = re.compile(rb'data-md-color-[a-z]+="([\w-]+)"')
STYLE_ATTR = re.compile(rb'style="([^"]*)"')
JS_NAME = re.compile(rb"[A-Za-z_][\w-]*")
JS_PREFIX = re.compile(rb"(md-[\w-]*?)\$\{")          # `md-tag--${name}`: classes built at run time
SELECTOR_COLOR = re.compile(r"\[data-md-color-[a-z]+=[\"']?([\w-]+)")
DIR_ATTR = re.compile(rb' dir="(\w+)"')
TAG = re.compile(rb"<([a-zA-Z][\w-]*)")
SELECTOR_DIR = re.compile(r"\[dir=[\"']?(\w+)")   # judged as "dir=<value>": no word of a script has an "="
NOT_JUDGED = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any"}   # functional pseudo-classes
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
PROPERTY = re.compile(rb"--[\w-]+")
# Names Material's bundle uses only for a feature: (class-name prefixes, is the feature on?) from the built HTML's
# classes, whether any page has a code block (<pre>), and mkdocs.yml. A feature that is off adds no such element.
SCRIPT_FEATURES = [
    (("md-code__", "md-annotation", "highlight"), lambda classes, pre, config: pre),   # copy button, annotations
    (("tabbed-",), lambda classes, pre, config: "tabbed-set" in classes),               # content tabs' scroll buttons
    (("md-tooltip",), lambda classes, pre, config: pre or bool({"content.tooltips", "content.footnote.tooltips",
                                                              "navigation.instant.preview"}
                                                             & set(config.theme.get("features") or []))),
    (("md-source__fact", "md-source__repository"), lambda classes, pre, config: bool(config.get("repo_url"))),
    (("md-version",), lambda classes, pre, config: bool((config.get("extra") or {}).get("version"))),
]
VERSION = cache.code_version(__file__) + tinycss2.__version__


def _selectors(prelude):
    """The prelude's selectors, split at its top-level commas (tinycss2 keeps those in () and [] inside their block)."""
    return [list(group) for comma, group in itertools.groupby(prelude, lambda token: token == ",") if not comma]


def _names(selector):
    """(is a class, name) of what a selector needs; :not(), :is() … may match without what they name: not judged."""
    for before, token in zip([None, *selector], selector):
        if token.type == "ident" and before == ".":
            yield True, token.value
        elif token.type == "ident" and (before is None or before.type == "whitespace" or before in (">", "+", "~")):
            yield False, f"<{token.lower_value}>"   # an element: judged as "<name>", like an HTML tag
        elif token.type == "[] block":
            text = tinycss2.serialize([token])
            yield from ((False, value) for value in SELECTOR_COLOR.findall(text))
            yield from ((False, f"dir={value}") for value in SELECTOR_DIR.findall(text))
        elif token.type == "function" and token.lower_name not in NOT_JUDGED:
            yield from _names(token.arguments)


def _purge_rules(rules, used, prefixes):
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            # (@keyframes blocks are at-rules: kept whole below)
            kept = [s for s in _selectors(rule.prelude)
                    if all(name in used or is_class and name.startswith(prefixes) for is_class, name in _names(s))]
            if kept:
                decls = tinycss2.parse_declaration_list(rule.content, skip_whitespace=True, skip_comments=True)
                out.append(["rule", ",".join(tinycss2.serialize(s).strip() for s in kept), decls])
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in (
                "media", "supports", "layer", "container"):
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True),
                                 used, prefixes)
            if inner:
                out.append(["block", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner])
        elif rule.type != "error":
            out.append(["raw", tinycss2.serialize([rule]), None])
    return out


def _serialize(nodes, referenced):
    css = []
    for kind, head, body in nodes:
        if kind == "block":
            body = _serialize(body, referenced)
        elif kind == "rule":   # custom properties only where something refers to them (referenced None: all)
            body = ";".join(d.serialize() for d in body if d.type != "declaration" or not d.name.startswith("--")
                            or referenced is None or d.name in referenced)
        if kind == "raw":
            css.append(head)
        elif body:
            css.append(f"{head}{{{body}}}")
    return "".join(css)


def _site_names(site, config):
    """(names in the HTML and JavaScript, prefixes of classes built in JS, custom properties set or read by name)."""
    used, prefixes, properties, pre = set(), set(), set(), False
    for path in site.rglob("*.html"):
        data = path.read_bytes()
        for classes in set(CLASS_ATTR.findall(data)):   # each distinct attribute once (a page repeats most)
            used.update(classes.decode().split())
        used.update(v.decode() for v in COLOR_ATTR.findall(data))
        used.update(f"dir={v.decode()}" for v in DIR_ATTR.findall(data))
        used.update(f"<{t.decode().lower()}>" for t in set(TAG.findall(data)))
        properties.update(n.decode() for style in STYLE_ATTR.findall(data) for n in PROPERTY.findall(style))
        pre = pre or b"<pre" in data
    off = tuple(name for names, on in SCRIPT_FEATURES if not on(used, pre, config) for name in names)
    for path in (site / "assets" / "javascripts").rglob("*.js"):
        data = path.read_bytes()
        skip = off if MATERIAL_SCRIPT.match(path.name) else ()
        words = {t.decode() for t in JS_NAME.findall(data)}
        used.update(n for n in words if n in used or not n.startswith(skip))
        used.update(f"<{n.lower()}>" for n in words)   # an element a script may create
        prefixes.update(n for n in (p.decode() for p in JS_PREFIX.findall(data)) if not n.startswith(skip))
        properties.update(n.decode() for n in PROPERTY.findall(data))
    return used, tuple(sorted(prefixes)), properties


def _purge(sources, other_css, used, prefixes, text_names):
    """{name: purged css} for Material's stylesheets; custom properties kept only where something refers to them."""
    trees = {name: _purge_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), used,
                                prefixes) for name, css in sources.items()}
    referenced = None   # None: keep every custom property (first round)
    while True:   # dropping a custom property can make another unused
        text = "".join(_serialize(t, referenced) for t in trees.values()) + other_css
        found = set(VAR_USE.findall(text)) | text_names
        if found == referenced:
            return {name: _serialize(tree, referenced) for name, tree in trees.items()}
        referenced = found


def purge(config):
    """Material's stylesheets purged and re-fingerprinted in the built site, every page pointed at them."""
    site = Path(config.site_dir)
    styles = site / "assets" / "stylesheets"
    theme = {p.name: p for p in styles.glob("*.css") if THEME_CSS.match(p.name)}
    if not theme:
        return
    used, prefixes, text_names = _site_names(site, config)
    sources = {name: path.read_text(encoding="utf-8") for name, path in sorted(theme.items())}
    other_css = "".join(p.read_text(encoding="utf-8") for p in styles.rglob("*.css") if p.name not in theme)
    text_names |= {n.decode() for n in PROPERTY.findall(other_css.encode())}   # declared or used by our CSS
    key = hashlib.sha256("\0".join([VERSION, *sources.values(), other_css, *sorted(used), *prefixes,
                                    *sorted(text_names)]).encode()).hexdigest()[:32]
    renames, made = {}, functools.partial(_purge, sources, other_css, used, prefixes, text_names)
    for name, css in cache.texts("purge", sources, key, made).items():
        new = f"{name.split('.')[0]}.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css"
        theme[name].unlink()
        (styles / new).write_text(css, encoding="utf-8")
        renames[f"assets/stylesheets/{name}".encode()] = f"assets/stylesheets/{new}".encode()
    for path in site.rglob("*.html"):
        data = path.read_bytes()
        changed = functools.reduce(lambda text, rename: text.replace(*rename), renames.items(), data)
        if changed != data:
            path.write_bytes(changed)
