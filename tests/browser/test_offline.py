"""`make offline`: a zip of the site that works from file:// without a server, search included, nothing off-host."""
import json
import re
import subprocess
import time
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, built_once, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _make_offline(dest):
    out = dest / "made"
    result = subprocess.run(["make", "-s", "offline", f"OFFLINE_DIR={out}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    bundle = out / "tillit-offline.zip"
    assert bundle.exists(), f"make offline wrote no {bundle}"
    unpacked = dest / "unzipped"
    with zipfile.ZipFile(bundle) as z:
        z.extractall(unpacked)
    root = unpacked / "tillit-offline"
    assert (root / "index.html").exists() and (root / "en" / "index.html").exists()
    return root


@pytest.fixture(scope="module")
def offline_root(tmp_path_factory):
    return built_once(tmp_path_factory, "offline", _make_offline)


def test_bundle_loads_nothing_from_another_host(offline_root):
    offenders = []
    for path in offline_root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: {src}" for src in re.findall(r'<script[^>]+src="(https?:[^"]+)"', text)]
        offenders += [f"{path.name}: {href}"
                      for href in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="(https?:[^"]+)"', text)]
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


# Typed as a reader would: slowly and fast. Each query's result list must end up as the one the http-served pages give.
PACES_MS = (400, 20)
QUERIES = {   # query -> a page the answer must contain (inflected forms and Swedish compound parts included)
    "sv": {"gyllene zonen": "kommuner/falkoping", "återremitterades": "kommuner/bollebygd",
           "delegationen": "tsl/tillitsdelegationen", "vad är en återremiss": "kommuner/bollebygd",   # a question
           "falkoping": "kommuner/falkoping", "kompetensförsörjnig": "ordlista"},     # no å/ä/ö; one typo
    "en": {"golden zone": "kommuner/falkoping", "referred back": "kommuner/bollebygd",
           "steering": "tsl/tillitsdelegationen", "what is referral back": "kommuner/bollebygd",   # a question
           "Boras": "kommuner/boras", "Tillitsdelegationn": "tsl/tillitsdelegationen"},   # a Swedish name; a typo
}
QUESTIONS = {"vad är en återremiss", "what is referral back"}   # their stop words are not searched, by design
CASES = [(lang, query) for lang in QUERIES for query in QUERIES[lang]]
RESULTS = """() => [...document.querySelectorAll(".md-search-result__list .md-search-result__link")].map(a =>
    [(a.querySelector("h1, h2") || a).textContent.trim(), a.href])"""


def _page_key(href, root):
    """A result link as '<page>?h=…#section', the page without .html / index.html, so both URL styles compare."""
    assert href.startswith(root), f"result {href} is outside {root}"
    parts = urlsplit(href[len(root):])
    path = re.sub(r"(^|/)index\.html$", r"\1", parts.path)
    path = re.sub(r"\.html$", "/", path)
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def _results(page, root):
    meta = page.locator(".md-search-result__meta").inner_text()
    return meta, [(title, _page_key(href, root)) for title, href in page.evaluate(RESULTS)]


def _reference(page, root, lang, query):
    """What the pages answer to the whole query at once (?q=, one query after the index is ready), over http."""
    start = root + ("en/" if lang == "en" else "")
    page.goto(start + "?q=" + query)
    page.locator(".md-search-result__list .md-search-result__link").first.wait_for(timeout=15_000)
    before, after = None, _results(page, root)
    while after != before:   # fully rendered: the same list twice, 300 ms apart
        page.wait_for_timeout(300)
        before, after = after, _results(page, root)
    return after


def _typed(page, start, root, query, pace_ms, expected, timeout=8.0):
    """Open the search with '/', type the query key by key, and return the result list once it holds still."""
    page.goto(start)
    page.keyboard.press("/")
    page.keyboard.type(query, delay=pace_ms)
    deadline, seen = time.monotonic() + timeout, None
    while time.monotonic() < deadline:   # results arrive after the last key; wait until they match or time runs out
        seen = _results(page, root)
        if seen == expected:
            page.wait_for_timeout(500)     # and stay: no late answer to an older query replaces them
            return _results(page, root)
        page.wait_for_timeout(100)
    return seen


@pytest.fixture(scope="module")
def offline_http(offline_root):
    server, url = serve(offline_root)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def references(tmp_path_factory, browser, offline_http, base_url):
    """Per (lang, query): the answer of the offline pages served over http, and of the served site (worked out once
    per test run, in JSON: both test processes compare against the same answers)."""
    def make(dest):
        context = browser.new_context()
        page = context.new_page()
        found = [[lang, query, _reference(page, offline_http, lang, query), _reference(page, base_url, lang, query)]
                 for lang, query in CASES]
        context.close()
        (dest / "references.json").write_text(json.dumps(found), encoding="utf-8")
        return dest / "references.json"

    def answer(meta, results):   # as _results gives it
        return meta, [tuple(result) for result in results]
    found = json.loads(built_once(tmp_path_factory, "offline-references", make).read_text(encoding="utf-8"))
    return {(lang, query): (answer(*offline), answer(*served)) for lang, query, offline, served in found}


@pytest.mark.parametrize("lang,query", CASES)
def test_offline_and_served_search_answer_alike(references, lang, query):
    offline, served = references[(lang, query)]
    assert offline == served, f"{query!r}: the offline pages answer differently from the served site"
    page = ("en/" if lang == "en" else "") + QUERIES[lang][query] + "/"
    assert any(key.startswith(page) for _, key in served[1]), \
        f"{query!r}: {QUERIES[lang][query]} is not among the results {served[1]}"
    # every word of the query is found (and highlighted) somewhere, not only the last one typed; a question's
    # question and stop words are left out by design (workers/search-core.js), so it is checked by its page alone
    if query in QUESTIONS:
        return
    highlighted = [parse_qs(urlsplit(key).query).get("h", [""])[0].split() for _, key in served[1]]
    assert max(map(len, highlighted)) == len(query.split()), f"{query!r}: not every word found: {served[1]}"


# every query typed fast (answers overtake each other); slowly (each key's answer arrives before the next key) the
# two-word query and the question of each language, the ones with the most answers on the way
SLOWLY = QUESTIONS | {"gyllene zonen", "golden zone"}
TYPED_FROM_FILE = [(lang, query, PACES_MS[1]) for lang, query in CASES] + [
    (lang, query, PACES_MS[0]) for lang, query in CASES if query in SLOWLY]


@pytest.mark.parametrize("lang,query,pace_ms", TYPED_FROM_FILE)
def test_typed_search_from_file_url_answers_the_whole_query(page, offline_root, references, lang, query, pace_ms):
    expected = references[(lang, query)][0]
    start = (offline_root / ("en/index.html" if lang == "en" else "index.html")).as_uri()
    got = _typed(page, start, offline_root.as_uri() + "/", query, pace_ms, expected)
    assert page.evaluate("location.protocol") == "file:"
    assert got == expected, f"{query!r} typed at {pace_ms} ms per key from file://:\n got {got}\n http {expected}"


@pytest.mark.parametrize("lang,query,pace_ms", [(lang, query, PACES_MS[1]) for lang, query in CASES] + [
    (lang, next(iter(QUERIES[lang])), PACES_MS[0]) for lang in QUERIES])   # slow typing: one query per language
def test_typed_search_on_the_served_site_answers_the_whole_query(page, base_url, references, lang, query, pace_ms):
    expected = references[(lang, query)][1]
    got = _typed(page, base_url + ("en/" if lang == "en" else ""), base_url, query, pace_ms, expected)
    assert got == expected, f"{query!r} typed at {pace_ms} ms per key:\n got {got}\n ?q= {expected}"


FIREFOX = "/usr/bin/firefox-esr"
DID_YOU_MEAN = {("sv", "gråzzoon"): "gråzon", ("en", "palinrdomee"): "palindrome"}


@pytest.mark.firefox
def test_firefox_esr_searches_switches_language_and_logs_no_error(tmp_path, offline_root, offline_http, base_url,
                                                                   references, pages):
    """Debian's Firefox ESR over WebDriver BiDi (tests/browser/firefox_smoke.mjs): search on the served site and from file://,
    the language switch keeping the #section, no console error, nothing from another host."""
    if not Path(FIREFOX).exists():
        pytest.fail(f"Firefox ESR not found at {FIREFOX}: run `make browser` (installs Debian's firefox-esr)")
    offline = offline_root.as_uri() + "/"
    twin = next(p for p in pages if p.lang == "sv" and p.url_path == "tsl/vad-ar-tsl/")
    section = twin.tree.xpath("//article//h2[@id]/@id")[0]
    cases = [(lang, next(iter(QUERIES[lang])), pace) for lang, pace in zip(QUERIES, PACES_MS)]
    # a question, no å/ä/ö, a typo
    cases += [(lang, query, PACES_MS[1]) for lang in QUERIES for query in list(QUERIES[lang])[-3:]]
    cases += [(lang, query, PACES_MS[1]) for lang, query in (("sv", "gråzzoon"), ("en", "palinrdomee"))]   # nothing
    searches = [{"site": site, "lang": lang, "query": query, "pace": pace,
                 "start": root + ("en/" if lang == "en" else "") + ("index.html" if site == "offline" else "")}
                for site, root in (("served", base_url), ("offline", offline)) for lang, query, pace in cases]
    switches = [{"site": "served", "hreflang": "en", "start": f"{base_url}tsl/vad-ar-tsl/#{section}",
                 "expected": f"{base_url}en/tsl/vad-ar-tsl/#{section}"},
                {"site": "offline", "hreflang": "en", "start": f"{offline}tsl/vad-ar-tsl.html#{section}",
                 "expected": f"{offline}en/tsl/vad-ar-tsl.html#{section}"},
                {"site": "offline", "hreflang": "sv", "start": f"{offline}en/tsl/vad-ar-tsl.html#{section}",
                 "expected": f"{offline}tsl/vad-ar-tsl.html#{section}"}]
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"firefox": FIREFOX, "searches": searches, "switches": switches}), encoding="utf-8")
    run = subprocess.run(["node", str(ROOT / "tests" / "browser" / "firefox_smoke.mjs"), str(spec)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["version"].startswith("firefox/"), seen["version"]
    for search in seen["searches"]:
        if (search["lang"], search["query"]) in DID_YOU_MEAN:   # two typos: nothing found, the closest word offered
            assert not search["results"] and search["suggested"] == [DID_YOU_MEAN[(search["lang"], search["query"])]], \
                f"Firefox, {search['site']}, {search['query']!r}: {search}"
            continue
        offline_answer, served_answer = references[(search["lang"], search["query"])]
        expected = offline_answer if search["site"] == "offline" else served_answer
        root = offline if search["site"] == "offline" else base_url
        got = (search["meta"], [(title, _page_key(href, root)) for title, href in search["results"]])
        assert got == tuple(expected), (
            f"Firefox, {search['site']}, {search['query']!r} at {search['pace']} ms per key:"
            f"\n got {got}\n Chromium ?q= {expected}")
    for change in seen["switches"]:
        assert change["landed"] == change["expected"] and change["lang"] == change["hreflang"], change
    assert not seen["errors"] and not seen["offhost"], seen["errors"] + seen["offhost"]


@pytest.mark.firefox
def test_guide_names_the_browsers_the_bundle_is_tested_in(browser):
    """UNDERHALL.md's offline section says which Chromium and Firefox ESR the tests above ran in (major versions)."""
    guide = (ROOT / "UNDERHALL.md").read_text(encoding="utf-8")
    section = " ".join(guide[guide.index("### Offlinepaket"):guide.index("### Tillgänglighet")].split())
    firefox = subprocess.run([FIREFOX, "--version"], capture_output=True, text=True, timeout=60).stdout
    firefox_major = re.search(r"(\d+)\.[\d.]+esr", firefox).group(1)
    for needle in (f"Chromium {browser.version.split('.')[0]}", f"Firefox ESR {firefox_major}"):
        assert f"**{needle}**" in section, f"UNDERHALL.md, Offlinepaket: say **{needle}** (the browser the tests ran)"
