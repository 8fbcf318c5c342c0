"""Dated change notes (front matter `changes:`): on each page, on the "what's new" page and in an Atom feed.

Items `{date: YYYY-MM-DD, text: one line, section: optional-heading-id}`, checked by tillit.checks, shown newest first
under "Ändringar på sidan" (overrides/main.html); `<!-- tillit:changes-list -->` (docs/om/nytt.*.md) lists every note
of its language, as does feed.xml at the language root.
"""
import datetime
import functools
import html
from pathlib import Path
from xml.sax.saxutils import escape

from babel.dates import format_date
from mkdocs.utils import get_relative_url

from tillit.site import lang_prefix, site_url, source_stem, strings, url_path
from tillit.sources import read_page

FEED = "feed.xml"            # at each language root: /feed.xml, /en/feed.xml
FEED_ID = "tag:tillit,2026:"  # + language/page path/date/index: stable whatever the host (REDAKTION.md: URL-policy)


def page_notes(meta):
    """A page's notes newest first (on one date: as written): date (datetime.date), text, anchor ('#id', ''), index."""
    notes = []
    for index, item in enumerate(meta.get("changes") or []):
        day = item["date"]
        if not isinstance(day, datetime.date):
            day = datetime.date.fromisoformat(str(day))
        notes.append({"date": day, "text": str(item["text"]).strip(),
                      "anchor": "#" + item["section"] if item.get("section") else "", "index": index})
    return sorted(notes, key=lambda n: (n["date"], -n["index"]), reverse=True)


def site_notes(docs_dir, lang):
    """Every note of one language: (stem, title, note), newest first, then by page."""
    found = []
    for path in sorted(Path(docs_dir).rglob(f"*.{lang}.md")):
        stem = source_stem(path.relative_to(docs_dir).as_posix())
        meta = read_page(path, stem, lang).meta
        found += [(stem, meta.get("title") or stem, note) for note in page_notes(meta)]
    return sorted(found, key=lambda f: (f[2]["date"], f[0], -f[2]["index"]), reverse=True)


@functools.cache   # Babel reads its locale data on every call: 200 calls a build
def shown_date(day, lang):
    """The date as a reader of `lang` reads it: 28 november 2026, British in English (3 December 2026)."""
    return format_date(day, format="long", locale={"en": "en_GB"}.get(lang, lang.replace("-", "_")))


def for_page(meta, lang):
    """A page's notes for overrides/main.html ("Ändringar på sidan")."""
    return [{"iso": n["date"].isoformat(), "shown": shown_date(n["date"], lang), "text": n["text"],
             "href": n["anchor"]} for n in page_notes(meta)]


def listing(page, config, nav, lang):
    """Every note of one language as the "what's new" list, with the feed's link (<!-- tillit:changes-list -->)."""
    urls = {source_stem(p.file.src_uri): p.url for p in nav.pages}
    items = []
    for stem, title, note in site_notes(config["docs_dir"], lang):
        href = get_relative_url(urls.get(stem, url_path(stem)), page.url) + note["anchor"]
        items.append(f'<li><time datetime="{note["date"].isoformat()}">{html.escape(shown_date(note["date"], lang))}'
                     f'</time>: <a href="{html.escape(href)}">{html.escape(title)}</a> – '
                     f'{html.escape(note["text"])}</li>')
    t = strings(lang)["changes"]
    feed_href = get_relative_url(lang_prefix(lang, config) + FEED, page.url)
    return (f'<p><a href="{html.escape(feed_href)}" type="application/atom+xml">{html.escape(t["feed_link"])}</a></p>'
            + (f'<ul class="tillit-whats-new">{"".join(items)}</ul>' if items else f"<p>{html.escape(t['none'])}</p>"))


def write_feed(config, lang):
    prefix = lang_prefix(lang, config)
    text = feed(config, lang, site_url(config) + prefix)
    (Path(config["site_dir"]) / prefix / FEED).write_text(text, encoding="utf-8")


def feed(config, lang, root):
    """Atom 1.0 (RFC 4287): id, title, updated, author and a link on the feed; id, title, updated, link per entry."""
    t = strings(lang)["changes"]
    notes = site_notes(config["docs_dir"], lang)
    stamp = lambda day: f"{day.isoformat()}T00:00:00Z"   # noqa: E731  (a date: midnight UTC, stable between builds)
    updated = stamp(notes[0][2]["date"]) if notes else "2026-01-01T00:00:00Z"
    entries = []
    for stem, title, note in notes:
        link = root + url_path(stem) + note["anchor"]
        entry_id = f"{FEED_ID}{lang}/{url_path(stem)}{note['date'].isoformat()}/{note['index'] + 1}"
        entries.append(f"""  <entry>
    <id>{escape(entry_id)}</id>
    <title>{escape(title)} – {escape(note['text'])}</title>
    <updated>{stamp(note['date'])}</updated>
    <link rel="alternate" type="text/html" href="{escape(link, {'"': '&quot;'})}"/>
    <summary>{escape(note['text'])}</summary>
  </entry>
""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">
  <id>{FEED_ID}{lang}/</id>
  <title>{escape(config['site_name'])} – {escape(t['feed_title'])}</title>
  <updated>{updated}</updated>
  <author><name>{escape(t['feed_author'])}</name></author>
  <link rel="self" type="application/atom+xml" href="{escape(root + FEED)}"/>
  <link rel="alternate" type="text/html" href="{escape(root)}"/>
{''.join(entries)}</feed>
"""
