"""A long page's sections as a list under its introduction, for phones (R9): Material shows the table of contents
only in the sidebar, which a phone hides in the menu. Placed after Material's search has read the page
(hooks/page_meta.py), so it is not indexed; tillit.css shows it below 60em only and never on paper.
"""
import html
import re

from tillit.html import HIDDEN_TEXT

MIN_SECTIONS = 4   # fewer sections: no list
MIN_TEXT = 5000    # characters of text (about four phone screens): a shorter page needs no list


def with_toc(content, page, title):
    """The page's HTML with the list of its h2 sections before the first h2 (unchanged for a short page)."""
    sections = [item for top in page.toc for item in top.children if item.level == 2] or \
        [item for item in page.toc if item.level == 2]
    if len(sections) < MIN_SECTIONS or len(re.sub(r"<[^>]*>", "", HIDDEN_TEXT.sub("", content))) < MIN_TEXT:
        return content
    at = content.rfind("<", 0, content.find(f'id="{sections[0].id}"'))   # before the first section (a heading or table)
    if at < 0:
        return content
    items = "".join(f'<li><a href="#{html.escape(item.id)}">{item.title}</a></li>' for item in sections)
    return (content[:at] + f'<nav class="tillit-page-toc tillit-no-print" aria-label="{html.escape(title)}">'
            f'<p class="tillit-page-toc__title" aria-hidden="true">{html.escape(title)}</p><ul>{items}</ul></nav>'
            + content[at:])
