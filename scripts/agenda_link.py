#!/usr/bin/env python3
"""Print the Swedish and English URL of a page or section for an agenda (kallelse); with --out, also write QR codes (SVG) for print.

Usage: scripts/agenda_link.py <page path or URL>[#section] [--out DIR]
  Without --out nothing is written: the command only prints the two URLs.
  e.g. tsl/vad-ar-tsl#ordning-och-tillit, docs/tsl/vad-ar-tsl.sv.md, /en/tsl/vad-ar-tsl/, https://host/tsl/vad-ar-tsl/#kallor
The URLs start with SITE_URL (environment) or else mkdocs.yml's site_url. Pages and sections are read from docs/.
Exits 2 with the closest matches when the page or the section does not exist.
"""
import argparse
import difflib
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import segno
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
QR_MM = 30   # printed width of a QR code, quiet zone included (same as the om/lanka page)
HEADING = re.compile(r"^\s{0,3}(#{2,3})\s+(.*?)\s*\{[^}\n]*?#([^\s}]+)[^}\n]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def config():
    """site_url (SITE_URL from the environment wins, as in the build) and extra.redirects from mkdocs.yml."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        data = yaml_load(f)
    site_url = data.get("site_url") or "http://127.0.0.1:8000/"
    return site_url.rstrip("/") + "/", (data.get("extra") or {}).get("redirects") or {}


def url_path(stem):
    """docs stem -> URL path below the language root: index -> '', x/index -> 'x/', x/y -> 'x/y/'."""
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def read_page(path):
    """(title, [(id, heading text)]) of one language file."""
    title, sections, fenced = None, [], False
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^title:\s*(.+)$", text, re.M)
    if match:
        title = match.group(1).strip().strip("'\"")
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        heading = None if fenced else HEADING.match(line)
        if heading:
            sections.append((heading.group(3), heading.group(2)))
    return title, sections


def site_pages():
    """{url path: {lang: (title, sections)}} for every page pair in docs/."""
    pages = {}
    for md in sorted(DOCS.rglob("*.sv.md")):
        stem = md.relative_to(DOCS).as_posix()[: -len(".sv.md")]
        en = md.with_name(md.name[: -len(".sv.md")] + ".en.md")
        pages[url_path(stem)] = {"sv": read_page(md), "en": read_page(en) if en.exists() else (None, [])}
    return pages


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
    path = re.sub(r"^en/|^en$", "", path)
    path = re.sub(r"(\.(sv|en))?\.md$", "", path)
    path = re.sub(r"(^|/)index(\.html)?$", r"\1", path)
    path = path.strip("/")
    return (path + "/" if path else ""), section.strip()


def url_for(site_url, path, section, lang):
    return site_url + ("en/" if lang == "en" else "") + path + (f"#{section}" if section else "")


def write_qr(url, target):
    """An SVG QR code of url, QR_MM millimetres wide when printed, dark on white."""
    code = segno.make(url, error="m", micro=False)
    width = code.symbol_size(scale=1, border=4)[0]
    code.save(str(target), kind="svg", scale=QR_MM / width, unit="mm", border=4, dark="#000", light="#fff", title=url)
    return target


def fail(message, choices, wanted):
    close = difflib.get_close_matches(wanted, choices, n=5, cutoff=0.4)
    hint = ("\n  Closest matches:\n" + "\n".join(f"    {c}" for c in close)) if close else ""
    print(f"agenda_link: {message}{hint}", file=sys.stderr)
    sys.exit(2)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="Without --out no file is written: only the two URLs are printed.")
    parser.add_argument("target", help="page path or URL, optionally with #section (e.g. tsl/vad-ar-tsl#kallor)")
    parser.add_argument("--out", metavar="DIR", help="write the two QR codes (<page>--<section>.sv.svg and .en.svg) "
                        "into DIR, created if missing (default: write nothing)")
    args = parser.parse_args(argv)

    site_url, redirects = config()
    pages = site_pages()
    path, section = normalise(args.target, site_url)
    if path not in pages and path in redirects:
        target = str(redirects[path])
        path, target_section = normalise(target, site_url)
        section = section or target_section
        print(f"note: {args.target} is a short address for /{path}; using that page", file=sys.stderr)
    if path not in pages:
        fail(f"there is no page '{args.target}' (looked for /{path} and docs/{path.rstrip('/') or 'index'}.sv.md)",
             ["/" + p for p in pages], "/" + path)
    title, sections = pages[path]["sv"]
    ids = [sid for sid, _ in sections]
    if section and section not in ids:
        fail(f"the page /{path} ({title}) has no section '#{section}'", ["#" + s for s in ids], "#" + section)
    en_title, en_sections = pages[path]["en"]
    if section and section not in [sid for sid, _ in en_sections]:
        fail(f"#{section} exists on the Swedish page but not on the English one: give "
             f"docs/{path.rstrip('/') or 'index'}.en.md the same heading id", [], "")

    heading = dict(sections).get(section)
    print(title + (f" › {heading}" if heading else ""))
    name = (path.strip("/").replace("/", "-") or "start") + (f"--{section}" if section else "")
    urls = {lang: url_for(site_url, path, section, lang) for lang in ("sv", "en")}
    for lang, url in urls.items():
        print(f"{lang}: {url}")
    if args.out is None:
        print("(no QR codes written: add --out DIR to save them)", file=sys.stderr)
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang, url in urls.items():
        print(f"QR code ({lang}, {QR_MM} mm wide): {write_qr(url, out / f'{name}.{lang}.svg')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
