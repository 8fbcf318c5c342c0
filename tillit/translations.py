"""Which translations fell behind their Swedish page: translations.lock records what each was last checked against.

What counts is what a reader of the Swedish page reads: its title, description and text, each h2 section hashed on
its own, white space folded; front matter bookkeeping (change notes, review date, owner, tags) does not. Each
translation's own text is hashed too, so `make translated PAGE=…` refuses to mark it checked while it is unchanged
since its last check: no notice is silenced without an edit. The record is a file in the repository, so a shallow
clone without git history knows the same.
Usage: python -m tillit.translations [list] | mark PAGE [PAGE …] | mark --all
"""
import argparse
import datetime
import hashlib
import re
import sys

from tillit.site import ROOT, languages, load_config, local_time, source_stem, yaml_load
from tillit.sources import DOCS, read_page

LOCK = ROOT / "translations.lock"
CURRENT: dict = {}   # (stem, lang) -> item of behind(), set for each build by hooks/build_start.py


def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def sections(stem: str, lang: str) -> dict:
    """{section id: hash} of a page's reader-visible text, h2 by h2 ('': the title, description and opening text)."""
    page = read_page(DOCS / f"{stem}.{lang}.md", stem, lang)
    parts, current = {"": [str(page.meta.get("title", "")), str(page.meta.get("description", ""))]}, ""
    h2 = {h.line: h.id for h in page.headings if h.level == 2}
    for number, line in enumerate(page.lines[page.body_start - 1:], page.body_start):
        current = h2.get(number, current)
        parts.setdefault(current, []).append(line)
    return {key: _digest("\n".join(lines)) for key, lines in parts.items()}


def _stems():
    return sorted(source_stem(p.relative_to(DOCS).as_posix()) for p in DOCS.rglob(f"*.{languages()[0]}.md"))


def read_lock() -> dict:
    """{stem: {lang: {"checked": date, "source": {section: hash}, "own": hash}}} (empty before the first record)."""
    return (yaml_load(LOCK.read_text(encoding="utf-8")) or {}) if LOCK.exists() else {}


def behind(lock=None) -> list[dict]:
    """Translations behind their Swedish page: stem, lang, first changed section ('' opening, None never), checked."""
    lock = read_lock() if lock is None else lock
    default, found = languages()[0], []
    for stem in _stems():
        now = sections(stem, default)
        for lang in languages()[1:]:
            if not (DOCS / f"{stem}.{lang}.md").exists():
                continue   # a missing translation is tillit.checks' problem
            record = (lock.get(stem) or {}).get(lang)   # None: never checked (its section is None)
            changed = [key for key in now if record["source"].get(key) != now[key]] if record is not None else [None]
            if changed or set(record["source"]) - set(now):   # a section changed, or one was removed
                found.append({"stem": stem, "lang": lang, "section": changed[0] if changed else "",
                              "checked": record and record["checked"]})
    return found


def message(item: dict) -> str:
    """One line for the build's output: the translation's file, the Swedish change, the command."""
    src, dst = (f"docs/{item['stem']}.{lang}.md" for lang in (languages()[0], item["lang"]))
    if item["checked"] is None:
        change = f"has never been checked against {src}"
    else:
        where = f"section #{item['section']}" if item["section"] else "its title, description or opening text"
        change = f"is behind {src}: {where} changed after the translation was checked on {item['checked']}"
    return f"translation: {dst} {change}; update it, then run `make translated PAGE={item['stem']}`"


def mark(stems: list[str], today: datetime.date | None = None, force: bool = False) -> list[str]:
    """Record translations as checked now; refuse one unchanged since its last check (force: the first record)."""
    lock, default = read_lock(), languages()[0]
    today = today or local_time().date()
    pending = {(b["stem"], b["lang"]) for b in behind(lock)}
    refused = []
    for stem in stems:
        if not (DOCS / f"{stem}.{default}.md").exists():
            refused.append(f"there is no page docs/{stem}.{default}.md "
                           "(write PAGE without language, e.g. kommuner/boras)")
            continue
        for lang in languages()[1:]:
            record = (lock.get(stem) or {}).get(lang)
            own = _digest((DOCS / f"{stem}.{lang}.md").read_text(encoding="utf-8"))   # the translation's own text
            if not force and record is not None and (stem, lang) in pending and record.get("own") == own:
                refused.append(f"docs/{stem}.{lang}.md is unchanged since it was checked on {record['checked']}, but "
                               f"docs/{stem}.{default}.md changed: update the translation first")
                continue
            lock.setdefault(stem, {})[lang] = {"checked": today, "source": sections(stem, default), "own": own}
    _write(lock)
    return refused


def _write(lock):
    lines = ["# What each translation was last checked against (tillit/translations.py; `make translated PAGE=…`).",
             "# source: hashes of the Swedish page's sections ('' = title, description, opening text); own: the",
             "# translation's own file. Written by the command; review the diff, do not edit by hand."]
    for stem in sorted(lock):
        lines.append(f"{stem}:")
        for lang in sorted(lock[stem]):
            record = lock[stem][lang]
            source = ", ".join(f'"{key}": "{value}"' for key, value in record["source"].items())
            lines.append(f'  {lang}: {{checked: {record["checked"]}, own: "{record["own"]}", source: {{{source}}}}}')
    LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", choices=["list", "mark"], default="list")
    parser.add_argument("pages", nargs="*", help="pages without language, e.g. kommuner/boras")
    parser.add_argument("--all", action="store_true", help="mark every page (a new language's first record)")
    args = parser.parse_args(argv)
    if args.command == "mark":
        stems = _stems() if args.all else [re.sub(r"(\.[a-z]{2})?\.md$", "", p).removeprefix("docs/")
                                           for p in args.pages]
        if not stems:
            parser.error("name a page: make translated PAGE=kommuner/boras")
        refused = mark(stems, force=args.all)
        for line in refused:
            print(f"translated: {line}", file=sys.stderr)
        print(f"translated: {LOCK.name} updated for {len(stems) - len(refused)} page(s)")
        return 1 if refused else 0
    items = behind()
    print(*map(message, items), f"translations: {len(items)} behind their Swedish page" if items
          else "translations: every one is checked", sep="\n")
    return 0


if __name__ == "__main__":
    load_config()   # fail early, naming mkdocs.yml, when it cannot be read
    sys.exit(main())
