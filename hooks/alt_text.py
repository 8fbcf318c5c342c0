"""Fail the build when an image on a page has no alt attribute (use alt="" only for decorative images)."""
import re

from mkdocs.exceptions import PluginError

IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r"\balt\s*=", re.IGNORECASE)


def on_page_content(html, page, config, files):
    missing = [tag for tag in IMG.findall(html) if not ALT.search(tag)]
    if missing:
        raise PluginError(f"docs/{page.file.src_uri}: image without alt text: {missing[0][:120]}")
    return html
