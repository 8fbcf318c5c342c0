"""Keep a renamed section's old ids working: `## Title { #new data-alias="old other" }` -> empty anchors with the old ids before the heading."""
import re

ALIAS_ATTR = "data-alias"   # attr_list puts it on the heading; scripts/check_site.py checks the ids (check_aliases)
_HEADING = re.compile(r'<h([1-6])([^>]*?)\s+' + ALIAS_ATTR + r'="([^"]*)"([^>]*)>')


def anchors(aliases):
    """The anchors for a heading's old ids: empty, so nothing shows and nothing is read aloud."""
    return "".join(f'<span id="{alias}"></span>' for alias in aliases.split())


def _replace(match):
    level, before, aliases, after = match.groups()
    return f"{anchors(aliases)}<h{level}{before}{after}>"


def on_page_content(content, page, config, files):
    return _HEADING.sub(_replace, content)
