"""Abbreviations are explained in the page's own language, on hover (title) and on keyboard focus."""
import re

import pytest
from conftest import ROOT


def expansions(lang):
    text = (ROOT / f"includes/abbreviations.{lang}.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\*\[([^\]]+)\]:\s*(.+)$", text, re.M))


def test_every_abbreviation_uses_its_own_language(pages):
    lists = {lang: expansions(lang) for lang in ("sv", "en")}
    checked = 0
    for p in pages:
        for abbr in p.tree.xpath("//article//abbr"):
            term, title = abbr.text_content(), abbr.get("title")
            assert title == lists[p.lang].get(term), f"{p.rel}: <abbr>{term}</abbr> titled {title!r}"
            checked += 1
    assert checked, "no abbreviations found on any page"


def test_first_use_of_each_abbreviation_is_focusable(pages):
    for p in pages:
        focusable = [a.text_content() for a in p.tree.xpath("//article//abbr[@tabindex='0']")]
        assert len(focusable) == len(set(focusable)), f"{p.rel}: {focusable}"
        assert not p.tree.xpath("//a//abbr[@tabindex]"), f"{p.rel}: focusable abbreviation inside a link"
        used = {a.text_content() for a in p.tree.xpath("//article//abbr[not(ancestor::a)]")}
        assert used == set(focusable), f"{p.rel}: not reachable by keyboard: {used - set(focusable)}"


@pytest.mark.browser
def test_keyboard_focus_shows_the_expansion(page, base_url):
    page.goto(base_url + "en/kommuner/bollebygd/")
    abbr = page.locator("article abbr[tabindex='0']").first
    abbr.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")   # reach it by keyboard so :focus-visible applies
    shown = abbr.evaluate("e => getComputedStyle(e, '::after').content")
    assert abbr.get_attribute("title") in shown
