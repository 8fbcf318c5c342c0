"""Each page's final HTML: `lang` on foreign words (tillit.foreign_words), then valid, compact markup (tillit.html)."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from tillit import foreign_words, html, i18n, site


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = i18n.current(config)
    return html.final(foreign_words.marked(output, lang, page.file.src_uri), site.strings(lang)["a11y"])


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html; hooks/languages.py (-10) copies it per language afterwards
    if not template_name.endswith(".html"):
        return output
    lang = i18n.current(config)   # its menu names Swedish terms too (the whole menu: no navigation.prune)
    return html.final(foreign_words.marked(output, lang, template_name), site.strings(lang)["a11y"])
