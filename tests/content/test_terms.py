"""One term base (issue 12 parts 3 and 6): terms.yml's renderings on every English page, and the glossary against it."""
import re

import pytest
import sitetext

from tillit import site as _site

TERMS = sitetext.load("terms.yml")["terms"]


def avoid_pattern(entry):
    """A rendering not to use as a regex: 're:…' as written, else the phrase as whole words (plural -s/-es too)."""
    if entry.startswith("re:"):
        return re.compile(entry[3:], re.I)
    words = r"\s+".join(re.escape(w) for w in entry.split())
    return re.compile(rf"(?<![\w-]){words}(?:s|es)?(?![\w-])", re.I)


AVOID = [(term, entry, avoid_pattern(entry)) for term in TERMS for entry in term.get("avoid") or []]


def avoided_in(text):
    """(term, avoid entry, matched text) for each rendering not to use found in a piece of English text."""
    text = sitetext.strip_quotes(text)
    return [(term, entry, m.group(0)) for term, entry, pattern in AVOID for m in pattern.finditer(text)]


def test_the_term_base_is_well_formed():
    seen = set()
    for term in TERMS:
        assert {"sv", "en"} <= term.keys(), f"terms.yml: {term} needs sv and en"
        assert term["sv"] not in seen, f"terms.yml: {term['sv']} is listed twice"
        seen.add(term["sv"])
        for entry in term.get("avoid") or []:
            assert not avoid_pattern(entry).search(term["en"]), \
                f"terms.yml: {term['sv']}: avoid entry {entry!r} matches the chosen rendering {term['en']!r}"
        if term.get("term_of_art"):
            assert term.get("glossary"), f"terms.yml: {term['sv']} is a term of art and needs `glossary: <id>`"


def test_the_matcher_flags_avoided_renderings_and_spares_the_right_ones():
    """Positive and negative controls: the scan can fail, and it does not fail on the chosen words."""
    bad = {"politicians and officials": "tjänsteperson", "An official may start taking decisions": "tjänsteperson",
           "the steering chain": "styrkedja", "the Trust Delegation's task": "Tillitsdelegationen",
           "Steering and management system": "styr- och ledningssystem",
           "The municipal chief executive leads the administration": "kommunchef"}
    for sample, sv in bad.items():
        assert sv in {t["sv"] for t, _, _ in avoided_in(sample)}, f"the scan misses {sample!r} ({sv})"
    for term in TERMS:
        for sample in [term["en"]] + (term.get("ok") or []):
            assert not avoided_in(sample), f"terms.yml: {sample!r} is flagged: {avoided_in(sample)}"
    # quoted and Swedish-marked text is not ours to change
    assert not avoided_in('often called "the Trust Delegation" in English')


def test_english_pages_use_the_term_base(pages):
    problems = []
    for p in (p for p in pages if p.lang == "en"):
        found = avoided_in(sitetext.text(p, with_description=True))
        for term, entry, matched in found:
            shown = "" if entry.startswith("re:") else f" avoids {entry!r}"
            hint = (" (this page lists other pages' headings: fix them there)"
                    if p.url_path.startswith("om/lanka/") else "")
            problems.append(f"{sitetext.source_file(p)}: {matched!r} – for {term['sv']} write {term['en']!r} "
                            f"(terms.yml{shown}; to name it on purpose, put it in quotation marks){hint}")
    assert not problems, "Renderings terms.yml says not to use:\n" + "\n".join(sorted(set(problems)))


def _glossary_entries(pages, lang, other_lang=False):
    """{id: headword} of the built glossary of one language (h3 headings; Swedish words in English headwords left out
    unless other_lang)."""
    page = next((p for p in pages if p.lang == lang and p.url_path == "ordlista/"), None)
    assert page is not None, f"no built glossary (docs/ordlista.{lang}.md) in {lang}"
    entries = {}
    for h3 in sitetext.article(page).xpath(".//h3[@id]"):
        headword = " ".join(sitetext.blocks(page, root=h3, other_lang=other_lang)).replace(sitetext.BREAK, " ")
        entries[h3.get("id")] = " ".join(re.sub(r"\(\s*[,\s]*\)", " ", headword).split())
    return page, entries


def test_the_glossary_follows_the_term_base(pages):
    problems = []
    for lang in ("sv", "en"):
        page, entries = _glossary_entries(pages, lang)
        # a name English keeps in Swedish (Tillitsdelegationen) is marked lang="sv" (tillit/foreign_words.py), so read
        # it too
        _, with_swedish = _glossary_entries(pages, lang, other_lang=True)
        for term in (t for t in TERMS if t.get("glossary")):
            gid, word = term["glossary"], term[lang]
            if gid not in entries:
                problems.append(f"{sitetext.source_file(page)}: no entry `### … {{ #{gid} }}` for {term['sv']} "
                                f"({term['en']}); terms.yml names it as the glossary entry")
                continue
            headword = with_swedish[gid] if term["en"] == term["sv"] else entries[gid]
            if word.lower() not in headword.lower():
                problems.append(f"{sitetext.source_file(page)}: the headword of #{gid} is {headword!r}; "
                                f"it must contain {word!r} (terms.yml)")
            if lang == "en" and avoided_in(headword):
                problems.append(f"{sitetext.source_file(page)}: the headword of #{gid} ({headword!r}) uses a "
                                f"rendering terms.yml avoids: {[m for _, _, m in avoided_in(headword)]}")
    assert not problems, "The glossary and terms.yml disagree:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_term_of_art_has_a_glossary_entry(pages, lang):
    """Terms of art (a source's own words) are explained in the glossary, in both languages."""
    page, entries = _glossary_entries(pages, lang)
    missing = [f"{t[lang]} (#{t.get('glossary')})" for t in TERMS
               if t.get("term_of_art") and t.get("glossary") not in entries]
    assert not missing, f"{sitetext.source_file(page)}: no glossary entry for the terms of art {missing} (terms.yml)"


def _uses(term_word, text):
    """The term in any inflection (understyrd, understyrda; under-steered) as a whole word."""
    return re.search(rf"(?<![\w-]){re.escape(term_word)}\w*", text, re.I) is not None


def test_a_plain_paraphrase_never_replaces_a_term_of_art():
    """Controls: the check flags a page that only paraphrases, and accepts one that names the term and explains it."""
    understyrd = next(t for t in TERMS if t["sv"] == "understyrd")
    assert paraphrase_problems(understyrd, "sv", "Vissa förvaltningar styrs för lite.")
    assert not paraphrase_problems(understyrd, "sv", "Vissa förvaltningar är understyrda, de styrs för lite.")


def paraphrase_problems(term, lang, text):
    used = [m.group(0) for entry in (term.get("plain") or {}).get(lang, [])
            for m in avoid_pattern(entry).finditer(text)]
    return used if used and not _uses(term[lang], text) else []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_terms_of_art_stay_beside_their_explanation(pages, lang):
    problems = []
    for p in (p for p in pages if p.lang == lang):
        text = sitetext.text(p, quotes=True, other_lang=True)
        for term in (t for t in TERMS if t.get("term_of_art")):
            for used in paraphrase_problems(term, lang, text):
                problems.append(f"{sitetext.source_file(p)}: {used!r} explains {term['sv']} but the page never uses "
                                f"the term itself; write {term[lang]!r} and keep the explanation (terms.yml: plain)")
            if sitetext.source_file(p) in (term.get("on_pages") or []) and not _uses(term[lang], text):
                problems.append(f"{sitetext.source_file(p)}: the source's own term {term[lang]!r} is missing "
                                f"(terms.yml: on_pages)")
    assert not problems, "Terms of art replaced by plain words:\n" + "\n".join(sorted(set(problems)))


# The printed material (issue 27 part 4): the card set (tillit.cards, from exercises/*.yml) and the pack for
# elected officials (tillit.pdfs, from mkdocs.yml extra.onboarding_pdf) follow the term base too.
@pytest.fixture(scope="module")
def printed(printed_site):
    """{(kind, lang): the PDF's text}."""
    import pypdf
    extra = _site.load_config()["extra"]
    out = {}
    for kind in ("card_pdf", "onboarding_pdf"):
        paths = {lang: printed_site / _site.lang_prefix(lang) / extra[kind]["file"].format(lang=lang)
                 for lang in _site.languages()}
        for lang, path in paths.items():
            text = " ".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
            out[kind, lang] = (path, " ".join(text.split()))
    return out


def test_the_printed_scan_reads_real_text(printed):
    """Positive control: the extracted text is the printed material (a scan of empty text could never fail)."""
    items = sitetext.load("exercises/golden-zone.yml")["items"]
    path, cards = printed["card_pdf", "en"]
    assert " ".join(items[0]["text"]["en"].split()[:4]) in cards, f"{path.name}: the first card's text is not found"
    path, pack = printed["onboarding_pdf", "en"]
    assert "Delegation order" in pack and "Referral back" in pack, f"{path.name}: the glossary headwords are missing"
    assert avoided_in(pack + " the delegation rules"), "the scan does not flag an avoided rendering in PDF text"


def test_the_english_card_set_and_pack_use_the_term_base(printed):
    problems = []
    for (kind, lang), (path, text) in sorted(printed.items()):
        if lang != "en":
            continue
        for term, _entry, matched in avoided_in(text):
            source = "exercises/*.yml or locales/en.yml" if kind == "card_pdf" else "the pages in extra.onboarding_pdf"
            problems.append(f"{path.name}: {matched!r} – "
                            f"for {term['sv']} write {term['en']!r} (terms.yml; fix it in the source: "
                            f"{source})")
    assert not problems, "Printed renderings terms.yml says not to use:\n" + "\n".join(sorted(set(problems)))
