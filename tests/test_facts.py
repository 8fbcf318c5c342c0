"""Every fact of the source documents is on the site in both languages (the list is tests/facts.yml)."""
import re
from pathlib import Path

import pytest
import yaml


FACTS = yaml.safe_load((Path(__file__).parent / "facts.yml").read_text(encoding="utf-8"))
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


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


def test_every_source_document_is_covered_and_described():
    sources = {f["source"] for f in FACTS}
    if SEEDS.exists():
        assert sources == {p.name[:3] for p in SEEDS.glob("*.txt")}
    assert sources == {"000", "001", "002", "003", "004"}


def test_the_seed_typos_are_not_copied(pages):
    for p in pages:
        text = p.tree.xpath("string(//article)")
        for typo in ("arbetsätt", "tillitstyrning", "ink lunch"):
            assert not re.search(rf"\b{typo}\b", text), f"{p.rel}: copies the source typo {typo!r}"
