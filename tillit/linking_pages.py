"""The linking pages under om/lanka/: every page's and section's URL in every language with a printable QR code.

om/lanka/index.* (`<!-- tillit:linking-pages -->`) has one row per page; each sub-page
(`<!-- tillit:linking-pages STEM ... -->`) has the sections of the pages whose source stem is STEM or, for STEM ending
in '/', starts with it. Every nav page is on exactly one sub-page (tillit.checks); the split keeps each light (#8).
docs/assets/javascripts/tillit.js makes the copy buttons.

Usage: python -m tillit.linking_pages <page path or URL>[#section] [--out DIR]
  e.g. tsl/vad-ar-tsl#ordning-och-tillit, docs/tsl/vad-ar-tsl.sv.md, /en/tsl/vad-ar-tsl/, https://host/tsl/vad-ar-tsl/#kallor
prints the URL in every language for an agenda (kallelse); --out DIR also writes their QR codes (SVG). Exit 2 with
the closest matches when the page or section does not exist in docs/.
"""
import argparse
import difflib
import html
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from tillit import checks, markers, site
from tillit.qr import QR_MM, qr_svg, save_qr
from tillit.site import lang_prefix, language_name, languages, site_url, strings, url_path

QR_DIR = "assets/qr"
_written = set()    # QR files written in this build, both languages (reset when the first language starts)
_groups = {}        # source stem of a page -> the sub-page (File) that lists its sections
reset = _written.clear   # a new build of every language: QR files are written again


def _sections(toc):
    for item in toc:
        if item.level in (2, 3) and not item.id.startswith("sida-"):   # sida-…: a sub-page's tables (render)
            yield item.level, item.id, html.unescape(item.title)
        yield from _sections(item.children)


def _stem(file):
    return site.source_stem(file.src_uri)


def _url_path(page):
    # from its source, not page.url: the offline bundle, which has no directory URLs, lists the server's URLs
    return url_path(_stem(page.file))


def _table_id(url_path):
    """Id of a page's table on its sub-page: sida-tsl-vad-ar-tsl (never one of the page's heading ids)."""
    return "sida-" + (url_path.strip("/").replace("/", "-") or "start")


def check_config(config):
    """A problem for hooks/build_start.py, or '': a build for a real address while site_url is still an example."""
    configured = site.configured_site_url(config.config_file_path)
    if site.is_published(config.site_url) and not site.is_published(configured):
        return (f"{site.SITE_URL_SETTING} is still {configured}, and this build is for {config.site_url} "
                "(SITE_URL): python -m tillit.linking_pages would print links and QR codes for the old address. "
                f"Write the published address into {site.SITE_URL_SETTING} before publishing.")
    return ""


def group_pages(nav, files):
    """Which sub-page lists which page, from the sub-pages' markers (tillit.checks ensures exactly one)."""
    _groups.clear()
    subpages = {file: (markers.args_of(file.content_string, "linking-pages") or "").split()
                for file in files.documentation_pages()
                if _stem(file).startswith(checks.LINKING_DIR) and _stem(file) != checks.LINKING_INDEX}
    for page in nav.pages:
        stem = _stem(page.file)
        hits = [f for f, stems in subpages.items()
                if any(stem == s or (s.endswith("/") and stem.startswith(s)) for s in stems)]
        if len(hits) == 1:
            _groups[stem] = hits[0]


def render(page, config, nav, lang):
    """The tables for one linking page (the marker's names were read by group_pages)."""
    stem = _stem(page.file)
    t = strings(lang)
    s = t["linking_pages"]
    e = html.escape
    codes = [lang] + [code for code in languages(config) if code != lang]   # this page's language first
    roots = {code: site_url(config) + lang_prefix(code, config) for code in codes}   # once, not per cell
    # a language's name in this page's language (locales: language.names), else its own name from mkdocs.yml
    heads = {code: t.get("language", {}).get("names", {}).get(code) or language_name(code, config) for code in codes}
    names = {code: name.lower() if t["js"].get("lowercase_language") else name for code, name in heads.items()}

    def href(rel):
        return e(get_relative_url(rel, page.url))

    def cells(path, anchor, title):
        """Each language's QR code, URL (tillit.js adds a copy button) and PNG/SVG downloads (R20)."""
        out = ""
        for code in codes:
            url = roots[code] + path + (f"#{anchor}" if anchor else "")
            # where the code lives in the site, e.g. assets/qr/en/tsl/vad-ar-tsl--forhallningssatt.svg
            rel = f"{QR_DIR}/{code}/{path.strip('/') or 'index'}{'--' + anchor if anchor else ''}.svg"
            name = rel.rsplit("/", 1)[-1].removesuffix(".svg")
            if rel not in _written:
                target = Path(config["site_dir"]) / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                save_qr(url, target)
                save_qr(url, target.with_suffix(".png"), "png")
                _written.add(rel)
            # The alt text names the code's section, page and language; CSS sizes the image (3 cm). The URL is
            # printed beside it, <wbr> after "://", each "." and "/": a narrow cell breaks it there, not mid-word (R23).
            alt = s["qr_alt"].replace("{title}", title).replace("{language}", names[code])
            shown = re.sub(r"(://|(?<=[^:/])/|\.)", r"\1<wbr>", e(url))
            out += (f'<td><img class="tillit-qr" src="{href(rel)}" alt="{e(alt)}" loading="lazy">'
                    f'<code class="tillit-url">{shown}</code>'
                    f'<span class="tillit-qr-download">{s["download"]} '
                    f'<a href="{href(rel.removesuffix(".svg") + ".png")}" download="{e(name)}.png">{s["png"]}</a>, '
                    f'<a href="{href(rel)}" download="{e(name)}.svg">{s["svg"]}</a></span></td>')
        return out

    def table(first_header, rows, caption="", table_id=""):
        columns = "".join(f'<th scope="col">{heads[code]}</th>' for code in codes)
        attrs = f' id="{table_id}"' if table_id else ""
        return (f"<table{attrs}>{caption}<thead><tr>"
                f'<th scope="col">{first_header}</th>{columns}</tr></thead><tbody>{"".join(rows)}</tbody></table>')

    tables, contents = [], []   # contents: (page title, table id) for the page's table of contents (R23)
    if stem == checks.LINKING_INDEX:
        rows = [f'<tr><th scope="row"><a href="{href(_groups[_stem(target.file)].url)}#{_table_id(_url_path(target))}">'
                f'{e(target.title)}</a></th>{cells(_url_path(target), "", target.title)}</tr>'
                for target in nav.pages if _stem(target.file) in _groups]
        tables.append(table(s["page"], rows))
    else:
        for target in nav.pages:
            if _stem(_groups.get(_stem(target.file), target.file)) != stem:
                continue
            path = _url_path(target)
            rows = [f'<tr{" class=tillit-level-3" if level == 3 else ""}><th scope="row">{e(section)}</th>'
                    f"{cells(path, anchor, f'{section}, {target.title}')}</tr>"
                    for level, anchor, section in _sections(target.toc)]
            caption = f'<caption><a href="{href(target.url)}">{e(target.title)}</a></caption>'
            tables.append(table(s["section"], rows, caption, _table_id(path)))
            contents.append((target.title, _table_id(path)))
    # a sub-page's tables in its table of contents, before its own sections (Källor): a reader jumps to a page's
    # table from the sidebar or, on a phone, the list of sections (tillit.page_toc)
    if contents and page.toc.items:
        page.toc.items[0].children[0:0] = [AnchorLink(html.escape(title), anchor, 2) for title, anchor in contents]
    # generated data, not prose: tillit-nolint keeps it out of the LIX and spelling checks (tests/test_content.py)
    return '<div class="tillit-linking-pages tillit-nolint">' + "".join(tables) + "</div>"


def site_pages():
    """{url path: {lang: (title, {id: heading text})}} of each page in docs/ in the default language (tillit.checks)."""
    return {url_path(stem): {lang: (page.meta.get("title"), {h.id: h.text for h in page.headings
                                                             if h.level in (2, 3) and h.id})
                             for lang, page in have.items()}
            for stem, have in checks.read_docs()[0].items() if languages()[0] in have}


def normalise(arg, base):
    """Any way of naming a page -> (URL path below the language root, section or '')."""
    arg = arg.strip()
    if re.match(r"^https?://", arg):
        parts = urlsplit(arg)
        path, section = parts.path.removeprefix(urlsplit(base).path), parts.fragment   # the site's sub-path
    else:
        path, _, section = arg.partition("#")
    path = re.sub(r"^docs/", "", path.strip().lstrip("/"))
    others = "|".join(re.escape(lang) for lang in languages()[1:])
    path = re.sub(rf"^(?:{others})(?:/|$)", "", path)
    path = re.sub(r"(\.(?:" + "|".join(map(re.escape, languages())) + r"))?\.md$|(?<=index)\.html$", "", path)
    return url_path(path.strip("/") or "index"), section.strip()


def fail(message, choices, wanted):
    close = difflib.get_close_matches(wanted, choices, n=5, cutoff=0.4)
    hint = ("\n  Closest matches:\n" + "\n".join(f"    {c}" for c in close)) if close else ""
    print(f"linking_pages: {message}{hint}", file=sys.stderr)
    sys.exit(2)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tillit.linking_pages", description="Print the URL of a page or "
                                     "section in every language for an agenda; with --out, also their QR codes (SVG).")
    parser.add_argument("target", help="page path or URL, optionally with #section (e.g. tsl/vad-ar-tsl#kallor)")
    parser.add_argument("--out", metavar="DIR", help="write the two QR codes (<page>--<section>.sv.svg and .en.svg) "
                        "into DIR, created if missing (default: write nothing)")
    args = parser.parse_args(argv)
    base, redirects = site_url(), (site.load_config().get("extra") or {}).get("redirects") or {}
    langs = languages()
    pages = site_pages()
    path, section = normalise(args.target, base)
    if path not in pages and path in redirects:
        path, target_section = normalise(str(redirects[path]), base)
        section = section or target_section
        print(f"note: {args.target} is a short address for /{path}; using that page", file=sys.stderr)
    if path not in pages:
        fail(f"there is no page '{args.target}' "
             f"(looked for /{path} and docs/{path.rstrip('/') or 'index'}.{langs[0]}.md)",
             ["/" + p for p in pages], "/" + path)
    title, sections = pages[path][langs[0]]
    if section and section not in sections:
        fail(f"the page /{path} ({title}) has no section '#{section}'", ["#" + s for s in sections], "#" + section)
    for lang in langs[1:]:
        if section and section not in pages[path].get(lang, (None, {}))[1]:
            fail(f"#{section} exists on the {langs[0]} page but not on the {lang} one: give "
                 f"docs/{path.rstrip('/') or 'index'}.{lang}.md the same heading id", [], "")
    heading = sections.get(section)
    print(title + (f" › {heading}" if heading else ""))
    name = (path.strip("/").replace("/", "-") or "start") + (f"--{section}" if section else "")
    urls = {lang: base + lang_prefix(lang) + path + (f"#{section}" if section else "") for lang in langs}
    for lang, url in urls.items():
        print(f"{lang}: {url}")
    if warning := site.address_warning(base, "these links" + (" and QR codes" if args.out else "")):
        print(warning, file=sys.stderr)
    if args.out is None:
        print("(no QR codes written: add --out DIR to save them)", file=sys.stderr)
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang, url in urls.items():   # SVG, QR_MM millimetres wide when printed, dark on white (the om/lanka code)
        target = out / f"{name}.{lang}.svg"
        target.write_bytes(qr_svg(url))
        print(f"QR code ({lang}, {QR_MM} mm wide): {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
