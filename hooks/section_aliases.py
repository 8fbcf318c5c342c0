"""Keep a renamed section's old ids working: `## Title { #new data-alias="old other" }` -> empty anchors with the old ids before the heading."""
import re

# attr_list puts data-alias on the heading; ids and syntax are checked by scripts/check_site.py (check_aliases)
_HEADING = re.compile(r'<h([1-6])([^>]*?)\s+data-alias="([^"]*)"([^>]*)>')
ALIAS_ATTR = "data-alias"


def anchors(aliases):
    """The anchors for a heading's old ids: empty, so nothing shows and nothing is read aloud."""
    return "".join(f'<span id="{alias}"></span>' for alias in aliases.split())


def _replace(match):
    level, before, aliases, after = match.groups()
    return f"{anchors(aliases)}<h{level}{before}{after}>"


def on_page_content(content, page, config, files):
    return _HEADING.sub(_replace, content)
