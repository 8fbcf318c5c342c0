"""Give each task-list checkbox an accessible name: pymdownx.tasklist's <label> wraps only the box, not the item text."""
import html
import re

_ITEM = re.compile(r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")([^>]*>)(.*?)(?=<li|</li>|<ul|<ol)', re.S)


def _name(match):
    text = re.sub(r"<[^>]+>", "", match.group(3))
    text = " ".join(html.unescape(text).split())
    return f'{match.group(1)} aria-label="{html.escape(text, quote=True)}"{match.group(2)}{match.group(3)}'


def on_page_content(content, page, config, files):
    return _ITEM.sub(_name, content)
