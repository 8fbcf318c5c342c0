"""What the site ships besides pages: no source maps or unused lunr files, our CSS/JS minified, a local iframe shim."""
import hashlib
import importlib.metadata
import re
import shutil
from pathlib import Path

import rcssmin

from tillit import cache, i18n, material
from tillit.site import ROOT

SOURCE_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=\S+\.map|/\*# sourceMappingURL=\S+\.map ?\*/)\s*$")
VERSION = cache.code_version(__file__) + importlib.metadata.version("calmjs.parse") + rcssmin.__version__


def _minify_js(text):
    """Local names shortened too (tillit.js 0.4 kB gzip smaller than whitespace alone); our scripts are ES5."""
    # imported only for a changed script (0.04 s a build; .cache/minify keeps the result)
    from calmjs.parse import es5
    from calmjs.parse.unparsers.es5 import minify_print
    return minify_print(es5(text), obfuscate=True, obfuscate_globals=False)


MINIFY = {".css": rcssmin.cssmin, ".js": _minify_js}
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"    # pinned in package.json
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"                 # the name must contain "iframe-worker"


def files(files, config):
    """The theme's files without source maps and without lunr files for languages the search never loads."""
    keep = set(material.LUNR_ALWAYS)   # and every language the search plugin or static-i18n names
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            lang = plugin.config.get("lang") or []
            keep.update([lang] if isinstance(lang, str) else lang)
    if i18n.plugin(config) is not None:
        keep.update(entry["locale"] for entry in i18n.language_entries(config))
    for file in list(files):
        path = file.src_uri
        match = material.LUNR.match(path)
        unused_lunr = match and (match.group(1) or material.LUNR_SEGMENTERS[match.group(2)]) not in keep
        if unused_lunr or (path.startswith("assets/") and path.endswith(".map")):
            files.remove(file)
    return files


def offline_settings(config):
    """OFFLINE=true: the npm shim from the site, not unpkg.com; no redirect stubs (they assume directory URLs)."""
    if not SHIM.exists():
        raise FileNotFoundError(f"offline build: {SHIM} is missing: run `npm ci` first (make offline does)")
    polyfills = [p for p in config.extra.get(material.POLYFILLS, []) if "iframe-worker" not in str(p)]
    config.extra[material.POLYFILLS] = polyfills + [SHIM_TARGET]
    config.extra["redirects"] = {}


def language_assets(site: Path, config):
    """After each language's build: the offline shim copied; the theme's files lose their source-map comment."""
    if material.offline_enabled(config):
        target = site / SHIM_TARGET
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM, target)
    assets = site / "assets"
    for path in [*assets.glob("javascripts/**/*.js"), *assets.glob("stylesheets/*.css")]:
        data = path.read_bytes()
        trimmed = SOURCE_MAP_COMMENT.sub(b"\n", data)
        if trimmed != data:
            path.write_bytes(trimmed)


def minify_ours(docs: Path, site: Path):
    """Our own CSS and JavaScript minified in the site (about a third smaller); docs/assets stays readable."""
    for source in sorted((docs / "assets").rglob("*")):
        minify = MINIFY.get(source.suffix)
        if minify is None or ".min." in source.name:
            continue
        target = site / source.relative_to(docs)
        if target.exists():
            text, name = source.read_text(encoding="utf-8"), source.relative_to(docs).as_posix()
            key = hashlib.sha256((VERSION + text).encode()).hexdigest()   # calmjs takes 0.3 s a build: kept
            try:
                target.write_text(cache.text("minify", name, key, lambda: minify(text)), encoding="utf-8")
            except SyntaxError as error:   # calmjs's give the line and column, not the file
                raise SyntaxError(f"{source.relative_to(docs.parent)}: {error}") from error
