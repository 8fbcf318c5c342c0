"""The elected officials' reading path: its steps, in order, are the overview page's `steg-` sections (the one place
for the order; each section's first line links the step's pages), and a step page's place in it for the step box of
overrides/main.html (hooks/page_meta.py puts it in page.meta).
"""
import posixpath
import re

from mkdocs.utils import get_relative_url

from tillit import pdf_placeholders, sources
from tillit.site import lang_prefix, source_stem, url_path

OVERVIEW = "fortroendevalda/index"   # the overview page (its source stem)
PREFIX = "steg-"                       # the id of each step's section on it starts so: ## Steg 1: … { #steg-… }
END = "infor-nasta-mote"               # the overview's section the last step leads to
PRACTICE = "fortroendevalda/ovning"    # the self-check, offered at the end
LINK = re.compile(r"\[([^\]]+)\]\(([^)#\s]+\.md)(?:#[^)\s]*)?\)")
_cache = {}   # (lang, modification time of the overview) -> its steps


def steps(lang):
    """The steps in order: (section id, title without "Steg 1: ", ((page stem, link text), …)); () with no overview."""
    path = sources.DOCS / f"{OVERVIEW}.{lang}.md"
    if not path.is_file():
        return ()
    key = (lang, path.stat().st_mtime_ns)
    if key not in _cache:
        page = sources.read_page(path, OVERVIEW, lang)
        found = []
        for heading in (h for h in page.headings if h.level == 2 and h.id.startswith(PREFIX)):
            first = next((line for line in page.lines[heading.line:] if line.strip()), "")   # the "Läs:" line
            stems = tuple(dict.fromkeys(
                (posixpath.normpath(posixpath.join(posixpath.dirname(OVERVIEW), link)).removesuffix(".md"), text)
                for text, link in LINK.findall(first)))
            found.append((heading.id, re.sub(r"^[^:]*:\s*", "", heading.text), stems))
        _cache[key] = tuple(found)
    return _cache[key]


def for_page(page, config, files, lang):
    """The step box's data for a step page, or for the overview (its first step); None for any other page."""
    stem = source_stem(page.file.src_uri)
    path = steps(lang)
    index = next((i for i, step in enumerate(path) if stem in dict(step[2])), None)
    if index is None and not (stem == OVERVIEW and path):
        return None

    def href(target, anchor=""):
        file = files.get_file_from_path(f"{target}.{lang}.md")
        url = file.url if file is not None else lang_prefix(lang, config) + url_path(target)
        return get_relative_url(url, page.url) + (f"#{anchor}" if anchor else "")

    def link(i):
        if not 0 <= i < len(path):
            return None
        section, title, stems = path[i]
        return {"number": i + 1, "title": title, "href": href(stems[0][0]) if stems else href(OVERVIEW, section)}

    if index is None:   # the overview itself: its "next" is step 1 (Material's footer would say step 5)
        return {"start": link(0), "total": len(path)}
    section, title, stems = path[index]
    return {
        "number": index + 1, "total": len(path), "title": title,
        "overview": href(OVERVIEW, section),
        "previous": link(index - 1), "next": link(index + 1),
        # a step of several pages (the municipalities): the others, to choose from
        "choices": [{"href": href(s), "title": text, "current": s == stem}
                    for s, text in stems] if len(stems) > 1 else [],
        "end": {"next": href(OVERVIEW, END), "practice": href(PRACTICE),
                "pdf": get_relative_url(lang_prefix(lang, config) + pdf_placeholders.pack_path(config, lang),
                                        page.url)} if index == len(path) - 1 else None,
    }
