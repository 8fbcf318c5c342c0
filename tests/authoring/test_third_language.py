"""A third language needs only its config entry, its strings file and its pages (UNDERHALL.md, "Lägga till ett språk").

A copy of the project gets Finnish (fi) exactly as UNDERHALL.md says: the `fi` entry in mkdocs.yml's i18n languages,
locales/fi.yml (a copy of sv.yml with a few words translated, so the test can tell them apart), docs/**/*.fi.md
copied from Swedish and a Finnish text for every picture in diagrams/*.yml. Nothing else changes. The built copy must
have the Finnish pages, 404 page, search index, language switch, redirects and onboarding PDF.
"""
import json
import os
import re
import subprocess
import sys

import pypdf
import pytest
import yaml
from conftest import ROOT, built_once, copy_project, mkdocs_build
from lxml import html

from tillit.site import load_config, url_path

pytestmark = pytest.mark.slow

# Words in locales/fi.yml that differ from Swedish, so the test sees that the Finnish strings file is used
FINNISH = {("notfound", "title"): "Sivua ei löydy", ("footer", "accessibility"): "Saavutettavuusseloste",
           ("redirect", "title"): "Sinut ohjataan eteenpäin", ("pdf", "title"): "Tillit luottamushenkilöille",
           ("a11y", "menu"): "Valikko"}
FI_ENTRY = """        - locale: fi
          name: Suomi
          build: true
          nav_translations:
"""


def languages_config():
    plugins = load_config()["plugins"]
    return next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)["languages"]


def add_finnish(project):
    """UNDERHALL.md's steps, and nothing more."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "      languages:\n"
    assert text.count(anchor) == 1, "mkdocs.yml: expected one i18n 'languages:' list"
    # menu names in Finnish: here the Swedish ones, as the pages are copies of the Swedish pages
    names = next(lang for lang in languages_config() if lang["locale"] == "en")["nav_translations"]
    entry = FI_ENTRY + "".join(f"            {json.dumps(name, ensure_ascii=False)}: "
                               f"{json.dumps(name, ensure_ascii=False)}\n" for name in names)
    config.write_text(text.replace(anchor, anchor + entry), encoding="utf-8")

    strings = yaml.safe_load((project / "locales" / "sv.yml").read_text(encoding="utf-8"))
    for (group, key), value in FINNISH.items():
        strings[group][key] = value
    (project / "locales" / "fi.yml").write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")

    for sv in (project / "docs").rglob("*.sv.md"):
        # a translator also points the page's link to the PDF pack at the Finnish file
        text = sv.read_text(encoding="utf-8").replace("-sv.pdf", "-fi.pdf")
        sv.with_name(sv.name[: -len(".sv.md")] + ".fi.md").write_text(text, encoding="utf-8")

    # every picture (diagrams/) and exercise (exercises/) holds all languages in one file: each {sv: …, en: …} text
    # gets a Finnish one (here the Swedish one)
    for source in [*(project / "diagrams").glob("*.yml"), *(project / "exercises").glob("*.yml")]:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        source.write_text(yaml.safe_dump(_with_finnish(data), allow_unicode=True), encoding="utf-8")

    # the first record of what each Finnish page was checked against (translations.lock)
    record = translations(project, "mark", "--all")
    assert record.returncode == 0, record.stdout + record.stderr


def translations(project, *args):
    return subprocess.run([sys.executable, "-m", "tillit.translations", *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(project)})


def _with_finnish(value):
    """Every {sv: …, en: …} text in a picture's or exercise's source also gets fi: the Swedish text."""
    if isinstance(value, dict):
        out = {key: _with_finnish(item) for key, item in value.items()}
        return {**out, "fi": out["sv"]} if "sv" in out and "en" in out else out
    if isinstance(value, list):
        return [_with_finnish(item) for item in value]
    return value


def _make_fi_site(dest):
    project = copy_project(dest / "project")
    add_finnish(project)
    site = project / "site"
    result = mkdocs_build(site, config=project / "mkdocs.yml", cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    pdfs = subprocess.run([sys.executable, "-m", "tillit.pdfs", str(site)], cwd=project,
                          capture_output=True, text=True)
    assert pdfs.returncode == 0, pdfs.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def fi_site(tmp_path_factory):
    return built_once(tmp_path_factory, "fi", _make_fi_site)


def sv_pages():
    """URL paths of the Swedish content pages, from docs/ of the real project."""
    paths = []
    for md in (ROOT / "docs").rglob("*.sv.md"):
        paths.append(url_path(md.relative_to(ROOT / "docs").as_posix()[: -len(".sv.md")]))
    return sorted(paths)


def test_every_page_exists_in_finnish(fi_site):
    missing, wrong_lang = [], []
    for path in sv_pages():
        page = fi_site / "fi" / path / "index.html"
        if not page.exists():
            missing.append(path)
            continue
        if html.fromstring(page.read_bytes()).get("lang") != "fi":
            wrong_lang.append(path)
    assert not missing and not wrong_lang, f"missing under /fi/: {missing}; not lang=fi: {wrong_lang}"
    tree = html.fromstring((fi_site / "fi" / "index.html").read_bytes())
    assert tree.xpath("//a[@class='tillit-a11y-link']")[0].text_content().strip() == "Saavutettavuusseloste"
    menu = tree.xpath("//label[@for='__drawer']/span[@class='tillit-sr-only']")[0]
    assert menu.text_content() == "Valikko"


def test_finnish_404_page(fi_site):
    tree = html.fromstring((fi_site / "fi" / "404.html").read_bytes())
    assert tree.get("lang") == "fi"
    assert tree.xpath("//h1")[0].text_content().strip() == "Sivua ei löydy"
    offers = tree.xpath("//article//li[@lang]/a/@hreflang")
    assert sorted(offers) == ["en", "sv"]
    for other in ("404.html", "en/404.html"):
        assert "Sivua ei löydy" not in (fi_site / other).read_text(encoding="utf-8")
        offered = html.fromstring((fi_site / other).read_bytes()).xpath("//article//li[@lang='fi']/a/@href")
        assert offered and offered[0].endswith("/fi/"), f"{other} offers no Finnish start page"


def test_finnish_search_index(fi_site):
    indexes = {lang: json.loads((fi_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
               for lang, prefix in (("sv", ""), ("en", "en"), ("fi", "fi"))}
    assert indexes["fi"]["config"]["lang"] == ["fi"]
    fi_locations = {d["location"] for d in indexes["fi"]["docs"]}
    sv_locations = {d["location"] for d in indexes["sv"]["docs"]}
    assert fi_locations == sv_locations    # the same pages, addressed below /fi/
    for lang, index in indexes.items():
        assert not [d for d in index["docs"] if d["location"].startswith(("fi/", "en/"))], \
            f"{lang} index mixes languages"
    assert (fi_site / "assets" / "javascripts" / "lunr" / "min" / "lunr.fi.min.js").exists()


def test_language_switch_offers_finnish(fi_site):
    for rel in ("index.html", "en/index.html", "fi/index.html", "fi/tsl/vad-ar-tsl/index.html"):
        tree = html.fromstring((fi_site / rel).read_bytes())
        links = {a.get("hreflang"): a.get("href") for a in tree.xpath("//a[contains(@class,'md-select__link')]")}
        assert set(links) == {"sv", "en", "fi"}, f"{rel}: the language switch offers {sorted(links)}"
    switch = html.fromstring((fi_site / "tsl/vad-ar-tsl/index.html").read_bytes())
    fi_link = switch.xpath("//a[@hreflang='fi' and contains(@class,'md-select__link')]/@href")[0]
    assert fi_link.rstrip("/").endswith("fi/tsl/vad-ar-tsl")


def test_redirects_work_under_fi(fi_site):
    redirects = load_config()["extra"]["redirects"]
    assert redirects
    for old in redirects:
        stub = (fi_site / "fi" / old / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in stub and '<html lang="fi">' in stub
        assert "Sinut ohjataan eteenpäin" in stub
        href = re.search(r'id="tillit-redirect" href="([^"]+)"', stub).group(1)
        landing = (fi_site / "fi" / old / href.split("#")[0] / "index.html").resolve()
        assert landing.is_file() and landing.is_relative_to(fi_site / "fi"), f"/fi/{old} leads to {landing}"


def test_finnish_onboarding_pdf(fi_site):
    pdf = fi_site / "fi" / "pdf" / "tillit-fortroendevalda-fi.pdf"
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) > 5, "still the placeholder PDF"
    assert reader.trailer["/Root"].get("/Lang") == "fi"
    assert "Tillit luottamushenkilöille" in reader.pages[0].extract_text()


def test_linking_pages_list_finnish_addresses(fi_site):
    tree = html.fromstring((fi_site / "om" / "lanka" / "index.html").read_bytes())
    headers = [th.text_content().strip()
               for th in tree.xpath("//div[contains(@class,'tillit-linking-pages')]//thead//th")]
    assert "Suomi" in headers, headers
    urls = [c.text_content() for c in tree.xpath("//code[@class='tillit-url']")]
    assert any("/fi/tsl/vad-ar-tsl/" in url for url in urls)
    qr = [src for src in tree.xpath("//img[@class='tillit-qr']/@src") if "/fi/" in src]
    assert qr and (fi_site / "om" / "lanka" / qr[0]).resolve().is_file()


def test_a_finnish_translation_falls_behind_like_the_english(fi_site):
    """Each non-default language is tracked against Swedish: a Swedish edit names both translations."""
    project = fi_site.parent
    assert translations(project).stdout.strip().endswith("every one is checked")
    page = project / "docs" / "kommuner" / "boras.sv.md"
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original + "\nEn ny mening.\n", encoding="utf-8")
        said = translations(project).stdout
        assert "docs/kommuner/boras.fi.md is behind docs/kommuner/boras.sv.md" in said, said
        assert "docs/kommuner/boras.en.md is behind docs/kommuner/boras.sv.md" in said, said
    finally:
        page.write_text(original, encoding="utf-8")
    notices = [p for p in (fi_site / "fi").rglob("index.html") if "tillit-translation-notice" in p.read_text("utf-8")]
    assert not notices, notices
