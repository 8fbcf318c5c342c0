"""Every fact of the source documents is on the site in both languages (the list is tests/content/facts.yml)."""
import re
from pathlib import Path

import pytest
import yaml

FACTS = yaml.safe_load((Path(__file__).parent / "facts.yml").read_text(encoding="utf-8"))
SEEDS = yaml.safe_load((Path(__file__).parent / "seeds.yml").read_text(encoding="utf-8"))   # the sources' index


@pytest.fixture(scope="module")
def texts(pages):
    # the whole article text, quotations in the other language included
    return {(p.lang, p.url_path): " ".join(p.tree.xpath("string(//article)").split()).lower() for p in pages}


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f['source']}-{f['page']}-{f['sv'][0]}")
def test_fact_is_stated_in_both_languages(fact, texts):
    for lang in ("sv", "en"):
        text = texts.get((lang, fact["page"] + "/"))
        assert text is not None, f"page {fact['page']} missing in {lang}"
        missing = [n for n in fact[lang] if not any(alt.lower() in text for alt in n.split("|"))]
        assert not missing, f"{lang}/{fact['page']}: missing {missing} (source document {fact['source']})"


def test_every_source_document_is_covered():
    """Each source in the index has facts in facts.yml, and each fact names a source in the index."""
    indexed = [s["source"] for s in SEEDS]
    assert len(indexed) == len(set(indexed)) and all(s["file"].startswith(s["source"] + "_") for s in SEEDS), SEEDS
    sources = {f["source"] for f in FACTS}
    assert not sources - set(indexed), \
        f"facts.yml names sources not in tests/content/seeds.yml: {sources - set(indexed)}"
    assert not set(indexed) - sources, f"sources with no fact in tests/content/facts.yml: {set(indexed) - sources}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_source_document_is_described_on_the_sources_page(pages, lang):
    """Each source has its own section on the Sources page (kallor/) with a description of at least a sentence."""
    page = next(p for p in pages if p.lang == lang and p.url_path == "kallor/")
    for seed in SEEDS:
        heading = page.tree.xpath('//article//*[@id=$id]', id=seed["section"])
        assert heading, f"{page.rel}: no section #{seed['section']} for source {seed['source']} ({seed['what']})"
        words = []
        for sibling in heading[0].itersiblings():
            if sibling.tag in ("h1", "h2") or (sibling.tag == heading[0].tag and sibling.get("id")):
                break
            words += sibling.text_content().split()
        assert len(words) >= 8, f"{page.rel}#{seed['section']}: source {seed['source']} is not described ({words})"


def test_the_seed_typos_are_not_copied(pages):
    for p in pages:
        text = p.tree.xpath("string(//article)")
        for typo in ("arbetsätt", "tillitstyrning", "ink lunch"):
            assert not re.search(rf"\b{typo}\b", text), f"{p.rel}: copies the source typo {typo!r}"
