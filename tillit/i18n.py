"""Everything Tillit assumes about mkdocs-static-i18n 1.3.1's insides, one coupling per name (frozen upstream).

tests/unit/test_upstream.py asserts each of them against the installed plugin, so an upgrade fails there, by name.
How the plugin runs the languages: the default language is the outer build; inside its on_post_build (priority
NESTED_BUILD, -100) it rebuilds the same config once per further language, into site/<lang>/. So every hook runs once
per language, and anything that needs all languages waits for the outer build (after_all_languages).
It imports nothing from MkDocs or the plugin: it only reads attributes of the running config.
"""
NESTED_BUILD = -100   # coupling 1: the plugin's on_config, on_files and on_post_build (the nested builds) priority
AFTER = -110          # what must run after the plugin set up this language's config or files


def plugin(config):
    """The running plugin instance, or None (a build without it, e.g. the stock-search comparison)."""
    return (getattr(config, "plugins", None) or {}).get("i18n")


def language_entries(config) -> list[dict]:
    """Coupling 2: the plugin's config schema (`languages` entries with locale, default, name …) is our registry."""
    return [dict(lang) for lang in plugin(config).config["languages"]]


def current(config) -> str:
    """Coupling 3: `current_language`, the locale of the build now running (None before the first), else the default."""
    i18n = plugin(config)
    default = [e["locale"] for e in language_entries(config) if e.get("default")] if i18n is not None else []
    return getattr(i18n, "current_language", None) or (default or [config.theme["language"]])[0]


def after_all_languages(config) -> bool:
    """Coupling 4: `building` is True inside the nested build of each further language."""
    return not getattr(plugin(config), "building", False)


# coupling 6: the plugin writes ONE search index with every language (locations under <lang>/), see tillit.search.
# coupling 7: it writes one 404.html and one sitemap.xml, in the last language built (hooks/languages.py copies them).
# coupling 8: with reconfigure_material it sets theme.language per language build (Material's lang attribute, words).
# coupling 9: it fills extra.alternate per page for the language switch (overrides/partials/alternate.html).
PER_LANGUAGE_TEMPLATES = ("404.html", "sitemap.xml")
