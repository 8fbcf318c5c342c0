"""The one reader of a page's source: front matter and headings (with ids and old ids), by line number.
Used by the checks, exercises, change notes, reading path and translations. It imports nothing from MkDocs.
"""
import functools
import re
from dataclasses import dataclass, field

from tillit.site import ROOT, yaml_load

DOCS = ROOT / "docs"
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*$")
ATTR_ID = re.compile(r"\s*\{[^}\n]*?#([^\s}]+)[^}\n]*\}\s*$")
ALIAS_ATTR = "data-alias"   # a heading's earlier ids: ## Title { #new data-alias="old" } (tillit.markdown writes them)
ALIAS = re.compile(r"\b" + ALIAS_ATTR + r'="([^"]*)"')
ANY_ID = re.compile(r"\{[^}\n]*?#([A-Za-z0-9_-]+)[^}\n]*\}|\bid=[\"']([^\"']+)[\"']")


@dataclass
class Heading:
    level: int
    id: str
    text: str
    line: int
    aliases: tuple = ()       # earlier ids that still lead here (data-alias="…")


@dataclass
class Page:
    rel: str                  # docs/tsl/x.sv.md
    stem: str                 # tsl/x
    lang: str
    text: str                 # the whole file, as read
    meta: dict = field(default_factory=dict)
    meta_error: str = ""
    body_start: int = 1       # 1-based line of the first body line
    headings: list = field(default_factory=list)

    def where(self, line=None):
        return f"{self.rel}:{line}" if line else self.rel

    @functools.cached_property
    def lines(self):
        return self.text.splitlines()

    @functools.cached_property
    def ids(self):
        """Every id the page defines in its source: heading ids, { #alias } lists, id="…" in HTML, old ids."""
        ids = {a or b for line in self.lines for a, b in ANY_ID.findall(line)}
        return ids | {alias for h in self.headings for alias in h.aliases}

    @functools.cached_property
    def body(self):
        """[(1-based line number, text)] of the body's lines outside code fences (read once per page)."""
        found, fenced = [], False
        for number, line in enumerate(self.lines[self.body_start - 1:], self.body_start):
            if FENCE.match(line):
                fenced = not fenced
            elif not fenced:
                found.append((number, line))
        return found


def read_page(path, stem, lang):
    return _parsed(f"docs/{path.relative_to(DOCS).as_posix()}", stem, lang, path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1024)   # one build reads a page several times (checks, exercises, change notes, path)
def _parsed(rel, stem, lang, text):
    import yaml
    page = Page(rel, stem, lang, text)
    if page.lines and page.lines[0].strip() == "---":
        end = next((i for i in range(1, len(page.lines)) if page.lines[i].strip() in ("---", "...")), None)
        if end is None:
            page.meta_error = f"{page.where(1)}: the front matter has no closing '---' line"
        else:
            page.body_start = end + 2
            try:
                meta = yaml_load("\n".join(page.lines[1:end])) or {}
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                problem = getattr(error, "problem", None) or str(error).splitlines()[0]
                page.meta_error = (f"{page.where(mark.line + 2 if mark else 1)}: the front matter is not valid YAML "
                                   f"({problem}): write 'key: value' lines and put a value with ':', '[' or '#' "
                                   "in quotes")
            except ValueError as error:   # YAML reads 2026-13-01 as a date and fails: month must be in 1..12
                page.meta_error = (f"{page.where()}: the front matter has an impossible date ({error}): write a real "
                                   "date as YYYY-MM-DD, e.g. 'date: 2026-11-28' (review_date, changes)")
            else:
                page.meta, page.meta_error = (meta, "") if isinstance(meta, dict) else (
                    {}, f"{page.where(2)}: the front matter must be 'key: value' lines")
    for number, line in page.body:
        if match := HEADING.match(line):
            title = match.group(2).rstrip("#").rstrip()
            hid = ATTR_ID.search(title)
            alias = ALIAS.search(hid.group(0)) if hid else None
            page.headings.append(Heading(len(match.group(1)), hid.group(1) if hid else "",
                                         ATTR_ID.sub("", title).strip(), number,
                                         tuple(alias.group(1).split()) if alias else ()))
    return page
