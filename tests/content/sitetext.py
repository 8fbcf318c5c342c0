"""The article text of a built page for the editorial-rule tests (terms, attribution, repetition, interpretation).

One place for: which source file a built page comes from, what counts as a quotation, and which parts of the
article a rule skips (quotes, Swedish words in English text, source lists, tables of links).
"""
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

# Quotations in running text: Swedish ”…”, „…”, »…«; English “…”, ‘…’ (not an apostrophe: ’ followed by a
# letter); straight "…". A quoted span is the source's words (or a title), not ours.
QUOTE = re.compile(r"“[^“”\x00]*”|”[^”\x00]*”|„[^„”“\x00]*[”“]|»[^»«\x00]*«|«[^«»\x00]*»|"
                   r"\"[^\"\x00]*\"|‘[^‘’\x00]*’(?!\w)")
SKIP_TAGS = {"script", "style", "code", "pre", "kbd", "svg", "button", "q", "blockquote", "nav"}
SKIP_CLASSES = ("headerlink", "md-source-file", "tillit-page-owner", "tillit-review-notice", "md-tags",
                "tillit-feedback", "tillit-translation-notice", "tillit-print-address", "tillit-path-label",
                "tillit-path")   # the site's own words, not the page's
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary", "figcaption", "div",
          "details", "ul", "ol", "table", "tr"}
BREAK = "\x00"   # where skipped content was: a passage never runs across it


def load(name):
    with open(ROOT / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def source_file(page):
    """The docs/… file a built page comes from: 'tsl/vad-ar-tsl/' (en) -> 'docs/tsl/vad-ar-tsl.en.md'."""
    stem = page.url_path.rstrip("/") or "index"
    for candidate in (f"docs/{stem}.{page.lang}.md", f"docs/{stem}/index.{page.lang}.md"):
        if (ROOT / candidate).exists():
            return candidate
    return f"docs/{stem}.{page.lang}.md (built as {page.rel})"


def article(page):
    found = page.tree.xpath('//div[contains(@class,"md-content")]//article[contains(@class,"md-content__inner")]')
    return found[0] if found else None


def _classes(el):
    return (el.get("class") or "").split()


def _is_link_table(el):
    """A table whose every body row holds a link: a list of links (om/lanka, source tables), not running text."""
    rows = el.xpath(".//tr[td]")
    return bool(rows) and all(row.xpath(".//a[@href]") for row in rows)


def blocks(page, *, other_lang=False, sources=True, link_tables=True, root=None, exclude=()):
    """The article's text as blocks (paragraphs, list items, headings, cells), whitespace collapsed.

    Always skipped: scripts, code, <q>, <blockquote>, header links, tags, the last-updated and page-owner lines.
    other_lang=False also skips parts marked with another language (e.g. *styrkedja*{ lang=sv } in English);
    sources=False skips the "Källor"/"Sources" section (h2#kallor up to the next h2); link_tables=False skips
    tables whose rows all hold links; exclude: a predicate, elements for which it is true are skipped.
    Skipped content leaves a BREAK in the text.
    """
    root = article(page) if root is None else root
    if root is None:
        return []
    out, current = [], []
    state = {"in_sources": False}

    def flush():
        text = " ".join("".join(current).replace("\xa0", " ").split())
        if text:
            out.append(text)
        current.clear()

    def skipped(el):
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            return True
        if any(c in _classes(el) for c in SKIP_CLASSES):
            return True
        if not other_lang and el.get("lang") and el.get("lang") != page.lang:
            return True
        if not link_tables and el.tag == "table" and _is_link_table(el):
            return True
        return any(pred(el) for pred in exclude)

    def walk(el):
        if el.tag == "h2" and not sources:
            state["in_sources"] = el.get("id") == "kallor"
        if state["in_sources"] or skipped(el):
            current.append(f" {BREAK} ")
            if el.tail and not state["in_sources"]:
                current.append(el.tail)
            return
        block = el.tag in BLOCKS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail and not state["in_sources"]:
            current.append(el.tail)

    walk(root)
    flush()
    return [" ".join(b.replace(BREAK, f" {BREAK} ").split()) for b in out if b.replace(BREAK, "").strip()]


def strip_quotes(text):
    """The text with every quotation replaced by a BREAK."""
    return QUOTE.sub(f" {BREAK} ", text)


def description(page):
    """The page's meta description (shown in search results and link previews)."""
    found = page.tree.xpath('//meta[@name="description"]/@content')
    return " ".join(found[0].split()) if found else ""


def text(page, *, quotes=False, with_description=False, **kwargs):
    """One string: the blocks joined by BREAKs (the meta description first if asked), quotations removed unless
    quotes=True."""
    parts = ([description(page)] if with_description else []) + blocks(page, **kwargs)
    joined = f" {BREAK} ".join(parts)
    return joined if quotes else strip_quotes(joined)


def readable(fragment):
    """A matched piece of text for a message (BREAK markers shown as ' … ')."""
    return " ".join(fragment.replace(BREAK, "…").split())
