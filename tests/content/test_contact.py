"""A channel for feedback (issue 12 part 7): extra.contact in mkdocs.yml, shown in every footer and in the
accessibility statement in both languages; a build for a real address stops while it is the example value."""
import re

import pytest
import sitetext
from conftest import REAL_SITE_URL, copy_mini, mkdocs_build

from tillit import contact
from tillit import site as _site

CONTACT = _site.load_config()["extra"]["contact"]


def _contact_links(el):
    return el.xpath('.//*[contains(@class,"tillit-contact")]//a/@href')


def _expected_links():
    links = [f"mailto:{CONTACT['email']}"] if CONTACT.get("email") else []
    return links + ([CONTACT["form_url"]] if CONTACT.get("form_url") else [])


def test_every_footer_shows_the_contact_in_the_page_language(pages):
    problems = []
    for p in pages:
        footer = p.tree.xpath('//*[contains(@class,"tillit-footer-contact")]')
        label = _site.strings(p.lang)["contact"]["label"]
        if not footer or _contact_links(footer[0]) != _expected_links() or label not in footer[0].text_content():
            problems.append(p.rel)
    assert not problems, (f"no footer contact ({label!r} and {_expected_links()}) from mkdocs.yml extra.contact "
                          f"(overrides/partials/copyright.html, tillit/contact.py) on: {problems}")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_accessibility_statement_gives_the_contact(pages, lang):
    page = next(p for p in pages if p.lang == lang and p.url_path == "om/tillganglighet/")
    links = _contact_links(sitetext.article(page))
    assert links and set(links) == set(_expected_links()), (
        f"{sitetext.source_file(page)}: write <!-- contact --> on its own line where "
        "the statement says how to give feedback (tillit/contact.py puts in the "
        "address from mkdocs.yml extra.contact)")


@pytest.mark.parametrize("url,published", [
    ("http://127.0.0.1:8000/", False), ("http://localhost/tsl/", False), ("https://intranat.example.se/tsl/", False),
    ("https://kommun.example.com/", False), ("https://intranat.falkoping.se/tsl/", True), ("https://tillit.se/", True),
])
def test_which_addresses_count_as_published(url, published):
    assert contact.is_published(url) is published


@pytest.mark.slow
def test_a_published_build_stops_on_the_example_contact(tmp_path):
    copy = copy_mini(tmp_path / "project")   # the fixture site, with the project's example contact
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")   # the published address in mkdocs.yml (tillit/linking_pages.py wants it)
    config.write_text(text.replace('"https://intranat.example.se/tsl/"', f'"{REAL_SITE_URL}"', 1), encoding="utf-8")
    published = {"SITE_URL": REAL_SITE_URL}
    result = mkdocs_build(tmp_path / "out", config=copy / "mkdocs.yml", cwd=copy, env_extra=published)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "mkdocs.yml extra.contact" in output and CONTACT["email"] in output, \
        output[-2000:]
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(\n    email: ).*", r"\1tillit@falkoping.se", text, count=1)
    text = re.sub(r"(\n    form_url: ).*", r"\1https://intranat.falkoping.se/synpunkter", text, count=1)
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(tmp_path / "out", config=config, cwd=copy, env_extra=published)
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    for rel, lang in (("index.html", "sv"), ("en/index.html", "en")):
        footer = (tmp_path / "out" / rel).read_text(encoding="utf-8")
        form_label = _site.strings(lang)["contact"]["form"]
        assert 'href="mailto:tillit@falkoping.se"' in footer and "example.se" not in footer, rel
        assert f'<a href="https://intranat.falkoping.se/synpunkter">{form_label}</a>' in footer, rel
