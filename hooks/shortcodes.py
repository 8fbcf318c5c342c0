"""The one dispatcher for page markers `<!-- tillit:NAME ARGS -->` (tillit.markers): an unknown name stops the build."""
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tillit import change_notes, contact, exercise, i18n, linking_pages, markers


def _expand(text: str, phase: str, handlers: dict, page: Page) -> str:
    try:
        return markers.expand(text, phase, handlers, f"docs/{page.file.src_uri}")
    except markers.MarkerError as error:
        raise PluginError(str(error)) from error


def on_nav(nav, config: MkDocsConfig, files: Files):
    linking_pages.group_pages(nav, files)   # which linking sub-page lists which page's sections
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = i18n.current(config)
    return _expand(markdown, "page", {"exercise": lambda name: exercise.render(name, lang, page.url)}, page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in html:
        return html
    line = str(contact.contact_html(config, i18n.current(config)))
    return _expand(contact.own_lines(html, line), "content", {"contact": lambda args: line}, page)


@event_priority(-10)   # after Material's search (0) took the page's text: generated lists stay out of the index
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if "<!--" in (page.content or ""):
        lang = i18n.current(config)
        page.content = _expand(page.content, "context", {
            "changes-list": lambda args: change_notes.listing(page, config, nav, lang),
            "linking-pages": lambda args: linking_pages.render(page, config, nav, lang)}, page)
    return context
