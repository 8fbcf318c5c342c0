"""Smaller findings of the December reader trial (issue 28) that lxml can see in the built site."""
from urllib.parse import urljoin

import pytest
from conftest import LANGS


def test_every_page_links_whats_new_in_its_footer(pages):
    """R8: "Nytt och ändrat" is one tap from any page (the footer), in the page's language."""
    missing = []
    for page in pages:
        hrefs = page.tree.xpath('//footer//a[@class="tillit-news-link"]/@href')
        target = urljoin("http://x/" + page.rel, hrefs[0]).removeprefix("http://x/") if hrefs else ""
        if target != ("en/" if page.lang == "en" else "") + "om/nytt/":
            missing.append(f"{page.rel}: {hrefs}")
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("short", ["kommuner/", "om/"])
def test_trimmed_addresses_lead_somewhere(site_dir, lang, short):
    """R11: /kommuner/ and /om/ (an address trimmed by hand) lead to a page, in both languages."""
    stub = site_dir / ("en/" if lang == "en" else "") / short / "index.html"
    assert stub.is_file(), f"nothing at {stub.relative_to(site_dir)}"
    text = stub.read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in text, f"{stub}: not a redirect"


def test_page_toc_is_not_in_the_search_index(site_dir):
    """R9: the phone's list of sections is not indexed (it would repeat every heading in each page's snippet)."""
    for index in site_dir.glob("**/search/search_index.json"):
        assert "tillit-page-toc" not in index.read_text(encoding="utf-8")
