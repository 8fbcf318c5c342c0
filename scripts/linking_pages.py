#!/usr/bin/env python3
"""Print the URL of a page or section in every language for an agenda (kallelse); with --out, also write QR codes
(SVG) for print.

Usage: scripts/linking_pages.py <page path or URL>[#section] [--out DIR]
  Without --out nothing is written: the command only prints the two URLs.
  e.g. tsl/vad-ar-tsl#ordning-och-tillit, docs/tsl/vad-ar-tsl.sv.md, /en/tsl/vad-ar-tsl/, https://host/tsl/vad-ar-tsl/#kallor
The URLs start with mkdocs.yml's site_url (the published address) or SITE_URL; a localhost address gets a
warning. Pages and sections are read from docs/.
Exits 2 with the closest matches when the page or the section does not exist.
"""
import argparse
import difflib
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tillit.checks import read_docs
from tillit.qr import QR_MM, qr_svg
from tillit.site import address_warning, lang_prefix, languages, load_config, site_url, url_path


def site_pages():
    """{url path: {lang: (title, {id: heading text})}} for every page in docs/ in the default language, read as
    tillit.checks reads it.
    """
    langs = languages()
    return {url_path(stem): {lang: (page.meta.get("title"), {h.id: h.text for h in page.headings
                                                             if h.level in (2, 3) and h.id})
                             for lang, page in have.items()}
            for stem, have in read_docs()[0].items() if langs[0] in have}


def normalise(arg, site_url):
    """Any way of naming a page -> (URL path below the language root, section or '')."""
    arg = arg.strip()
    if re.match(r"^https?://", arg):
        parts = urlsplit(arg)
        path, section = parts.path, parts.fragment
        prefix = urlsplit(site_url).path
        if prefix != "/" and path.startswith(prefix):
            path = "/" + path[len(prefix):]
    else:
        path, _, section = arg.partition("#")
    path = path.strip().lstrip("/")
    path = re.sub(r"^docs/", "", path)
    others = "|".join(re.escape(lang) for lang in languages()[1:])
    path = re.sub(rf"^(?:{others})(?:/|$)", "", path)
    path = re.sub(r"(\.(?:" + "|".join(map(re.escape, languages())) + r"))?\.md$", "", path)
    path = re.sub(r"(^|/)index(\.html)?$", r"\1", path)
    path = path.strip("/")
    return (path + "/" if path else ""), section.strip()


def fail(message, choices, wanted):
    close = difflib.get_close_matches(wanted, choices, n=5, cutoff=0.4)
    hint = ("\n  Closest matches:\n" + "\n".join(f"    {c}" for c in close)) if close else ""
    print(f"linking_pages: {message}{hint}", file=sys.stderr)
    sys.exit(2)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", help="page path or URL, optionally with #section (e.g. tsl/vad-ar-tsl#kallor)")
    parser.add_argument("--out", metavar="DIR", help="write the two QR codes (<page>--<section>.sv.svg and .en.svg) "
                        "into DIR, created if missing (default: write nothing)")
    args = parser.parse_args(argv)

    base, redirects = site_url(), (load_config().get("extra") or {}).get("redirects") or {}
    langs = languages()
    pages = site_pages()
    path, section = normalise(args.target, base)
    if path not in pages and path in redirects:
        target = str(redirects[path])
        path, target_section = normalise(target, base)
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
    warning = address_warning(base, "these links" + (" and QR codes" if args.out else ""))
    if warning:
        print(warning, file=sys.stderr)
    if args.out is None:
        print("(no QR codes written: add --out DIR to save them)", file=sys.stderr)
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang, url in urls.items():   # SVG, QR_MM millimetres wide when printed, dark on white (the om/lanka code)
        (out / f"{name}.{lang}.svg").write_bytes(qr_svg(url))
        print(f"QR code ({lang}, {QR_MM} mm wide): {out / f'{name}.{lang}.svg'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
