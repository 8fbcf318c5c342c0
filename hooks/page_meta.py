"""What overrides/main.html shows of a page: review notice, change notes, dates, reading path; phones' section list."""
import datetime

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from tillit import change_notes, i18n, last_updated, page_toc, reading_path, translations
from tillit.site import local_time, source_stem, strings, url_path


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = i18n.current(config)
    review = page.meta.get("review_date")
    # a datetime or a text is not a review date: tillit.checks reports it; here it only means "no notice"
    page.meta["review_overdue"] = type(review) is datetime.date and review < local_time().date()   # Swedish date
    page.meta["tillit_changes"] = change_notes.for_page(page.meta, lang)
    last_updated.set_date(page, config, lang)
    step = reading_path.for_page(page, config, files, lang)
    if step:   # the step box replaces Material's Previous/Next footer, which follows the menu, not the path
        page.meta["tillit_path"] = step
        page.meta["hide"] = [*(page.meta.get("hide") or []), "footer"]
    behind = translations.CURRENT.get((source_stem(page.file.src_uri), lang))
    if behind:   # overrides/main.html: the notice at the top of the article, with a link to the Swedish page
        stem = behind["stem"]
        page.meta["tillit_behind"] = {
            "checked": behind["checked"] and change_notes.shown_date(behind["checked"], lang),
            "updated": last_updated.shown(config, f"{stem}.{translations.languages()[0]}.md", lang),
            "href": get_relative_url(url_path(stem), page.url) + (f"#{behind['section']}" if behind["section"] else "")}
    return markdown


@event_priority(-10)   # after Material's search (0) took the page's text: the list is not indexed
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    page.content = page_toc.with_toc(page.content or "", page, strings(i18n.current(config))["page_toc"]["title"])
    return context
