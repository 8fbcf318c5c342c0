"""The one hook that knows how static-i18n runs the languages (tillit.i18n): each language's settings, files, output."""
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from tillit import change_notes, i18n, pdf_placeholders, redirects, trim
from tillit.site import ROOT, default_language, lang_prefix, strings

_default_output = {}   # the default language's 404.html and sitemap.xml, kept while the others are built


@event_priority(i18n.AFTER)   # after static-i18n's on_config has set this language's theme.language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = i18n.current(config)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings(lang)["toc"]["permalink_title"]
    config.mdx_configs.setdefault("tillit.markdown", {})["lang"] = lang
    abbreviations = f"includes/abbreviations.{lang}.md"   # optional: a new language may have none yet
    config.mdx_configs["pymdownx.snippets"] = {   # this language's abbreviations under every page
        "base_path": [str(ROOT)], "check_paths": True,
        "auto_append": [abbreviations] if (ROOT / abbreviations).is_file() else []}
    return config


@event_priority(i18n.AFTER)   # after static-i18n's on_files has sorted the files into this language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return pdf_placeholders.add(files, config, i18n.current(config))


@event_priority(-10)   # after hooks/page_html.py (0): it copies the final output
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """static-i18n writes one 404.html and one sitemap.xml (the last language's): each language gets its own."""
    if template_name not in i18n.PER_LANGUAGE_TEMPLATES:
        return output
    lang = i18n.current(config)
    if lang == default_language(config):
        _default_output[template_name] = output
        return output
    target = Path(config.site_dir) / lang_prefix(lang, config) / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_output.get(template_name, output)


def on_post_build(config: MkDocsConfig) -> None:
    """Each language's own files, before static-i18n (-100) starts the next language: feed, redirect stubs, assets."""
    lang = i18n.current(config)
    trim.language_assets(Path(config.site_dir), config)
    change_notes.write_feed(config, lang)
    redirects.write_stubs(config, lang)
