"""Check every authoring rule (REDAKTION.md) on the sources (docs/, mkdocs.yml, data) and on a built site.
It reads files only and imports nothing from MkDocs, so the checks run under any generator. Each problem names the
file (docs/….md or mkdocs.yml) and line where it can, and says what to write instead. `make build` runs it after
MkDocs; hooks/build_start.py runs the source checks on every build and rebuild (so `make serve` shows them too).
Usage: python -m tillit.checks [--site DIR]    Exit 0: no problem. Exit 1: problems, listed on stderr.
"""
import argparse
import datetime
import difflib
import posixpath
import re
import sys
from pathlib import Path

from tillit import exercise, figures, markers
from tillit.site import (
    ROOT,
    address_warning,
    lang_prefix,
    language_entries,
    language_of,
    languages,
    load_config,
    missing_strings,
    strings,
    url_path,
)
from tillit.sources import ANY_ID, ATTR_ID, DOCS, read_page

LINKING_DIR = "om/lanka/"           # the linking pages (tillit.linking_pages): the index and a sub-page per group
LINKING_INDEX = LINKING_DIR + "index"

CONFIG = ROOT / "mkdocs.yml"
REQUIRED = ("title", "description", "tags", "owner", "review_date")
MAX_DESCRIPTION = 160
VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)(\{[^}\n]*\})?")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
IMAGE_FILE = re.compile(r"\.(svg|png|jpe?g|gif|webp|avif)$", re.IGNORECASE)
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
CODE = re.compile(r"`[^`]*`")   # inline code: a picture or link written there is an example
MD_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)")
DECORATIVE = "decorative"   # the class that marks an image with alt="" as decorative: ![](x.svg){ .decorative }
SOURCES_ID = "kallor"        # every content page (outside om/) ends with this section, linking to kallor.md
SOURCES_PAGE = "kallor"
NO_SOURCES = ("om/",)        # pages about the site itself need no sources section
PLACEHOLDER = "TODO"         # what scripts/new_page.py writes where the writer must fill in text
READING = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+tolkning\b\s*(.*)$")   # our own reading: !!! tolkning "Vår tolkning"
OLD_PATH = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")
ALT_FIX = ("write what the picture shows: ![Vad bilden visar](bild.svg), or <img alt=\"…\">; only a purely "
           f"decorative picture may have an empty alt, marked ![](bild.svg){{ .{DECORATIVE} }}")
CHANGE_FIX = "write e.g. 'changes:' and under it '  - {date: 2026-11-28, text: Vad som ändrades, på sidans språk}'"


def read_docs():
    """({stem: {lang: Page}}, [problems with file names])."""
    langs = languages()
    pages, problems = {}, []
    suffixes = " or ".join(f".{lang}.md" for lang in langs)
    for md in sorted(DOCS.rglob("*.md")):
        rel = md.relative_to(DOCS).as_posix()
        stem, _, lang = rel.removesuffix(".md").rpartition(".")
        if not stem or lang not in langs:
            problems.append(f"docs/{rel}: a page's file name ends in its language ({suffixes}): rename it to "
                            f"docs/{rel.removesuffix('.md')}.{langs[0]}.md and add the other languages")
            continue
        pages.setdefault(stem, {})[lang] = read_page(md, stem, lang)
    return pages, problems


def _lang_suffix():
    return re.compile(r"\.(" + "|".join(map(re.escape, languages())) + r")\.md$")


def _key_line(page, key):
    return next((n for n in range(2, page.body_start) if page.lines[n - 1].startswith(f"{key}:")), None)


# ---------------------------------------------------------------- the checks on docs/ and mkdocs.yml

def check_pairs(pages):
    langs = languages()
    return [f"Missing translation: docs/{stem}.{lang}.md (every page needs a file in each language: "
            f"{', '.join(langs)}): copy docs/{stem}.{next(iter(have))}.md to it and translate it"
            for stem, have in sorted(pages.items()) for lang in langs if lang not in have]


def check_front_matter(page):
    if page.meta_error or not page.lines or page.lines[0].strip() != "---":
        yield page.meta_error or (f"{page.where(1)}: the page has no front matter: start it with '---', the keys "
                                  f"{', '.join(REQUIRED)} and '---' (REDAKTION.md: Reglerna för varje sida)")
        return

    def bad(key, text):
        return f"{page.where(_key_line(page, key) or 2)}: bad front matter: {text}"
    yield from [f"{page.where(2)}: bad front matter: missing '{key}'" for key in REQUIRED if not page.meta.get(key)]
    allowed = strings(page.lang).get("tags", [])
    tags = page.meta.get("tags") or []
    if not isinstance(tags, list):
        yield bad("tags", "'tags' must be a list, one '  - Tag' a line")
        tags = []
    yield from [bad("tags", f"unknown tag '{tag}' (allowed for '{page.lang}': {', '.join(allowed)}; the list is in "
                    f"locales/{page.lang}.yml, key tags)") for tag in tags if tag not in allowed]
    description = str(page.meta.get("description") or "")
    if len(description) > MAX_DESCRIPTION:
        yield bad("description", f"'description' is {len(description)} characters; shorten it to at most "
                  f"{MAX_DESCRIPTION}")
    review = page.meta.get("review_date")
    if isinstance(review, datetime.datetime):
        yield bad("review_date", "'review_date' must be a date without a time: write "
                  f"'review_date: {review.date().isoformat()}'")
    elif review and not isinstance(review, datetime.date):
        yield bad("review_date", "'review_date' must be a date written YYYY-MM-DD (for example 2027-11-23), not "
                  f"'{review}'")


def check_placeholders(page):
    return [f"{page.where(number)}: replace the placeholder '{line.strip()[:60]}' (scripts/new_page.py wrote it)"
            for number, line in enumerate(page.lines, 1) if PLACEHOLDER in line]


def check_reading_boxes(page):
    """The box for our own reading has the same title everywhere: "Vår tolkning" / "Our reading" (locales)."""
    title = strings(page.lang).get("tolkning", {}).get("title")
    return [f"{page.where(number)}: the box for our own reading is titled the same on every page: "
            f"write '!!! tolkning \"{title}\"' (the text indented four spaces below it)" for number, line in page.body
            if title and (match := READING.match(line)) and match.group(1).strip() != f'"{title}"']


def _alt_problem(alt, src, decorative):
    name = posixpath.basename(src or "")
    if alt is None:
        return "has no alt text"
    if not alt.strip():
        return "" if decorative else "has an empty alt text"
    if IMAGE_FILE.search(alt.strip()) or alt.strip() in (name, posixpath.splitext(name)[0]):
        return f"has a file name as alt text ('{alt.strip()}')"
    return ""


def check_pictures(page):
    for number, line in page.body:
        line = CODE.sub("", line)
        for alt, src, attrs in MD_IMAGE.findall(line):
            if why := _alt_problem(alt, src, f".{DECORATIVE}" in attrs):
                yield f"{page.where(number)}: the picture {src} {why}: {ALT_FIX}"
            if missing := _missing_picture_file(page, src):
                yield (f"{page.where(number)}: the picture {src} has no file for this language: add {missing} (each "
                       f"language has its own picture file, like the pages: name.{languages()[0]}.svg, "
                       f"name.{languages()[-1]}.svg, linked as name.svg)")
        for tag in HTML_IMG.findall(line):
            attrs = {m.group(1).lower(): next(v for v in m.groups()[1:] if v is not None) for m in ATTR.finditer(tag)}
            if why := _alt_problem(attrs.get("alt"), attrs.get("src"), DECORATIVE in attrs.get("class", "").split()):
                yield f"{page.where(number)}: the picture {attrs.get('src', tag[:60])} {why}: {ALT_FIX}"


def _missing_picture_file(page, src):
    """The docs/ file a local picture lacks in the page's language, or '': static-i18n puts a file without language
    suffix into the default language's build only (fallback_to_default is off), so bild.en.svg beside bild.sv.svg.
    """
    path = re.split(r"[#?]", src)[0]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.stem), path))
    if not path or re.match(r"^[a-z]+:|^/", path) or target.startswith(".."):
        return ""
    base, ext = posixpath.splitext(target)
    localized = f"{base}.{page.lang}{ext}"
    found = (DOCS / localized).exists() or (page.lang == languages()[0] and (DOCS / target).exists())
    return "" if found else f"docs/{localized}"


def check_heading_ids(page):
    for h in page.headings:
        if h.level in (2, 3) and not h.id:
            yield (f"{page.where(h.line)}: the heading '{h.text}' has no id: write '{'#' * h.level} {h.text} "
                   "{ #kort-id }' (a-z, 0-9 and hyphens, the same in every language; never change it once published)")
        elif h.level in (2, 3) and not VALID_ID.match(h.id):
            yield (f"{page.where(h.line)}: the heading id '#{h.id}' may hold only a-z, 0-9 and hyphens: "
                   f"write for example '{{ #{_slug(h.id)} }}'")


def check_aliases(page):
    """A heading's earlier ids (data-alias) are valid ids that no other element of the page has."""
    # each id the page defines, with the first line that defines it
    defined = dict(reversed([(h.id, h.line) for h in page.headings]
                            + [(a or b, number) for number, line in page.body for a, b in ANY_ID.findall(line)]))
    seen = {}
    for h in page.headings:
        for alias in h.aliases:
            fix = f"remove '{alias}' from data-alias=\"…\" on '{h.text}'"
            if not VALID_ID.match(alias):
                yield (f"{page.where(h.line)}: the old id '{alias}' in data-alias may hold only a-z, 0-9 "
                       f"and hyphens: write it exactly as it was published (urls.txt)")
            elif alias in defined:
                yield (f"{page.where(h.line)}: the old id '#{alias}' duplicates an id the page already has "
                       f"(line {defined[alias]}): {fix}, or rename the other id")
            elif alias in seen:
                yield (f"{page.where(h.line)}: the old id '#{alias}' is also an alias on line {seen[alias]}: "
                       f"{fix}; one old id leads to one section")
            seen.setdefault(alias, h.line)


def check_changes(page):
    """Front matter changes: a list of {date: YYYY-MM-DD, text: one line, section: optional heading id}."""
    changes, where = page.meta.get("changes"), page.where(_key_line(page, "changes"))
    if not isinstance(changes, list | None):
        yield f"{where}: 'changes' must be a list of notes: {CHANGE_FIX}"
    for number, note in enumerate(changes if isinstance(changes, list) else [], 1):
        if not isinstance(note, dict) or not isinstance(note.get("text"), str) or not note["text"].strip() \
                or "\n" in note["text"].strip():
            yield f"{where}: change note {number} needs 'text:' with one line: {CHANGE_FIX}"
            continue
        day = note.get("date")
        if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
            yield (f"{where}: change note {number} has the date {day!r}: write a real date as YYYY-MM-DD, "
                   f"e.g. 'date: 2026-11-28' (no quotes, no time)")
        if unknown := set(note) - {"date", "text", "section"}:
            yield (f"{where}: change note {number} has unknown keys {sorted(unknown)}: only date, text "
                   "and section (a heading id of this page)")
        if (section := note.get("section")) and section not in {h.id for h in page.headings}:
            yield (f"{where}: change note {number} names the section '{section}', which is not a heading "
                   f"id of this page: write one of its {{ #id }} or leave 'section' out")


def check_published_sections(page, contract):
    """A section listed in urls.txt keeps its heading or lives on as an alias, and then the page says so in a note."""
    path = "/" + lang_prefix(page.lang) + url_path(page.stem)
    published = {line.partition("#")[2] for line in contract if line.startswith(path + "#")}
    moved = sorted(published - {h.id for h in page.headings})
    problems = [f"{page.rel}: the published section '#{anchor}' (urls.txt: {path}#{anchor}) is gone: "
                f"keep its id as an alias on the heading where its content is now, "
                f"'## Rubrik {{ #nytt-id data-alias=\"{anchor}\" }}', and add a change note"
                for anchor in moved if anchor not in page.ids]
    aliased = [a for a in moved if a in page.ids]   # an alias, or an id kept on a paragraph
    if aliased and not page.meta.get("changes"):
        problems.append(f"{page.rel}: the published sections {', '.join('#' + a for a in aliased)} were renamed or "
                        f"merged (an alias or a kept id): tell readers in the front matter: {CHANGE_FIX}")
    return problems


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(str.maketrans("åäöéü", "aaoeu"))).strip("-") or "avsnitt"


def check_ids_match(pair):
    """The same h2/h3 ids, levels and order in every language of a page."""
    first, *others = [pair[lang] for lang in languages() if lang in pair]
    base = [h for h in first.headings if h.level in (2, 3)]
    ids = [(h.level, h.id) for h in base]
    for other in others:
        heads = [h for h in other.headings if h.level in (2, 3)]
        if [(h.level, h.id) for h in heads] == ids:
            yield from [f"{other.where(b.line)}: the old ids of '#{b.id}' differ between languages: "
                        f"data-alias=\"{' '.join(b.aliases)}\" here, data-alias=\"{' '.join(a.aliases)}\" "
                        f"in {first.where(a.line)}: write the same in both"
                        for a, b in zip(base, heads) if sorted(a.aliases) != sorted(b.aliases)]
            continue
        matcher = difflib.SequenceMatcher(a=ids, b=[(h.level, h.id) for h in heads], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            pairs = list(zip(base[i1:i2], heads[j1:j2]))   # none where a delete or insert leaves one side empty
            for a, b in pairs:
                yield (f"{other.where(b.line)}: heading ids differ between languages: '{'#' * b.level} "
                       f"{b.text} {{ #{b.id} }}' where {first.where(a.line)} has '{'#' * a.level} {a.text} "
                       f"{{ #{a.id} }}': give both the same level and id (keep the published one)")
            alone = [(h, first, other) for h in base[i1 + len(pairs):i2]] + [
                (h, other, first) for h in heads[j1 + len(pairs):j2]]
            yield from [f"{here.where(h.line)}: the section '#{h.id}' has no heading in {there.rel}: add "
                        f"'{'#' * h.level} … {{ #{h.id} }}' there, in the same place" for h, here, there in alone]


def check_sources_section(page):
    if page.stem.startswith(NO_SOURCES):
        return []
    heading = strings(page.lang).get("newpage", {}).get("sources", "Källor")
    to_sources = posixpath.relpath(f"{SOURCES_PAGE}.md", posixpath.dirname(page.stem) or ".")
    fix = (f"end the page with '## {heading} {{ #{SOURCES_ID} }}' and a list of the sources, one a line: "
           f"'- [Name of the source]({to_sources}#the-source-id) – what it supports'")
    h2 = [h for h in page.headings if h.level == 2]
    if not h2 or h2[-1].id != SOURCES_ID:
        return [f"{page.where(h2[-1].line if h2 else None)}: the last section is not the sources section: {fix}"]
    targets = [t for line in page.lines[h2[-1].line:] for t in LINK_TARGET.findall(line)]
    # a link to the sources page, or on the sources page itself to a source further up (#bollebygd-ks-202)
    if not any(t.split("#")[0].endswith(f"{SOURCES_PAGE}.md") or t.startswith("#") for t in targets):
        return [f"{page.where(h2[-1].line)}: the sources section links to no source: link each source on "
                f"the sources page, e.g. - [Name of the source]({to_sources}#the-source-id)"]
    return []


def check_links(page, pages):
    """Links to other pages name an existing page without language suffix, and an existing section."""
    return [f"{page.where(number)}: link to '{target}': {why}" for number, line in page.body if "](" in line
            for target in MD_LINK.findall(CODE.sub("", line)) if (why := _link_problem(page, pages, target))]


def _link_problem(page, pages, target):
    """What is wrong with a link in a page, or '' (a link to another site or file is MkDocs' to check)."""
    path, _, anchor = target.partition("#")
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or path and not path.endswith(".md"):
        return ""     # http:, mailto: …, a PDF or another file
    suffix = _lang_suffix()
    if suffix.search(path):
        return (f"write '{suffix.sub('.md', path)}{'#' + anchor if anchor else ''}' (links name the page "
                "without language; each language's page links to its own language)")
    stem = posixpath.normpath(posixpath.join(posixpath.dirname(page.stem), path)).removesuffix(".md") \
        if path else page.stem
    if stem not in pages:
        return (f"there is no page docs/{stem}.{page.lang}.md (the path is relative to this page's folder, "
                "without language)")
    other = pages[stem].get(page.lang)
    if renamed := next((h.id for h in (other.headings if other else []) if anchor in h.aliases), None):
        return f"'#{anchor}' is an old id of the section '#{renamed}' in {other.rel}: link to '#{renamed}'"
    if anchor and other is not None and anchor not in other.ids:
        return (f"{other.rel} has no section '#{anchor}' (use one of its heading ids, written {{ #id }} after the "
                "heading)")
    return ""


def _nav_entries(nav):
    """(title or None, page) for every page in mkdocs.yml's nav, (title, None) for every group."""
    for item in nav or []:
        for title, value in item.items() if isinstance(item, dict) else [(None, item)]:
            yield title, None if isinstance(value, list) else str(value)
            if isinstance(value, list):
                yield from _nav_entries(value)


def check_nav(pages, config, config_path=CONFIG):
    langs, suffix = languages(), _lang_suffix()
    yml = Path(config_path).read_text(encoding="utf-8").splitlines()
    name = Path(config_path).name
    translations = {entry["locale"]: entry.get("nav_translations") or {} for entry in language_entries(config)}
    problems, listed = [], set()

    def where(needle):
        return next((f"{name}:{number}" for number, line in enumerate(yml, 1) if needle in line), name)
    for title, target in _nav_entries(config.get("nav")):
        problems += [f"{where(title + ':')}: the menu name '{title}' has no name in '{lang}': add '{title}: …' under "
                     f"nav_translations of the '{lang}' language (plugins: i18n: languages in mkdocs.yml)"
                     for lang in langs[1:] if title is not None and title not in translations.get(lang, {})]
        if target is None or re.match(r"^[a-z]+://", target):
            continue
        if suffix.search(target):
            problems.append(f"{where(target)}: the menu (nav:) names pages without language: "
                            f"write '{suffix.sub('.md', target)}', not '{target}'")
            target = suffix.sub(".md", target)
        stem = target.removesuffix(".md")
        listed.add(stem)
        if stem not in pages:
            problems.append(f"{where(target)}: the menu (nav:) names '{target}', but there is no "
                            f"docs/{stem}.{langs[0]}.md: correct the path (relative to docs/, without language)")
    for stem in sorted(set(pages) - listed):
        problems.append(f"docs/{stem}.{langs[0]}.md: the page is not in the menu: add '- {stem}.md' (without "
                        f".{langs[0]}) under nav: in {name}, in its group")
    return problems, listed


def check_redirects(pages, config):
    redirects = (config.get("extra") or {}).get("redirects") or {}
    for old, target in redirects.items():
        where = f"mkdocs.yml extra.redirects '{old}'"
        if not OLD_PATH.match(str(old)):
            yield f"{where}: the old path must be a lowercase URL path ending in '/', like 'tsl/gammal-sida/'"
            continue
        path, _, anchor = str(target).partition("#")
        stem = path.removesuffix(".md")
        if url_path(stem) == old or redirects.get(url_path(stem)) is not None:
            what = "itself" if url_path(stem) == old else "another old address"
            yield (f"{where}: it leads to '{url_path(stem)}', which is {what}: "
                   "a redirect loop or chain; point the old address straight at the page it should open")
            continue
        for lang in languages():
            page = pages.get(stem, {}).get(lang)
            if page is None:
                yield (f"{where}: the target docs/{stem}.{lang}.md does not exist: write a page path "
                       "without language, like 'tsl/ny-sida.md'")
            elif anchor and anchor not in {h.id for h in page.headings} | {   # and the lines that are a { #id } only
                    m.group(1) for line in page.lines if (m := ATTR_ID.match(line))}:
                yield f"{where}: docs/{target} has no section #{anchor} (docs/{stem}.{lang}.md)"
        yield from [f"{where}: docs/{candidate}.{languages()[0]}.md is a page at that URL now; remove the redirect"
                    for candidate in (old.rstrip("/"), old.rstrip("/") + "/index") if candidate in pages]


def check_linking_pages(pages, nav_stems):
    """Every page in the menu is listed on exactly one sub-page of om/lanka/ (its marker names it)."""
    default = languages()[0]
    problems, subpages = [], {}
    for stem, pair in sorted((s, p) for s, p in pages.items() if s.startswith(LINKING_DIR) and s != LINKING_INDEX):
        named = {lang: (markers.args_of(page.text, "linking-pages") or "").split()
                 for lang, page in pair.items()}
        problems += [f"{page.rel}: a page under docs/{LINKING_DIR} needs a marker like '<!-- tillit:linking-pages "
                     "tsl/ -->' naming the pages whose sections it lists"
                     for lang, page in pair.items() if not named[lang]]
        if named.get(default):
            subpages[stem] = named[default]
            problems += [f"{page.rel}: its marker names {named[lang]}, the {default} page {named[default]}: "
                         "write the same '<!-- tillit:linking-pages … -->' in every language"
                         for lang, page in pair.items() if named[lang] and named[lang] != named[default]]
    for stem in sorted(nav_stems & set(pages)):
        # the sub-pages that name the page itself, then those that name a folder above it
        hits = list(dict.fromkeys([sub for sub, names in subpages.items() if stem in names] + [
            sub for sub, names in subpages.items() if any(n.endswith("/") and stem.startswith(n) for n in names)]))
        if len(hits) != 1:
            where = ", ".join(f"docs/{h}.{default}.md" for h in hits) or f"no page under docs/{LINKING_DIR}"
            problems.append(f"docs/{stem}.{default}.md: its sections must be listed on exactly one linking page "
                            f"(found: {where}); name '{stem}' in one marker '<!-- tillit:linking-pages ... -->'")
    return problems


def published_urls(path):
    """The published URLs (urls.txt; scripts/update_url_contract.py keeps it), or none before the first build."""
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")} if path.exists() else set()


def source_problems(config_path=CONFIG):
    """Every problem in docs/ and mkdocs.yml (or the build's config file), as messages naming the file and line."""
    config = load_config(Path(config_path))
    pages, problems = read_docs()
    contract = published_urls(Path(config_path).parent / "urls.txt")
    problems += [*check_pairs(pages), *missing_strings(), *figures.problems()]
    page_checks = (lambda page: markers.problems(page.text, page.rel), check_front_matter,
                   check_placeholders, check_pictures, check_reading_boxes, lambda page: check_links(page, pages),
                   check_heading_ids, check_aliases, check_changes,
                   lambda page: check_published_sections(page, contract), check_sources_section)
    for _stem, pair in sorted(pages.items()):
        problems += [problem for page in pair.values() for check in page_checks for problem in check(page)]
        problems += check_ids_match(pair)
    nav_problems, nav_stems = check_nav(pages, config, config_path)
    return [*problems, *nav_problems, *check_redirects(pages, config), *check_linking_pages(pages, nav_stems),
            *check_exercises(pages)]


def check_exercises(pages):
    """Each exercises/*.yml (answers, languages, page#section links); a file for each exercise and figure marker."""
    def page_ids(stem, lang):
        return pages[stem][lang].ids if lang in pages.get(stem, {}) else None
    names = {path.stem for path in exercise.EXERCISES.glob("*.yml")}
    files = {"exercise": ("exercises", names), "figure": ("diagrams", set(figures.names()))}
    problems = [f"{page.where(number)}: '<!-- tillit:{name} {args} -->' has no file {files[name][0]}/{args}.yml: "
                "create it or correct the name" for _stem, pair in sorted(pages.items()) for page in pair.values()
                for number, name, args in markers.find(page.text)
                if name in files and args not in files[name][1]]
    return problems + [problem for name in sorted(names) for problem in exercise.problems(name, page_ids)]


# ---------------------------------------------------------------- the checks on a built site

def source_of(rel):
    """The docs/ file of a built page: 'en/tsl/x/index.html' -> 'docs/tsl/x.en.md' (or the built file if none)."""
    lang = language_of(rel)
    stem = rel.removeprefix(lang_prefix(lang)).removesuffix("index.html").strip("/") or "index"
    return next((f"docs/{candidate}" for candidate in (f"{stem}.{lang}.md", f"{stem}/index.{lang}.md")
                 if (DOCS / candidate).exists()), rel)


def site_problems(site):
    """Built pictures without alt text, HTML comments left (unexpanded markers), a localhost/example address warning."""
    from lxml import html as lxml_html
    problems = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        text = file.read_text(encoding="utf-8", errors="replace")
        if (comment := text.find("<!--")) >= 0:
            problems.append(f"{source_of(rel)}: the built page {rel} still holds an HTML comment "
                            f"({text[comment:comment + 60]!r}): a marker that nothing expanded, or a comment to remove")
        pictures = lxml_html.fromstring(text).xpath('//*[contains(@class,"md-content")]//img') if "<img" in text else []
        for img in pictures:
            if why := _alt_problem(img.get("alt"), img.get("src"), DECORATIVE in (img.get("class") or "").split()):
                problems.append(f"{source_of(rel)}: the picture {img.get('src')} {why} (in the built page {rel}): "
                                f"{ALT_FIX}")
    start = site / "index.html"
    canonical = start.exists() and re.search(r'<link rel="canonical" href="([^"]+)"', start.read_text(encoding="utf-8"))
    warning = canonical and address_warning(canonical.group(1), "this build (links, QR codes, PDFs, sitemap, feeds)")
    return problems, warning or ""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="also check this built site (e.g. site)")
    args = parser.parse_args(argv)
    problems = source_problems()
    if args.site:
        built, warning = site_problems(args.site)
        problems += built
        if warning:
            print(warning, file=sys.stderr)
    if problems:
        print(*problems, f"check_site: {len(problems)} problem(s): fix them in the files named above "
              f"({len(problems)} fel: rätta dem i filerna som står ovan)", sep="\n", file=sys.stderr)
        return 1
    print("check_site: every page follows the rules (alla sidor följer reglerna)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
