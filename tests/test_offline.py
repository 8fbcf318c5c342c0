"""`make offline`: a zip of the site that works from file:// without a server, search included, nothing off-host."""
import re
import subprocess
import zipfile
from urllib.parse import urlsplit

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def offline_root(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run(["make", "-s", "offline", f"OFFLINE_DIR={out}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    bundle = out / "tillit-offline.zip"
    assert bundle.exists(), f"make offline wrote no {bundle}"
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as z:
        z.extractall(unpacked)
    root = unpacked / "tillit-offline"
    assert (root / "index.html").exists() and (root / "en" / "index.html").exists()
    return root


def test_bundle_loads_nothing_from_another_host(offline_root):
    offenders = []
    for path in offline_root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: {src}" for src in re.findall(r'<script[^>]+src="(https?:[^"]+)"', text)]
        offenders += [f"{path.name}: {href}" for href in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="(https?:[^"]+)"', text)]
    assert not offenders, offenders
    assert (offline_root / "assets" / "javascripts" / "iframe-worker-shim.js").exists()
    # file:// pages link to files, not directories
    assert 'href="tsl/vad-ar-tsl.html"' in (offline_root / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang,start,query,expected", [
    ("sv", "index.html", "återremiss", "återremiss"),
    ("en", "en/index.html", "referred", "refer"),
])
def test_search_works_from_file_url(page, offline_root, lang, start, query, expected):
    page.goto((offline_root / start).as_uri())
    assert page.evaluate("location.protocol") == "file:"
    page.keyboard.press("/")
    page.keyboard.type(query)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15_000)
    href = result.get_attribute("href")
    assert ("/en/" in result.evaluate("a => a.href")) == (lang == "en"), href
    result.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and urlsplit(page.url).path.endswith(".html"), page.url
    assert page.locator("html").get_attribute("lang") == lang
    assert expected in page.locator("article").inner_text().lower()


def test_links_between_pages_work_from_file_url(page, offline_root):
    page.goto((offline_root / "index.html").as_uri())
    page.locator('.md-select a[hreflang="en"]').first.evaluate("a => a.click()")
    page.wait_for_url(re.compile(r"/en/index\.html$"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator('footer a.tillit-a11y-link').click()
    page.wait_for_url(re.compile(r"/en/om/tillganglighet\.html$"))
    assert page.locator("h1").inner_text()
