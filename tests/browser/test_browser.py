"""What a reader does in real Chromium: switch language, search, a missing page. (Every page loading cleanly is
checked in the axe sweeps of tests/test_accessibility.py, at two widths and in both palettes.)"""
import re

import pytest

pytestmark = pytest.mark.browser


def test_language_switch_keeps_page_and_section(page, base_url, pages):
    target = next(p for p in pages if p.lang == "sv" and p.url_path == "tsl/vad-ar-tsl/")
    section = target.tree.xpath("//article//h2[@id]/@id")[0]
    page.goto(f"{base_url}{target.url_path}#{section}")
    page.get_by_role("button", name=re.compile("språk|language", re.I)).first.hover()
    page.locator('.md-select a[hreflang="en"]').first.click()
    page.wait_for_url(re.compile(r"/en/tsl/vad-ar-tsl/"))
    assert page.evaluate("location.hash") == f"#{section}"
    assert page.locator("html").get_attribute("lang") == "en"
    # and back again
    page.get_by_role("button", name=re.compile("språk|language", re.I)).first.hover()
    page.locator('.md-select a[hreflang="sv"]').first.click()
    page.wait_for_url(re.compile(r"/tsl/vad-ar-tsl/#"))
    assert "/en/" not in page.url and page.evaluate("location.hash") == f"#{section}"


def test_search_in_swedish_finds_a_swedish_page(page, base_url):
    page.goto(base_url)
    page.keyboard.press("/")   # Material's shortcut focuses the search box
    page.keyboard.type("återremiss")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=10_000)
    href = result.get_attribute("href")
    assert "/en/" not in href, href
    result.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert "återremiss" in page.locator("article").inner_text().lower()


def test_unknown_url_shows_the_404_page_in_its_language(page, base_url):
    page.guard.allow_console.append("404")
    for path, lang, text in [("finns/inte/", "sv", "Sidan finns inte"), ("en/no/such/page/", "en", "Page not found")]:
        response = page.goto(base_url + path)
        assert response.status == 404
        assert page.locator("html").get_attribute("lang") == lang
        assert text in page.locator("article").inner_text()
        # the page is styled: its stylesheet loaded from the absolute asset path
        assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
        page.get_by_role("link", name=re.compile("startsidan|start page")).first.click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == lang
