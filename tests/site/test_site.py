"""The built site: two mirrored language trees, correct lang attributes and alternates, 404s, nothing off-host."""
import re
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html as lxml_html


def test_every_page_has_its_twin(pages):
    by_rel = {p.rel for p in pages}
    lonely = [p.rel for p in pages if p.twin_rel not in by_rel]
    assert not lonely, f"pages without a twin in the other language: {lonely}"
    assert {p.lang for p in pages} == {"sv", "en"}


def test_html_lang_matches_the_tree(pages):
    wrong = [(p.rel, p.tree.get("lang")) for p in pages if p.tree.get("lang") != p.lang]
    assert not wrong, f"wrong <html lang>: {wrong}"


def test_language_links_point_at_the_twin(pages):
    """The language selector's hreflang links lead to the same page in each language."""
    for p in pages:
        links = {a.get("hreflang"): a.get("href")
                 for a in p.tree.xpath('//*[contains(@class,"md-select")]//a[@hreflang]')}
        assert set(links) == {"sv", "en"}, f"{p.rel}: language links {links}"
        page_url = "http://site/" + p.rel
        for lang, href in links.items():
            target = urlsplit(urljoin(page_url, href)).path.lstrip("/").removesuffix("index.html")
            expected = (p.rel if lang == p.lang else p.twin_rel).removesuffix("index.html")
            assert target == expected, f"{p.rel}: hreflang={lang} -> {href}"


def test_every_language_has_a_sitemap(site_dir):
    # Material fetches sitemap.xml from each language root; a missing one is a console 404
    for rel in ("sitemap.xml", "en/sitemap.xml"):
        assert "<urlset" in (site_dir / rel).read_text(encoding="utf-8"), rel


@pytest.mark.parametrize("rel,lang,needle", [
    ("404.html", "sv", "Sidan finns inte"),
    ("en/404.html", "en", "Page not found"),
])
def test_each_language_has_its_404_page(site_dir, rel, lang, needle):
    tree = lxml_html.fromstring((site_dir / rel).read_text(encoding="utf-8"))
    assert tree.get("lang") == lang
    assert needle in tree.text_content()
    # links on a 404 page must work from any depth: they are absolute
    for href in tree.xpath('//article//a/@href'):
        assert href.startswith(("/", "http")), f"{rel}: relative link {href} breaks on a deep 404"


def test_both_trees_are_complete(site_dir, pages):
    for lang_root in (site_dir, site_dir / "en"):
        assert (lang_root / "index.html").exists()
    sv = {p.url_path for p in pages if p.lang == "sv"}
    en = {p.url_path for p in pages if p.lang == "en"}
    assert sv == en


RESOURCE_XPATH = ("//script/@src | //link[not(@rel='alternate') and not(@rel='canonical')]/@href | //img/@src "
                  "| //iframe/@src | //source/@src | //video/@src | //audio/@src | //object/@data")


def test_no_resource_from_another_host(site_dir):
    offenders = []
    for path in site_dir.rglob("*.html"):
        tree = lxml_html.fromstring(path.read_text(encoding="utf-8"))
        for ref in tree.xpath(RESOURCE_XPATH):
            if urlsplit(ref).netloc and not ref.startswith("http://127.0.0.1"):
                offenders.append(f"{path.relative_to(site_dir)}: {ref}")
    for path in site_dir.rglob("*.css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.findall(r"(?:url\(|@import)\s*['\"]?(https?:)?//[^)'\"]+", text):
            offenders.append(f"{path.relative_to(site_dir)}: {match}")
    assert not offenders, "\n".join(offenders)


def test_heading_permalinks_are_titled_in_the_page_language(pages):
    titles = {"sv": "Länk till avsnittet", "en": "Link to this section"}
    for p in pages:
        found = set(p.tree.xpath('//a[contains(@class,"headerlink")]/@title'))
        assert found <= {titles[p.lang]}, f"{p.rel}: {found}"
