#!/usr/bin/env python3
"""Start a new page: write docs/STEM.<lang>.md per language with everything the checks ask for, then say what is left.

Usage: scripts/new_page.py STEM TITLE [TITLE …]   (one title per language, in mkdocs.yml's order: sv, then en)
  e.g. scripts/new_page.py tsl/tillit-i-praktiken "Tillit i praktiken" "Trust in practice"
  or   make new-page PAGE=tsl/tillit-i-praktiken TITLES='"Tillit i praktiken" "Trust in practice"'
The files hold front matter, an introduction, one section and the sources section; every place still to write
says TODO, and tillit.checks (make build, make serve) stops until each one is replaced.
"""
import argparse
import datetime
import posixpath
import re
import sys

from tillit import checks as check_site
from tillit.site import ROOT, languages, load_config, local_time, strings

STEM = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*$")


def page_text(stem, lang, title, review):
    t = strings(lang)["newpage"]
    to_sources = posixpath.relpath(f"{check_site.SOURCES_PAGE}.md", posixpath.dirname(stem) or ".")
    return f"""---
title: "{title}"
description: "{t['intro']}"
tags:
  - {check_site.PLACEHOLDER}
owner: {t['owner']}
review_date: {review}
---

# {title}

{t['intro']}

## {t['section']} {{ #avsnitt }}

{t['text']}

## {t['sources']} {{ #{check_site.SOURCES_ID} }}

- [{t['source']}]({to_sources}) – {t['source_text']}
"""


def main(argv=None):
    langs = languages()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stem", help="the page's path below docs/ without language or .md, e.g. tsl/ny-sida")
    parser.add_argument("titles", nargs="+", help=f"the title in each language: {', '.join(langs)}")
    args = parser.parse_args(argv)
    stem = re.sub(r"(\.(" + "|".join(langs) + r"))?\.md$", "", args.stem.strip().removeprefix("docs/"))
    if not STEM.match(stem):
        parser.error(f"'{args.stem}': the page's path becomes its address: use a-z, 0-9, hyphens and '/' only "
                     "(no å, ä, ö, no spaces), e.g. tsl/tillit-i-praktiken")
    if len(args.titles) != len(langs):
        parser.error(f"give one title per language ({', '.join(langs)}), each in quotes: "
                     f"{stem} " + " ".join(f'"Title in {lang}"' for lang in langs))
    files = {lang: ROOT / "docs" / f"{stem}.{lang}.md" for lang in langs}
    if existing := [f"docs/{stem}.{lang}.md" for lang, f in files.items() if f.exists()]:
        parser.error(f"{', '.join(existing)} already exists: choose another path or edit that page")
    review = (local_time().date() + datetime.timedelta(days=365)).isoformat()
    for (lang, path), title in zip(files.items(), args.titles):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_text(stem, lang, title.replace('"', "”"), review), encoding="utf-8")
        print(f"wrote docs/{stem}.{lang}.md")
    pages, _ = check_site.read_docs()
    _, nav_stems = check_site.check_nav(pages, load_config())
    groups = sorted({"/".join(s.split("/")[:-1]) for s in nav_stems if "/" in s})
    group = "/".join(stem.split("/")[:-1])
    tags = "; ".join(f"{lang}: {', '.join(strings(lang).get('tags', []))}" for lang in langs)
    linking = check_site.check_linking_pages(pages, nav_stems | {stem})
    steps = [
        f"Put the page in the menu: in mkdocs.yml under nav:, add the line  - {stem}.md  (without .{langs[0]}) in "
        + (f"the group with the other {group}/ pages" if group in groups else
           "its group; a new group also needs its name in each language under nav_translations"),
        f"Replace every TODO in both files: description (one sentence, at most {check_site.MAX_DESCRIPTION} "
        f"characters), a tag ({tags}), the text, the section heading and id, and the sources (link the source "
        f"on the sources page, {check_site.SOURCES_PAGE}.md#…).",
        *[f"Name the page on a linking page: add '{stem}' to a marker '<!-- tillit:linking-pages … -->' in "
          "docs/om/lanka/<group>.*.md (or start a new sub-page there)"] * bool(linking),
        "Preview with `make serve`: it shows each problem with the file and the line.",
        "Check with `make check` (the fast tests), then `make urls` and commit both files, mkdocs.yml and urls.txt.",
    ]
    print("\nNext steps (README: En ny sida):")
    for number, step in enumerate(steps, 1):
        print(f"  {number}. {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
