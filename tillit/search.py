"""Search per language: split static-i18n's combined index into one index per language; add compound parts and synonyms.

How search works (see also REDAKTION.md, "Sökning", and UNDERHALL.md, "Sökningen inifrån"):
- static-i18n 1.3.1 writes ONE index (search/search_index.json) with both languages. After the last language is
  built, it becomes one index per language (<lang>/search/, locations relative to /<lang>/); overrides/main.html
  points each language's search base at its root.
- Each index turns on lunr's stemmer and adds two hidden fields, `kt` (title) and `kx` (text): the parts of Swedish
  compounds ("tillitsstyrning" -> "tillit styrning", against the site's own words) and the synonyms
  (search/synonyms.yml) of the groups an entry mentions.
- docs/assets/javascripts/workers/search-tillit.js wraps Material's worker and stems each query word with the SAME lunr
  stemmer before Material appends its trailing wildcard, so "styrningen" -> "styrning*" meets the stemmed index.
- config.tillit carries FOLD (the only copy), vocabulary() and locales' search.question_words, which
  workers/search-core.js stems and folds to match words without accents, with one typo, or for "did you mean".
"""
import functools
import hashlib
import html
import importlib.metadata
import json
import re
from collections import Counter
from pathlib import Path

import yaml
from babel import Locale

from tillit import cache
from tillit.site import ROOT, lang_prefix, language_of, languages, strings, yaml_load

SYNONYMS = ROOT / "search" / "synonyms.yml"
# Token separator for the index (Material splits on it; the worker splits queries on anything not a letter/digit)
SEPARATOR = r"[\s\-–—,.:;!?=\[\]()\"'’„”“/§…]+|&[a-z]+;"
PIPELINE = ["stopWordFilter", "stemmer"]
HIDDEN_FIELDS = {"kt": {"boost": 1000.0}, "kx": {"boost": 1.0}}   # same weights as Material's title and text
TAGS_BOOST = 1000.0   # Material: 1e6, so a prefix of a tag ("work" -> Workshop) outranked every title
LINKING = ("", "s", "e")          # Swedish compounds: tillit|s|styrning, tjänst|e|person, kommun|styrelse
NOT_A_HEAD = {"för", "att", "och", "som", "den", "det", "med", "men", "har", "kan", "ska", "inte", "var", "vid"}
MIN_PART = 4
# Accent folding, the one table (written into each index as config.tillit.fold; the worker folds queries and the
# site's words with it). Letter for letter, so a folded word is as long as the word: "falköping" -> "falkoping".
FOLD = {"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"}


def _words(text, separator=re.compile(SEPARATOR)):
    text = html.unescape(re.sub(r"<[^>]+>", " ", text or "")).lower()
    return [w for w in separator.split(text) if w and any(c.isalpha() for c in w)]


def load_synonyms(path=SYNONYMS):
    """Synonym groups as lists of lowercase phrases; a malformed file fails the build naming the file."""
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        groups = yaml_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ValueError(f"{name}: cannot read synonyms: {err}") from err
    if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(t, (str, int)) and str(t).strip() for t in g)
            for g in groups):
        raise ValueError(f"{name}: must be a list of groups, each a list of at least two terms")
    return [[" ".join(_words(str(t))) or str(t).lower() for t in g] for g in groups]


class Enricher:
    """Adds compound parts (Swedish) and synonyms to the hidden fields of one language's index entries."""

    def __init__(self, lang, docs, groups):
        import snowballstemmer  # here, not at the top: a build whose index is cached needs no stemmer
        algorithm = Locale.parse(lang).english_name.lower()   # 'sv' -> 'swedish', the stemmer lunr.<lang> uses
        if algorithm not in snowballstemmer.algorithms():
            raise ValueError(f"tillit/search.py: no snowball stemmer for '{lang}' ({algorithm})")
        self.lang = lang
        # memoised: snowball's Python is slow (the whole index is cached, so only a changed site stems)
        self.stem = functools.cache(snowballstemmer.stemmer(algorithm).stemWord)
        self.split = functools.cache(self.split)   # per index, the recursion included
        vocabulary = {w for d in docs for w in _words(d.get("title")) + _words(d.get("text"))}
        self.words = {w for w in vocabulary if len(w) >= MIN_PART and w.isalpha()}
        self.known = self.words | {self.stem(w) for w in self.words}
        self.groups = [[tuple(self.stem(w) for w in term.split()) for term in g] for g in groups]
        self.surface = groups
        self.by_first = {}   # first stem of a term -> the groups it starts a term of (most texts mention few groups)
        for i, group in enumerate(self.groups):
            for term in group:
                if term:
                    self.by_first.setdefault(term[0], set()).add(i)

    def split(self, word, depth=0):
        """Parts of a compound of known words, longest head first, or None; every part and its stem has MIN_PART
        letters: "tillitsdelegationen" -> tillit|delegationen, not "ordningen" -> ordn|ingen (a suffix, not a word).
        """
        if depth >= 4 or len(word) < 2 * MIN_PART or not word.isalpha():
            return None
        for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:i], word[i:]
            for link in LINKING:
                base = head[: len(head) - len(link)]
                if not head.endswith(link) or len(base) < MIN_PART or base in NOT_A_HEAD or base not in self.known:
                    continue
                if len(self.stem(tail)) >= MIN_PART and (tail in self.words or self.stem(tail) in self.known):
                    return [base, tail]
                if rest := self.split(tail, depth + 1):
                    return [base] + rest
        return None

    def extra(self, text):
        words = _words(text)
        out = []
        if strings(self.lang).get("search", {}).get("split_compounds"):   # locales/<lang>.yml
            for w in dict.fromkeys(words):
                out += self.split(w) or []
        stems = [self.stem(w) for w in words]
        present = set(stems)   # a term can only occur if its first word does: only those groups are scanned
        for i in sorted({i for stem in present for i in self.by_first.get(stem, ())}):
            if any(term and term[0] in present and self._contains(stems, term) for term in self.groups[i]):
                out += self.surface[i]
        return " ".join(dict.fromkeys(out))

    @staticmethod
    def _contains(stems, term):   # term: never empty (extra() checks)
        return any(tuple(stems[i:i + len(term)]) == term for i in range(len(stems) - len(term) + 1))

    def enrich(self, doc):
        doc["kt"] = self.extra(doc.get("title"))
        doc["kx"] = self.extra(doc.get("text"))
        return doc


def vocabulary(docs, stem):
    """The language's words for the worker (folding, typos, hints): each stem's commonest form, commonest first."""
    counts = Counter(w for d in docs for field in ("title", "text", "kt", "kx") for w in _words(d.get(field))
                     if len(w) >= 3 and w.isalpha())
    forms = {}
    for word, n in sorted(counts.items()):
        forms.setdefault(stem(word), Counter())[word] += n
    ranked = sorted(forms.values(), key=lambda c: (-sum(c.values()), c.most_common(1)[0][0]))
    return [c.most_common(1)[0][0] for c in ranked]


def split_index(index, config, groups):
    """{lang: index} from static-i18n's combined index, each entry in the language of its location (<lang>/…)."""
    out = {}
    for lang in languages(config):
        prefix = lang_prefix(lang, config)
        docs = [{**d, "location": d["location"].removeprefix(prefix)} for d in index["docs"]
                if language_of(d["location"], config) == lang]
        enricher = Enricher(lang, docs, groups)
        for doc in docs:
            enricher.enrich(doc)
        settings = {**index["config"], "lang": [lang], "separator": SEPARATOR, "pipeline": PIPELINE,
                    "fields": {**index["config"]["fields"], "tags": {"boost": TAGS_BOOST}, **HIDDEN_FIELDS},
                    "tillit": {"fold": FOLD, "words": vocabulary(docs, enricher.stem),
                               "question_words": strings(lang).get("search", {}).get("question_words", [])}}
        out[lang] = {"config": settings, "docs": docs}
    return out


def write_indexes(config):
    site = Path(config.site_dir)
    combined = site / "search" / "search_index.json"
    if not combined.exists():
        return
    langs = languages(config)
    raw = combined.read_text(encoding="utf-8")
    # kept in .cache/search: the same combined index, synonyms, settings and code give the same indexes
    key = hashlib.sha256("\0".join([Path(__file__).read_text(encoding="utf-8"), raw, *langs,
                                     SYNONYMS.read_text(encoding="utf-8") if SYNONYMS.exists() else "",
                                     json.dumps([strings(lang).get("search") for lang in langs], sort_keys=True),
                                     importlib.metadata.version("snowballstemmer")]).encode()).hexdigest()

    def made():
        indexes = split_index(json.loads(raw), config, load_synonyms())
        return {code: json.dumps(index, ensure_ascii=False, separators=(",", ":")) for code, index in indexes.items()}

    for lang, data in cache.texts("search", langs, key, made).items():
        folder = site / lang_prefix(lang, config) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if (site / "search" / "search_index.js").exists():   # file:// variant, when Material's offline plugin runs
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
