"""Content quality of the built pages: plain Swedish (LIX), spelling (hunspell), front matter, dates, review notices."""
import re
import shutil
import subprocess

import pytest
from conftest import ROOT, copy_mini, mkdocs_build

LIX_LIMIT = 45
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary", "figcaption", "blockquote"}
SKIP_CLASSES = ("headerlink", "md-source-file", "tillit-page-owner", "tillit-review-notice", "md-tags", "tillit-nolint")
DICTIONARIES = {"sv": "sv_SE", "en": "en_GB"}


def _skip(el, lang):
    if not isinstance(el.tag, str) or el.tag in ("script", "style", "code", "pre", "kbd", "svg", "button"):
        return True
    other_lang = el.get("lang") and el.get("lang") != lang
    return bool(other_lang) or any(c in (el.get("class") or "") for c in SKIP_CLASSES)


def visible_blocks(page):
    """The article's readable text as a list of blocks (paragraphs, list items, headings, cells)."""
    article = page.tree.xpath('//article[contains(@class,"md-content__inner")]')[0]
    blocks, current = [], []

    def walk(el):
        if _skip(el, page.lang):
            if el.tail:
                current.append(el.tail)
            return
        block = el.tag in BLOCKS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            current.append(el.tail)

    def flush():
        text = " ".join("".join(current).split())
        if text:
            blocks.append(text)
        current.clear()

    walk(article)
    flush()
    return blocks


def lix(blocks):
    """LIX = words/sentences + 100 × long words/words; a block without final punctuation ends a sentence."""
    text = " ".join(b if b[-1] in ".!?:" else b + "." for b in blocks)
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    long_words = [w for w in words if len(w.replace("-", "")) > 6]
    return len(words) / sentences + 100 * len(long_words) / max(1, len(words))


def test_swedish_pages_are_plain_language(pages):
    scores = {p.rel: round(lix(visible_blocks(p)), 1) for p in pages if p.lang == "sv"}
    too_hard = {rel: score for rel, score in scores.items() if score > LIX_LIMIT}
    assert scores and not too_hard, f"LIX above {LIX_LIMIT} (aim for 40): {too_hard}"


def test_lix_counts_long_words_and_sentences():
    # two sentences of three words, one long word of six: 3 + 100 * 1/6
    assert round(lix(["Ett två tillitsstyrning.", "Fyra fem sex"]), 2) == round(3 + 100 / 6, 2)


def _word_list(lang):
    words = set((ROOT / f"tests/spelling/words.{lang}.txt").read_text(encoding="utf-8").split())
    abbreviations = ROOT / f"includes/abbreviations.{lang}.md"
    if abbreviations.exists():
        words |= set(re.findall(r"^\*\[([^\]]+)\]:", abbreviations.read_text(encoding="utf-8"), re.M))
    return words


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_spelling(pages, lang, tmp_path):
    if not shutil.which("hunspell"):
        pytest.fail("hunspell is missing: run `make browser` (installs hunspell, hunspell-sv, hunspell-en-gb)")
    personal = tmp_path / "words.dic"
    personal.write_text("\n".join(sorted(_word_list(lang))) + "\n", encoding="utf-8")
    unknown = {}
    for p in (p for p in pages if p.lang == lang):
        text = "\n".join(visible_blocks(p))
        text = re.sub(r"https?://\S+|\S+@\S+|\b[\w./-]+\.(?:html|md|pdf|svg|xml)\b", " ", text)
        result = subprocess.run(["hunspell", "-d", DICTIONARIES[lang], "-p", str(personal), "-l"],
                                input=text, capture_output=True, text=True, check=True)
        words = sorted(set(result.stdout.split()))
        if words:
            unknown[p.rel] = words
    assert not unknown, ("Unknown words (fix the spelling or add the word to "
                         f"tests/spelling/words.{lang}.txt): {unknown}")


def test_every_page_has_its_own_meta_description(pages):
    descriptions = {}
    for p in pages:
        content = p.tree.xpath('//meta[@name="description"]/@content')
        assert content and content[0].strip(), f"{p.rel}: no meta description"
        descriptions.setdefault((p.lang, content[0]), []).append(p.rel)
    shared = {k: v for k, v in descriptions.items() if len(v) > 1}
    assert not shared, f"pages sharing one description: {shared}"


MONTHS = {
    "sv": r"\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}",
    # en_GB
    "en": r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}",
}


def test_last_updated_date_in_the_page_language(pages):
    for p in pages:
        dates = " ".join(e.text_content() for e in p.tree.xpath('//*[contains(@class,"md-source-file")]'))
        assert re.search(MONTHS[p.lang], dates), f"{p.rel}: last-updated date not in {p.lang} format: {dates!r}"


def test_owner_and_review_date_are_shown(pages):
    label = {"sv": "Sidansvarig:", "en": "Page owner:"}
    for p in pages:
        owner = p.tree.xpath('//p[@class="tillit-page-owner"]')
        assert owner and label[p.lang] in owner[0].text_content(), p.rel


def test_overdue_review_shows_a_notice_in_the_page_language(tmp_path):
    copy_mini(tmp_path)
    for lang in ("sv", "en"):
        page = tmp_path / f"docs/ovning.{lang}.md"
        page.write_text(re.sub(r"review_date: .*", "review_date: 2020-01-31", page.read_text(encoding="utf-8"),
                               count=1),
                        encoding="utf-8")
    result = mkdocs_build(tmp_path / "out", config=tmp_path / "mkdocs.yml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    sv = (tmp_path / "out/ovning/index.html").read_text(encoding="utf-8")
    en = (tmp_path / "out/en/ovning/index.html").read_text(encoding="utf-8")
    assert "Sidan behöver granskas" in sv and "2020-01-31" in sv and "due for review" not in sv
    assert "This page is due for review" in en and "behöver granskas" not in en
    fresh = (tmp_path / "out/kallor/index.html").read_text(encoding="utf-8")
    assert "Sidan behöver granskas" not in fresh


def test_every_content_page_ends_with_its_sources(pages):
    """Pages about TSL end with a "Källor"/"Sources" section linking to the sources page (pages about the site
    excepted)."""
    for p in pages:
        if p.url_path.startswith("om/"):
            continue
        h2 = p.tree.xpath("//article//h2[@id]")
        assert h2 and h2[-1].get("id") == "kallor", f"{p.rel}: the last section is not #kallor"
        section_links = h2[-1].xpath("following-sibling::*//a/@href")
        assert any("kallor/#" in href or href.startswith("#") for href in section_links), \
            f"{p.rel}: the sources section links to no source"
