"""Language of parts (WCAG 3.1.2): Swedish words on English pages and English ones on Swedish pages get `lang`.

Which words: terms.yml, read by `foreign_words(lang)` (tests/content/test_language_of_parts.py uses it too). Text
inside an element with a `lang` is left alone: `*word*{ lang=sv }` in Markdown marks anything else.
"""
import functools
import hashlib
import re

from tillit import cache
from tillit.site import ROOT, yaml_load

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Content that is never read as text in the page language: skipped as a whole.
TOKEN = re.compile(r"<(script|style|svg|pre|code|textarea)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.S | re.I)
TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*?)(/?)>", re.S)
LANG_ATTR = re.compile(r'\slang="([^"]*)"')
SWEDISH_LETTERS = r"[\w-]*[åäöÅÄÖ][\w-]*"


@functools.cache
def _terms():
    return yaml_load((ROOT / "terms.yml").read_text(encoding="utf-8"))


def _phrase(text, suffix):
    return r"\s+".join(re.escape(w) for w in text.split()) + suffix + r"(?![\w-])"


def _word_start(alternatives):
    # one look-behind before the alternatives, not one in each: most positions are inside a word and fail at once
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")", re.I)


@functools.cache
def foreign_words(lang):
    """(other language, regex of its words to mark on `lang` pages) or None; one-word English terms are Swedish too."""
    data = _terms()
    parts = data.get("language_of_parts") or {}
    if lang == "en":
        sv = [t["sv"] for t in data["terms"]] + (parts.get("sv") or [])
        names = "|".join(re.escape(n) for n in parts.get("names") or [])
        alternatives = [_phrase(w, r"\w*") for w in sorted(sv, key=len, reverse=True)]
        alternatives.append(rf"(?!(?:{names})(?![\w-])){SWEDISH_LETTERS}")
        return "sv", _word_start(alternatives)
    if lang == "sv":
        en = [t["en"] for t in data["terms"] if re.search(r"[\s-]", t["en"])] + (parts.get("en") or [])
        return "en", _word_start(_phrase(w, "(?:s|es)?") for w in sorted(en, key=len, reverse=True))
    return None


def mark(html, lang):
    """`html` (a whole page) with each unmarked foreign word in the body wrapped in <span lang="…">."""
    found = foreign_words(lang)
    start = html.find("<body")
    if not found or start < 0:
        return html
    other, pattern = found
    out, stack, pos = [html[:start]], [], start

    def text(chunk):
        current = next((tag_lang for _, tag_lang in reversed(stack) if tag_lang), lang)
        if current.split("-")[0] != lang:
            return chunk
        return pattern.sub(lambda m: f'<span lang="{other}">{m.group(0)}</span>', chunk)

    for token in TOKEN.finditer(html, start):
        out += [text(html[pos:token.start()]), token.group(0)]
        pos = token.end()
        tag = TAG.fullmatch(token.group(0))
        if not tag:
            continue
        closing, name, attrs, selfclosing = tag.group(1), tag.group(2).lower(), tag.group(3), tag.group(4)
        if closing:
            names = [n for n, _ in stack]
            if name in names:
                del stack[len(names) - 1 - names[::-1].index(name):]
        elif name not in VOID and not selfclosing:
            attr = LANG_ATTR.search(attrs)
            stack.append((name, attr.group(1) if attr else None))
    out.append(text(html[pos:]))
    return "".join(out)


@functools.cache
def _version():
    return cache.code_version(__file__, ROOT / "terms.yml")


def marked(output, lang, name):
    """mark(), kept in .cache/lang_parts by page: a rebuild marks only the pages whose HTML changed."""
    key = hashlib.sha256(f"{_version()}\0{lang}\0{output}".encode()).hexdigest()
    return cache.text("lang_parts", f"{lang}/{name}", key, lambda: mark(output, lang))
