"""Ship only the theme assets the site uses: no source maps, no lunr files for languages the search never loads."""
import re
from pathlib import Path

LUNR = re.compile(r"^assets/javascripts/lunr/(?:min/lunr\.([a-z]+)\.min\.js|(tinyseg|wordcut)\.js)$")
ALWAYS = {"multi"}                               # lunr.multi.min.js (lunr.stemmer.support.min.js never matches)
EXTRA_FILES = {"tinyseg": "ja", "wordcut": "th"}  # segmenters Material's worker loads for Japanese and Thai only
SOURCE_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=\S+\.map|/\*# sourceMappingURL=\S+\.map ?\*/)\s*$")


def _search_languages(config):
    langs = set()
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            lang = plugin.config.get("lang") or []
            langs.update([lang] if isinstance(lang, str) else lang)
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        langs.update(lang.locale for lang in i18n.config.languages)
    return langs


def on_files(files, config):
    keep = _search_languages(config) | ALWAYS
    for file in list(files):
        path = file.src_uri
        match = LUNR.match(path)
        unused_lunr = match and (match.group(1) or EXTRA_FILES[match.group(2)]) not in keep
        if unused_lunr or (path.startswith("assets/") and path.endswith(".map")):
            files.remove(file)
    return files


def on_post_build(config):
    # The minified theme files end with a comment naming their (no longer shipped) source map
    assets = Path(config["site_dir"]) / "assets"
    for path in [*assets.glob("javascripts/**/*.js"), *assets.glob("stylesheets/*.css")]:
        data = path.read_bytes()
        trimmed = SOURCE_MAP_COMMENT.sub(b"\n", data)
        if trimmed != data:
            path.write_bytes(trimmed)
