#!/usr/bin/env python3
"""Update urls.txt, the URL contract: every published URL (both languages) and its h2/h3 section anchors.

Builds the site (or reads --site DIR), adds every new page, section and redirect, and never drops a line: a URL
that is gone must be kept working with a redirect (mkdocs.yml extra.redirects) or by keeping the section id.
Exit 0: unchanged; 1: the list changed (review and commit urls.txt); 2: a listed URL no longer resolves; 3: a page's
section ids differ between languages (nothing is written: it would publish a wrong anchor); 4: the build failed (its
source checks say why, e.g. heading ids that differ between languages).
`--check` writes nothing (exit 1 if lines are missing); `--reset` writes exactly what the built site has (before the
site is first published only). `make urls` turns exit 1 into a success line for writers.
"""
import argparse
import posixpath
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tillit.checks import published_urls, source_of
from tillit.site import ROOT, is_redirect_stub, lang_prefix, language_of, languages, not_a_page_prefixes

CONTRACT = ROOT / "urls.txt"
HEADER = """\
# URL contract of Tillit: every published URL (path below site_url, both languages) and its section anchors.
# Agendas and decisions in archives link to these for decades: each line must keep working.
# tests/test_links.py checks every line. `make urls` adds new pages and sections (never ids that differ by language).
# Never delete a line: when a page moves, add a redirect in mkdocs.yml (extra.redirects); when a heading's id changes,
# keep the old one as an alias: ## Rubrik { #nytt-id data-alias="gammalt-id" } (REDAKTION.md: URL-policy).
"""
HEADING_ID = re.compile(r"<h[23]\b[^>]*\bid=\"([^\"]+)\"")
ANY_ID = re.compile(r"\bid=\"([^\"]+)\"")
REFRESH = re.compile(r"http-equiv=\"refresh\" content=\"0; url=([^\"#]*)")


def build(dest):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(dest)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:   # exit 4, not 1: `make urls` must not call a failed build an update
        print(f"update_url_contract: the build failed:\n{result.stderr[-3000:]}", file=sys.stderr)
        sys.exit(4)
    return dest


def resolve(site, path):
    """(text of the page a URL path leads to, following redirect stubs) or None."""
    for _ in range(5):
        file = site / path.lstrip("/") / "index.html"
        if not file.is_file():
            return None
        text = file.read_text(encoding="utf-8")
        target = REFRESH.search(text[:2000])
        if not target:
            return text
        path = posixpath.normpath(posixpath.join(path, target.group(1))).rstrip("/") + "/"
    return None


def published(site):
    """Every URL of the built site: content pages with their h2/h3 anchors, and redirect stubs."""
    entries = set()
    for file in site.rglob("index.html"):
        rel = file.relative_to(site).as_posix()
        if rel.startswith(not_a_page_prefixes()):
            continue
        text = file.read_text(encoding="utf-8")
        path = "/" + rel.removesuffix("index.html")
        entries.add(path)
        if is_redirect_stub(text):
            continue
        article = text[text.find("<article"): text.rfind("</article>")]
        entries.update(f"{path}#{anchor}" for anchor in HEADING_ID.findall(article))
    return entries


def broken(site, entries):
    """Entries that no longer lead to a page, or whose anchor is gone from the page they lead to."""
    bad = []
    for entry in sorted(entries):
        path, _, anchor = entry.partition("#")
        text = resolve(site, path)
        if text is None:
            bad.append(f"{entry}: no page and no redirect")
        elif anchor and anchor not in ANY_ID.findall(text):
            bad.append(f"{entry}: the page has no id '{anchor}'")
    return bad


def differing_ids(entries):
    """Messages for sections that one language of a page has and another has not (both languages must share ids)."""
    first, *others = languages()
    anchors = {}   # {path below the language prefix: {lang: {anchor}}}
    for entry in entries:
        path, _, anchor = entry.partition("#")
        lang = language_of(path.lstrip("/"))
        found = anchors.setdefault(path.lstrip("/").removeprefix(lang_prefix(lang)), {}).setdefault(lang, set())
        found.update([anchor] if anchor else [])
    problems = []
    for below, ids in sorted(anchors.items()):
        if len(ids) <= len(others):
            continue   # a page missing in a language: tillit.checks names the file
        for lang in others:
            if ids[first] != ids[lang]:
                a, b = (source_of(lang_prefix(x) + below + "index.html") for x in (first, lang))
                problems.append(f"{a} has {sorted(ids[first] - ids[lang])} and {b} has {sorted(ids[lang] - ids[first])}"
                                ": give both the same heading ids (keep an id that is already in urls.txt)")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--contract", type=Path, default=CONTRACT, help="the contract file (default: urls.txt)")
    parser.add_argument("--reset", action="store_true", help="drop lines the site no longer has (before launch only)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when lines are missing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tillit-urls-") as tmp:
        site = args.site or build(Path(tmp) / "site")
        old = published_urls(args.contract)
        now = published(site)
        new = now if args.reset else old | now
        bad = broken(site, new)
    if differ := differing_ids(now):
        print(f"{args.contract.name} NOT changed: section ids differ between languages, and recording them would "
              "publish a wrong anchor:\n  " + "\n  ".join(differ) + "\nFix the ids, then run `make urls` again.",
              file=sys.stderr)
        return 3
    if args.check:
        missing = sorted(now - old)
        if missing or bad:
            print("not in urls.txt (run `make urls`, review and commit it):\n  " + "\n  ".join(missing + bad),
                  file=sys.stderr)
            return 1
        print(f"{args.contract.name} lists every published URL ({len(old)} URLs).")
        return 0
    if new != old:
        args.contract.write_text(HEADER + "".join(f"{line}\n" for line in sorted(new)), encoding="utf-8")
    for line in sorted(new - old):
        print(f"+ {line}")
    for line in sorted(old - new):
        print(f"- {line}")
    if bad:
        print("These published URLs no longer work. Add a redirect in mkdocs.yml (extra.redirects), or keep the "
              "section's old id as an alias on its heading: '## Rubrik { #nytt-id data-alias=\"gammalt-id\" }' "
              "(and a change note in the page's front matter):\n  " + "\n  ".join(bad), file=sys.stderr)
        return 2
    if new != old:
        print(f"{args.contract.name} changed ({len(new)} URLs): review the lines above and commit it.")
        return 1
    print(f"{args.contract.name} is up to date ({len(new)} URLs).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
