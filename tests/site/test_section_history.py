"""Links that keep working (issue 16): section aliases (old ids), change notes, what's new, feeds, server redirects."""
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, append, check_fails, edit, next_frames, open_guarded_page, wait_for_steady

FALKOPING = {"sv": "kommuner/falkoping/", "en": "en/kommuner/falkoping/"}


# ---------------------------------------------------------------- section aliases

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_old_id_is_an_empty_anchor_right_before_its_heading(pages, lang):
    page = next(p for p in pages if p.rel == FALKOPING[lang] + "index.html")
    old = page.tree.get_element_by_id("gransonen")
    heading = old.getnext()
    assert heading.tag == "h3" and heading.get("id") == "grazonen", "the old id must sit right before its section"
    assert old.tag == "span" and not old.text_content() and len(old) == 0, "the anchor shows nothing"
    assert "data-alias" not in heading.attrib


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_old_id_scrolls_to_the_renamed_section(browser, base_url, lang, javascript):
    context, page, guard = open_guarded_page(browser, java_script_enabled=javascript,
                                             viewport={"width": 1280, "height": 800})
    try:
        page.goto(base_url + FALKOPING[lang] + "#gransonen")
        page.wait_for_load_state("load")
        wait_for_steady(page, "window.scrollY")   # the browser has scrolled to the old id's anchor, and stopped
        box = page.locator("h3#grazonen").bounding_box()
        header = page.locator("header.md-header").bounding_box()
        assert box and header["height"] <= box["y"] < 300, (
            f"the section should be at the top of the window, below the header ({header}); it is at {box}")
        assert page.evaluate("window.scrollY") > 1000, "the page must have scrolled down to the section"
        assert not guard.problems(), guard.problems()
    finally:
        context.close()


def test_an_unknown_anchor_lands_on_the_page_top_without_an_error(browser, base_url):
    context, page, guard = open_guarded_page(browser)
    try:
        page.goto(base_url + FALKOPING["sv"] + "#finns-inte-alls")
        page.wait_for_load_state("load")
        next_frames(page, 5)
        assert page.evaluate("window.scrollY") == 0
        assert page.locator("h1").is_visible()
        assert not guard.problems(), guard.problems()
    finally:
        context.close()


# The fixture site's docs/ovning.*.md: '## Frågor { #fragor data-alias="gamla-fragor" }' (the `project` fixture)

def test_an_alias_that_duplicates_an_id_names_the_file(project):
    for lang in ("sv", "en"):
        edit(project / f"docs/ovning.{lang}.md", 'data-alias="gamla-fragor"', 'data-alias="gamla-fragor kallor"')
    line = check_fails(project, "docs/ovning.sv.md:", "'#kallor' duplicates an id")
    assert "remove 'kallor' from data-alias" in line


def test_aliases_that_differ_between_languages_name_the_file(project):
    edit(project / "docs/ovning.en.md", ' data-alias="gamla-fragor"', "")
    check_fails(project, "docs/ovning.en.md:", "the old ids of '#fragor' differ between languages")


def test_a_link_to_an_old_id_says_which_id_to_use(project):
    append(project / "docs/index.sv.md", "\n[Frågorna](ovning.md#gamla-fragor)\n")
    check_fails(project, "docs/index.sv.md:", "'#gamla-fragor' is an old id of the section '#fragor'")


def test_make_urls_treats_a_removed_anchor_without_alias_as_a_break(site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    for lang in ("sv", "en"):
        page = site / FALKOPING[lang] / "index.html"
        text = page.read_text(encoding="utf-8")
        assert '<span id="gransonen"></span>' in text
        page.write_text(text.replace('<span id="gransonen"></span>', ""), encoding="utf-8")
    contract = tmp_path / "urls.txt"
    shutil.copy(ROOT / "urls.txt", contract)
    result = subprocess.run([sys.executable, str(ROOT / "scripts/update_url_contract.py"), "--site", str(site),
                             "--contract", str(contract)], capture_output=True, text=True)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "/kommuner/falkoping/#gransonen: the page has no id 'gransonen'" in result.stderr
    assert "data-alias" in result.stderr, "the message must say how to keep the old id"
    assert "/kommuner/falkoping/#gransonen" in contract.read_text(encoding="utf-8").split(), "never dropped"


# ---------------------------------------------------------------- change notes

def _page(pages, rel):
    return next(p for p in pages if p.rel == rel)


@pytest.mark.parametrize("lang,title", [("sv", "Ändringar på sidan"), ("en", "Changes to this page")])
def test_a_page_shows_its_change_notes_newest_first_under_its_title(pages, lang, title):
    page = _page(pages, FALKOPING[lang] + "index.html")
    box = page.tree.xpath('//article//details[contains(@class,"tillit-changes")]')
    assert len(box) == 1, "one change-note box per page"
    assert box[0].xpath("string(summary)").strip() == title
    dates = box[0].xpath(".//li/time/@datetime")
    assert dates and dates == sorted(dates, reverse=True)
    renamed = box[0].xpath('.//li[a[@href="#grazonen"]]')
    assert len(renamed) == 1, "the rename is noted and links to its section"


def test_pages_without_notes_show_no_box(pages):
    page = _page(pages, "om/lanka/tsl/index.html")   # docs/om/lanka/tsl.sv.md has no `changes:`
    assert not page.tree.xpath('//*[contains(@class,"tillit-changes")]')


@pytest.mark.parametrize("date,message", [("2026-13-01", "impossible date (month must be in 1..12)"),
                                          ("28 november", "change note 1 has the date '28 november'"),
                                          ("2026-11-28 10:00:00", "change note 1 has the date datetime")])
def test_a_change_note_with_a_bad_date_names_the_file(project, date, message):
    edit(project / "docs/index.en.md", "{date: 2026-12-01,", f"{{date: {date},")
    line = check_fails(project, "docs/index.en.md", message)
    assert "YYYY-MM-DD" in line


def test_a_change_note_without_text_or_with_an_unknown_section_names_the_file(project):
    edit(project / "docs/index.sv.md", "section: bilden", "section: finns-inte")
    check_fails(project, "docs/index.sv.md:", "names the section 'finns-inte'")
    edit(project / "docs/index.en.md", " text: ", " txt: ")
    check_fails(project, "docs/index.en.md:", "change note 1 needs 'text:'")


def publish(project, anchor):
    """The section as urls.txt lists it once published, in both languages (the fixture site publishes nothing)."""
    append(project / "urls.txt", f"/{anchor}\n/en/{anchor}\n")


def test_a_renamed_published_section_needs_a_change_note(project):
    publish(project, "ovning/#gamla-fragor")   # the section's old id, kept as an alias; the page has no note
    line = check_fails(project, "docs/ovning.sv.md", "#gamla-fragor were renamed or merged")
    assert "changes:" in line


def test_a_published_section_that_disappears_names_the_file(project):
    publish(project, "ovning/#gamla-fragor")
    for lang in ("sv", "en"):
        edit(project / f"docs/ovning.{lang}.md", ' data-alias="gamla-fragor"', "")
    line = check_fails(project, "docs/ovning.en.md", "the published section '#gamla-fragor'")
    assert 'data-alias=\\"gamla-fragor\\"' in line or 'data-alias="gamla-fragor"' in line


# ---------------------------------------------------------------- what's new and the feeds

NYTT = {"sv": "om/nytt/", "en": "en/om/nytt/"}
ROOTS = {"sv": "", "en": "en/"}


def _all_notes(lang):
    """Every change note of a language, read straight from docs/ (an oracle independent of the hook)."""
    import yaml
    notes = []
    for path in (ROOT / "docs").rglob(f"*.{lang}.md"):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---")) if text.startswith("---") else {}
        rel = path.relative_to(ROOT / "docs").as_posix().removesuffix(f".{lang}.md")
        url = "" if rel == "index" else (rel.removesuffix("index") if rel.endswith("/index") else rel + "/")
        notes += [(str(n["date"]), url, n.get("section") or "", n["text"]) for n in (meta or {}).get("changes") or []]
    return notes


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_whats_new_lists_every_note_newest_first_with_links(pages, site_dir, lang):
    page = _page(pages, NYTT[lang] + "index.html")
    items = page.tree.xpath('//article//ul[@class="tillit-whats-new"]/li')
    expected = _all_notes(lang)
    assert len(expected) >= 14 and len(items) == len(expected)
    dates = [li.xpath("string(time/@datetime)") for li in items]
    assert dates == sorted(dates, reverse=True)
    from urllib.parse import urljoin
    base = "http://x/" + NYTT[lang]
    found = set()
    for li in items:
        href = li.xpath("string(a/@href)")
        target = urljoin(base, href)
        path, _, anchor = target.removeprefix("http://x/" + ROOTS[lang]).partition("#")
        assert (site_dir / ROOTS[lang] / path / "index.html").exists(), href
        # the note's text follows the link; words in it may be marked with lang (tillit/foreign_words.py)
        link = li.find("a")
        note = (link.tail or "") + "".join(el.text_content() + (el.tail or "") for el in link.itersiblings())
        found.add((li.xpath("string(time/@datetime)"), path, anchor, note.removeprefix(" – ")))
    assert found == set(expected)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_language_has_a_valid_atom_feed_with_the_same_entries(site_dir, lang):
    feedparser = pytest.importorskip("feedparser")
    from tillit import site as _site
    root = _site.site_url() + ROOTS[lang]
    data = (site_dir / ROOTS[lang] / "feed.xml").read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    for key in ("id", "title", "updated", "author"):
        assert feed.get(key), f"the feed needs <{key}>"
    assert any(link.rel == "self" and link.href == root + "feed.xml" for link in feed.links)
    expected = _all_notes(lang)
    assert len(parsed.entries) == len(expected)
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids), "unique, stable tag: ids"
    got = set()
    for entry in parsed.entries:
        for key in ("id", "title", "updated", "link"):
            assert entry.get(key), f"an entry needs <{key}>"
        assert entry.link.startswith(root), f"absolute URLs from site_url: {entry.link}"
        path, _, anchor = entry.link.removeprefix(root).partition("#")
        got.add((entry.updated[:10], path, anchor, entry.summary))
    assert got == set(expected)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_announces_its_languages_feed(pages, lang):
    from urllib.parse import urljoin
    for p in (p for p in pages if p.lang == lang):
        links = p.tree.xpath('//head/link[contains(concat(" ", normalize-space(@rel), " "), " alternate ")]'
                             '[@type="application/atom+xml"]/@href')   # rel is a token list (feed readers read it so)
        assert len(links) == 1, f"{p.rel}: one Atom link"
        assert urljoin("http://x/" + p.rel, links[0]) == f"http://x/{ROOTS[lang]}feed.xml", p.rel



def test_a_redirect_loop_names_mkdocs_yml(project):
    edit(project / "mkdocs.yml", "    lanka/: om/lanka/index.md", "    lanka/: om/lanka/index.md\n    ovning/: ovning.md")
    check_fails(project, "mkdocs.yml extra.redirects 'ovning/'", "itself", "redirect loop")
