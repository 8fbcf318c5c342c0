"""The hooks against a small site (tests/fixtures/mini-site: two content pages a language, one of each marker).

It is built once, as a project of its own (TILLIT_ROOT), with the project's configuration (INHERIT) and hooks; each test
reads one hook's output. What the whole site shows is tested in tests/site/.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, built_once
from lxml import html as lxml_html

MINI = ROOT / "tests" / "fixtures" / "mini-site"
LANGS = {"sv": "", "en": "en/"}


def build(project, dest):
    env = {**os.environ, "TILLIT_ROOT": str(project), "PYTHONPATH": str(ROOT)}
    env.pop("SITE_URL", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
                          cwd=project, env=env, capture_output=True, text=True)


def _make(dest):
    result = build(MINI, dest / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return dest / "site"


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return built_once(tmp_path_factory, "mini-site", _make)


def page(site, lang, path=""):
    return lxml_html.parse(str(site / LANGS[lang] / path / "index.html")).getroot()


@pytest.mark.parametrize("lang", LANGS)
def test_every_marker_is_expanded_in_the_pages_language(mini, lang):
    start, exercise = page(mini, lang), page(mini, lang, "ovning")
    title = start.xpath("//figure[@id='bild-krav']//*[local-name()='title']")
    assert title and title[0].text, "tillit:figure drew no picture"
    assert start.xpath("//article//span[@class='tillit-contact']//a[starts-with(@href,'mailto:')]"), "tillit:contact"
    assert len(exercise.xpath("//li[@class='tillit-exercise-item']")) == 3, "tillit:exercise"
    assert exercise.xpath("//li[@class='tillit-exercise-item']")[0].text_content().strip().startswith(
        {"sv": "Budgetramarna", "en": "The budget frames"}[lang])
    news = page(mini, lang, "om/nytt").xpath("//ul[@class='tillit-whats-new']/li/a/@href")
    assert news and news[0].endswith("#bilden"), "tillit:changes-list"
    urls = [code.text_content() for code in   # URLs may hold <wbr> where they can break
            page(mini, lang, "om/lanka/sidor").xpath("//div[contains(@class,'tillit-linking-pages')]//code")]
    assert "https://intranat.example.se/tsl/en/ovning/#fragor" in urls, "tillit:linking-pages"


def test_no_html_comment_is_left_in_any_page(mini):
    left = [p.relative_to(mini).as_posix() for p in mini.rglob("*.html") if "<!--" in p.read_text(encoding="utf-8")]
    assert not left, f"markers or comments left in {left}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_markdown_extension_in_each_language(mini, lang):
    """tillit.markdown: an old id before its heading, named checkboxes, the first abbreviation focusable."""
    exercise, start = page(mini, lang, "ovning"), page(mini, lang)
    alias = exercise.xpath("//span[@id='gamla-fragor']")
    assert alias and alias[0].getnext().get("id") == "fragor"
    label = exercise.xpath("//li[contains(@class,'task-list-item')]/label[input[@type='checkbox']]")[0]
    assert label.text_content().strip() == {"sv": "Läs kallelsen", "en": "Read the agenda"}[lang]
    abbrs = start.xpath("//article//abbr[text()='TSL']")
    assert abbrs and abbrs[0].get("tabindex") == "0"


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_404_sitemap_feed_and_redirect(mini, lang):
    """hooks/languages.py: what static-i18n writes once is written for every language."""
    root = mini / LANGS[lang]
    assert lxml_html.parse(str(root / "404.html")).getroot().get("lang") == lang
    assert f"/tsl/{LANGS[lang]}ovning/" in (root / "sitemap.xml").read_text(encoding="utf-8")
    feed = (root / "feed.xml").read_text(encoding="utf-8")
    assert f'xml:lang="{lang}"' in feed and f"/tsl/{LANGS[lang]}#bilden" in feed
    stub = (root / "tsl" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in stub and "ovning/#fragor" in stub
    assert (root / "pdf" / f"tillit-fortroendevalda-{lang}.pdf").read_bytes().startswith(b"%PDF")


def test_one_search_index_per_language(mini):
    """hooks/post_build.py: static-i18n's combined index split per language, locations below each root."""
    indexes = {lang: json.loads((mini / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
               for lang, prefix in LANGS.items()}
    titles = {lang: {d["title"] for d in index["docs"]} for lang, index in indexes.items()}
    assert "Övning" in titles["sv"] and "Övning" not in titles["en"] and "Exercise" in titles["en"]
    assert not [d for d in indexes["en"]["docs"] if d["location"].startswith("en/")]
    assert all(index["config"]["lang"] == [lang] for lang, index in indexes.items())


def test_an_unknown_marker_stops_the_build_naming_the_file_and_line(tmp_path):
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)   # the linked folders copied as folders; INHERIT then names the project's file
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("INHERIT: ../../../mkdocs.yml",
                                                                f"INHERIT: {ROOT / 'mkdocs.yml'}"), encoding="utf-8")
    page_file = project / "docs" / "ovning.en.md"
    text = page_file.read_text(encoding="utf-8").replace("tillit:exercise mini", "tillit:exercize mini")
    page_file.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "exercize" in row)
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(rf"docs/ovning\.en\.md:{line}: unknown marker 'tillit:exercize'", result.stderr), result.stderr
