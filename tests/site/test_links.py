"""Links from agendas keep working: explicit heading ids shared by both languages, the URL contract (urls.txt),
redirects in both languages, the om/lanka page with its QR codes, the linking_pages CLI and the copy-link buttons."""
import os
import posixpath
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, copy_mini, edit, mkdocs_build, open_guarded_page, project_env
from lxml import html as lxml_html
from mkdocs.utils import yaml_load

from tillit import markers

CONTRACT = ROOT / "urls.txt"
VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ATTR_LIST_ID = re.compile(r"\{[^}\n]*?#([^\s}]+)[^}\n]*\}")
LIVE_TEXT = {"sv": "Länken är kopierad", "en": "Link copied"}


# ---------------------------------------------------------------- helpers

def source_file(p):
    """docs/<path>.<lang>.md of a built page."""
    stem = p.url_path.rstrip("/") or "index"
    for candidate in (f"docs/{stem}.{p.lang}.md", f"docs/{stem}/index.{p.lang}.md"):
        if (ROOT / candidate).exists():
            return candidate
    raise AssertionError(f"{p.rel}: no source file for docs/{stem}.{p.lang}.md")


def headings(p):
    """[(tag, id, text)] of the h2/h3 in the page's article, in order."""
    found = []
    for h in p.tree.xpath('//article[contains(@class,"md-content__inner")]//*[self::h2 or self::h3]'):
        text = "".join(h.itertext()).replace("¶", "").strip()
        found.append((h.tag, h.get("id"), text))
    return found


def redirects():
    """extra.redirects of mkdocs.yml."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["extra"]["redirects"]


def target_path(target):
    """'tsl/vad-ar-tsl.md#x' -> ('tsl/vad-ar-tsl/', 'x'); 'a/index.md' -> ('a/', '')."""
    path, _, anchor = target.partition("#")
    path = path.removesuffix(".md")
    path = "" if path == "index" else path.removesuffix("index") if path.endswith("/index") else path + "/"
    return path, anchor


def contract_entries():
    assert CONTRACT.exists(), "urls.txt is missing: run `make urls`"
    return [line.strip() for line in CONTRACT.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def follow(site_dir, path, hops=5):
    """(final URL path, lxml tree) that a URL path leads to through redirect stubs; (path, None) if nothing."""
    for _ in range(hops):
        file = site_dir / path.lstrip("/") / "index.html"
        if not file.is_file():
            return path, None
        tree = lxml_html.fromstring(file.read_text(encoding="utf-8"))
        refresh = tree.xpath('//meta[@http-equiv="refresh"]/@content')
        if not refresh:
            return path, tree
        url = refresh[0].split("url=", 1)[1].split("#")[0]
        path = posixpath.normpath(posixpath.join(path, url)).rstrip("/") + "/"
    return path, None


def canonical_root(site_dir):
    """site_url as the build used it, taken from the Swedish start page's canonical link."""
    tree = lxml_html.fromstring((site_dir / "index.html").read_text(encoding="utf-8"))
    return tree.xpath('//link[@rel="canonical"]/@href')[0]


def zbar(png_path):
    if not shutil.which("zbarimg"):
        pytest.fail("zbarimg is missing: run `make browser` (installs Debian's zbar-tools)")
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(png_path)], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line.strip()]


def decode_svgs(browser, items, tmp_path, per_shot=12):
    """Rasterise SVG QR codes in Chromium (a grid per screenshot) and decode them with zbarimg.

    items: [(url the code should hold, svg text)]. A code zbarimg misses in a grid is retried on its own;
    returns everything decoded, so a code that does not decode alone is missing from the result."""
    context, pg, guard = open_guarded_page(browser, viewport={"width": 1300, "height": 800})

    def shoot(svgs, name):
        cells = "".join(f'<div style="width:220px;height:220px;padding:20px">{svg}</div>' for svg in svgs)
        pg.set_content('<html><body style="margin:0;background:#fff">'
                       f'<div style="display:flex;flex-wrap:wrap;width:1300px">{cells}</div>'
                       '<style>svg{width:220px;height:220px}</style></body></html>')
        shot = tmp_path / f"{name}.png"
        pg.screenshot(path=str(shot), full_page=True)
        return zbar(shot)

    decoded = []
    try:
        for start in range(0, len(items), per_shot):
            batch = items[start:start + per_shot]
            found = shoot([svg for _, svg in batch], f"qr-{start}")
            decoded += found
            for index, (url, svg) in enumerate(batch):
                if url not in found:
                    decoded += shoot([svg], f"qr-{start}-{index}")
    finally:
        context.close()
    assert not guard.problems(), guard.problems()
    return decoded


def run_cli(*args, env_extra=None, cwd=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "tillit.linking_pages", *args],
                          capture_output=True, text=True, env=env, cwd=cwd or ROOT)


# ---------------------------------------------------------------- heading ids

def test_every_heading_has_an_explicit_ascii_id(pages):
    """Agendas link to h2/h3 ids: each must be written in the source ({ #id }), not made from the heading text."""
    problems = []
    for p in pages:
        src = source_file(p)
        explicit = set(ATTR_LIST_ID.findall((ROOT / src).read_text(encoding="utf-8")))
        for tag, hid, text in headings(p):
            if hid not in explicit:
                problems.append(f"{src}: {tag} '{text}' has no explicit id: write "
                                f"'{'#' * int(tag[1])} {text} {{ #short-ascii-id }}' (same id in both languages)")
            elif not VALID_ID.match(hid):
                problems.append(f"{src}: {tag} '{text}' has id '{hid}': use a-z, 0-9 and hyphens only")
    assert not problems, "\n".join(problems)


def test_heading_ids_match_between_languages(pages):
    """Both pages of a pair have the same h2/h3 ids at the same levels in the same order."""
    by_rel = {p.rel: p for p in pages}
    problems = []
    for sv in (p for p in pages if p.lang == "sv"):
        en = by_rel.get(sv.twin_rel)
        if en is None:
            continue   # test_site checks that every page has a twin
        ids_sv = [(tag, hid) for tag, hid, _ in headings(sv)]
        ids_en = [(tag, hid) for tag, hid, _ in headings(en)]
        if ids_sv != ids_en:
            only_sv = [f"{t} #{i}" for t, i in ids_sv if (t, i) not in ids_en]
            only_en = [f"{t} #{i}" for t, i in ids_en if (t, i) not in ids_sv]
            detail = (f"only in sv: {only_sv}; only in en: {only_en}" if only_sv or only_en
                      else f"order differs: sv {ids_sv} / en {ids_en}")
            problems.append(f"{source_file(sv)} and {source_file(en)}: heading ids differ ({detail})")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- URL contract

def test_every_contracted_url_resolves(site_dir):
    """Every line of urls.txt leads to a page (directly or by a redirect) that has the section's id."""
    broken = []
    for entry in contract_entries():
        path, _, anchor = entry.partition("#")
        final, tree = follow(site_dir, path)
        if tree is None:
            broken.append(f"{entry}: no page at {path} and no redirect (add one in mkdocs.yml extra.redirects)")
        elif anchor and not tree.xpath("//*[@id=$a]", a=anchor):
            broken.append(f"{entry}: {final} has no element with id '{anchor}' (put the heading id back)")
    assert not broken, "published URLs that no longer work:\n" + "\n".join(broken)


def test_the_contract_lists_every_published_url(pages):
    """New pages and sections go into urls.txt on purpose (`make urls`)."""
    listed = set(contract_entries())
    missing = []
    for p in pages:
        path = ("/en/" if p.lang == "en" else "/") + p.url_path
        missing += [u for u in [path] + [f"{path}#{hid}" for _, hid, _ in headings(p)] if u not in listed]
    for old in redirects():
        missing += [u for u in (f"/{old}", f"/en/{old}") if u not in listed]
    assert not missing, "not in urls.txt (run `make urls`, review and commit):\n" + "\n".join(missing)


def test_the_contract_covers_both_languages_alike():
    entries = contract_entries()
    sv = {e for e in entries if not e.startswith("/en/")}
    en = {e[len("/en"):] for e in entries if e.startswith("/en/")}
    assert sv and sv == en, f"only in one language: {sorted(sv ^ en)}"


def test_regenerating_the_contract_reports_a_change(site_dir, tmp_path):
    """update_url_contract.py exits 1 after adding what is missing, then 0; it never drops a line."""
    entries = contract_entries()
    dropped = next(e for e in entries if "#" in e)
    copy = tmp_path / "urls.txt"
    copy.write_text("\n".join(e for e in entries if e != dropped) + "\n", encoding="utf-8")
    script = [sys.executable, str(ROOT / "scripts/update_url_contract.py"), "--site", str(site_dir),
              "--contract", str(copy)]
    first = subprocess.run(script, capture_output=True, text=True)
    assert first.returncode == 1, first.stdout + first.stderr
    assert f"+ {dropped}" in first.stdout
    assert dropped in copy.read_text(encoding="utf-8").split()
    second = subprocess.run(script, capture_output=True, text=True)
    assert second.returncode == 0, second.stdout + second.stderr
    assert set(entries) <= set(copy.read_text(encoding="utf-8").split())


@pytest.mark.slow
def test_a_moved_page_needs_a_redirect(tmp_path):
    """Move a published page in a copy of the fixture site: without a redirect its old URLs break; with one, they
    resolve."""
    copy = copy_mini(tmp_path / "project")
    old, new = "ovning", "ovningar"
    (copy / "urls.txt").write_text("".join(f"/{lang}{old}/\n/{lang}{old}/#fragor\n" for lang in ("", "en/")),
                                   encoding="utf-8")   # published (the fixture site's contract is empty)
    for lang in ("sv", "en"):
        (copy / f"docs/{old}.{lang}.md").rename(copy / f"docs/{new}.{lang}.md")
    for md in [*(copy / "docs").rglob("*.md"), copy / "mkdocs.yml", copy / "exercises/mini.yml"]:
        text = md.read_text(encoding="utf-8")
        md.write_text(text.replace(f"{old}.md", f"{new}.md").replace(f"pages index {old} ", f"pages index {new} "),
                      encoding="utf-8")
    script = [sys.executable, str(ROOT / "scripts/update_url_contract.py"), "--site", str(copy / "out"),
              "--contract", str(copy / "urls.txt")]
    env = {**os.environ, **project_env(copy)}

    built = mkdocs_build(copy / "out", config=copy / "mkdocs.yml", cwd=copy)
    assert built.returncode == 0, built.stderr[-2000:]
    without = subprocess.run(script, capture_output=True, text=True, env=env)
    assert without.returncode == 2, without.stdout + without.stderr
    assert f"/{old}/: no page and no redirect" in without.stderr
    assert f"/en/{old}/#" in without.stderr

    config = copy / "mkdocs.yml"
    edit(config, "    lanka/: om/lanka/index.md\n", f"    lanka/: om/lanka/index.md\n    {old}/: {new}.md\n")
    built = mkdocs_build(copy / "out", config=config, cwd=copy)
    assert built.returncode == 0, built.stderr[-2000:]
    with_redirect = subprocess.run(script, capture_output=True, text=True, env=env)
    assert with_redirect.returncode in (0, 1), with_redirect.stdout + with_redirect.stderr
    assert f"/en/{new}/" in (copy / "urls.txt").read_text(encoding="utf-8").split()


# ---------------------------------------------------------------- redirects

def test_there_are_redirects_to_check():
    assert redirects(), "mkdocs.yml extra.redirects is empty"


def test_every_redirect_lands_on_a_page_in_both_languages(site_dir, pages):
    content = {p.rel for p in pages}
    for old, target in redirects().items():
        path, anchor = target_path(target)
        for prefix in ("/", "/en/"):
            stub = site_dir / (prefix + old).lstrip("/") / "index.html"
            assert stub.is_file(), f"redirect {prefix}{old}: no stub written"
            final, tree = follow(site_dir, prefix + old)
            assert final == prefix + path, f"redirect {prefix}{old} leads to {final}, not {prefix}{path}"
            assert (final.lstrip("/") + "index.html") in content, f"{prefix}{old} -> {final}: not a content page"
            assert tree.get("lang") == ("en" if prefix == "/en/" else "sv")
            if anchor:
                assert tree.xpath("//*[@id=$a]", a=anchor), f"{prefix}{old} -> {final}: no #{anchor}"


@pytest.mark.browser
def test_redirects_land_in_chromium_and_keep_the_section(page, base_url, pages, site_dir):
    for old, target in redirects().items():
        path, _ = target_path(target)
        for prefix in ("", "en/"):
            target_page = next(p for p in pages if p.rel == f"{prefix}{path}index.html")
            section = headings(target_page)[-1][1]
            page.goto(f"{base_url}{prefix}{old}#{section}")
            page.wait_for_url(f"{base_url}{prefix}{path}#{section}")
            title = target_page.tree.xpath("//article//h1")[0].text_content().replace("¶", "").strip()
            assert page.locator("article h1").first.inner_text().replace("¶", "").strip() == title
            assert page.evaluate("location.hash") == f"#{section}"


# ---------------------------------------------------------------- the om/lanka pages

LANKA_DIR = "om/lanka/"


def lanka_pages(site_dir, lang):
    """{site-relative HTML file: tree} of every linking page in one language: om/lanka/ and its sub-pages."""
    root = site_dir / ("en/" if lang == "en" else "") / LANKA_DIR
    found = {}
    for file in sorted(root.glob("**/index.html")):
        tree = lxml_html.fromstring(file.read_text(encoding="utf-8"))
        if tree.xpath('//*[contains(@class,"tillit-linking-pages")]'):
            found[file.relative_to(site_dir).as_posix()] = tree
    return found


def link_cells(element):
    """The <td>s of the link tables in a page (or in one table or row), each with a QR image and a URL as text."""
    if element.getparent() is None:
        element = element.xpath('//*[contains(@class,"tillit-linking-pages")]')[0]
    return element.xpath('.//td[code[contains(@class,"tillit-url")]]')


def cell_url(td):
    return td.xpath('./code[contains(@class,"tillit-url")]')[0].text_content()


def page_urls(root, p):
    """(the page's URLs in both languages, its sections' URLs in both languages)."""
    whole = {root + prefix + p.url_path for prefix in ("", "en/")}
    sections = {f"{root}{prefix}{p.url_path}#{hid}" for prefix in ("", "en/") for _, hid, _ in headings(p)}
    return whole, sections


def marker_stems(rel):
    """The source stems a sub-page lists, from the marker in its Swedish source (e.g. ['tsl/'])."""
    stem = rel.removeprefix("en/").removesuffix("/index.html")
    src = ROOT / "docs" / f"{stem}.sv.md"
    names = markers.args_of(src.read_text(encoding="utf-8"), "linking-pages")
    assert names, f"{src}: no '<!-- tillit:linking-pages ... -->' marker"
    return names.split()


def in_group(p, stems):
    stem = source_file(p).removeprefix("docs/").rsplit(".", 2)[0]
    return any(stem == s or (s.endswith("/") and stem.startswith(s)) for s in stems)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_lanka_lists_every_page_and_section_once_in_both_languages(site_dir, pages, lang):
    """om/lanka/ lists every page's own URL; each sub-page the sections of its group's pages; all exactly once."""
    root = canonical_root(site_dir)
    linking = lanka_pages(site_dir, lang)
    index = ("en/" if lang == "en" else "") + LANKA_DIR + "index.html"
    assert index in linking and len(linking) > 2, f"linking pages found: {sorted(linking)}"
    listed = {rel: [cell_url(td) for td in link_cells(tree)] for rel, tree in linking.items()}
    every = [url for urls in listed.values() for url in urls]
    twice = sorted({url for url in every if every.count(url) > 1})
    assert not twice, f"listed more than once: {twice[:10]}"
    sv_pages = [p for p in pages if p.lang == "sv"]
    wholes, sections = set(), set()
    for p in sv_pages:
        w, s = page_urls(root, p)
        wholes |= w
        sections |= s
    assert set(listed[index]) == wholes, (f"{index}: missing {sorted(wholes - set(listed[index]))[:10]}, "
                                          f"unexpected {sorted(set(listed[index]) - wholes)[:10]}")
    on_subpages = set(every) - set(listed[index])
    assert on_subpages == sections, (f"sub-pages miss {sorted(sections - on_subpages)[:10]}, "
                                     f"list unknown URLs {sorted(on_subpages - sections)[:10]}")
    # each sub-page lists only the pages its marker names, in both languages
    for rel, urls in listed.items():
        if rel == index:
            continue
        stems = marker_stems(rel)
        allowed = set()
        for p in sv_pages:
            if in_group(p, stems):
                allowed |= page_urls(root, p)[1]
        assert urls and set(urls) <= allowed, f"{rel} lists pages outside {stems}: {sorted(set(urls) - allowed)[:5]}"
    # the URLs are contracted: a listed URL must keep working
    contract = set(contract_entries())
    paths = {"/" + u[len(root):] for u in every}
    assert paths <= contract, f"listed on om/lanka but not in urls.txt: {sorted(paths - contract)[:10]}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_lanka_index_rows_lead_to_the_sections_of_their_page(site_dir, pages, lang):
    """Each page's name on om/lanka/ links to the table on a sub-page that lists that page's sections, named as on
    the page in this language; the table's caption links to the page itself."""
    root = canonical_root(site_dir)
    by_rel = {p.rel: p for p in pages}
    index = ("en/" if lang == "en" else "") + LANKA_DIR + "index.html"
    tree = lanka_pages(site_dir, lang)[index]
    rows = tree.xpath('//*[contains(@class,"tillit-linking-pages")]//tbody/tr')
    assert rows
    for row in rows:
        own = cell_url(link_cells(row)[0])
        p = by_rel[own[len(root):] + "index.html"]
        assert row.xpath("./th/a")[0].text_content().strip() \
            == p.tree.xpath("//article//h1")[0].text_content().replace("¶", "").strip()
        href = row.xpath("./th/a/@href")[0]
        path, _, table_id = href.partition("#")
        sub_rel = posixpath.normpath(posixpath.join(posixpath.dirname(index), path)) + "/index.html"
        sub = lxml_html.fromstring((site_dir / sub_rel).read_text(encoding="utf-8"))
        table = sub.xpath("//table[@id=$i]", i=table_id)
        assert table, f"{index}: {href} leads to no table on {sub_rel}"
        names = [th.text_content().strip() for th in table[0].xpath("./tbody/tr/th")]
        assert names == [text for _, _, text in headings(p)], f"{sub_rel}#{table_id}: rows {names}"
        urls = [cell_url(td) for td in link_cells(table[0])]
        assert set(urls) == page_urls(root, p)[1] and len(urls) == len(set(urls))
        caption = table[0].xpath("./caption/a/@href")[0]
        target = (posixpath.normpath(posixpath.join(posixpath.dirname(sub_rel), caption))
                  + "/index.html").removeprefix("./")
        assert target == p.rel, f"{sub_rel}#{table_id}: caption links to {caption}, not to {p.rel}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_lanka_qr_images_have_alt_text_and_print_size(site_dir, lang):
    """Each URL has its QR image, 3 cm for print, holding that URL, with an alt text naming its section, page and
    language (R20); a PNG beside the SVG, both linked for download; the URL is in the HTML once, as text (tillit.js
    makes the copy buttons from it)."""
    start = {"sv": "QR-kod till ", "en": "QR code for "}[lang]
    for rel, tree in lanka_pages(site_dir, lang).items():
        cells = link_cells(tree)
        assert cells, rel
        for td in cells:
            url = cell_url(td)
            img = td.xpath('./img[contains(@class,"tillit-qr")]')[0]
            row, table = td.getparent(), td.getparent().getparent().getparent()
            column = table.xpath("./thead/tr/th")[row.index(td)].text_content().strip()
            names = [row.xpath("./th")[0].text_content().strip()] + [
                c.text_content().strip() for c in table.xpath("./caption")]
            alt = img.get("alt")
            assert alt.startswith(start) and all(n in alt for n in names) \
                and f"({column.lower() if lang == 'sv' else column})" in alt, f"{rel}: alt {alt!r} for {names}"
            svg = site_dir / posixpath.normpath(posixpath.join(posixpath.dirname(rel), img.get("src")))
            png = svg.with_suffix(".png")
            assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{rel}: no PNG beside {svg.name}"
            assert int.from_bytes(png.read_bytes()[16:20], "big") >= 300, f"{png.name}: too small to print 3 cm"
            downloads = {posixpath.normpath(posixpath.join(posixpath.dirname(rel), a.get("href"))): a.get("download")
                         for a in td.xpath(".//a[@download]")}
            for file in (png, svg):
                site_path = file.relative_to(site_dir).as_posix()
                assert downloads.get(site_path) == file.name, f"{rel}: no download link to {site_path} ({downloads})"
            assert svg.is_file(), f"{rel}: missing QR file {svg}"
            text = svg.read_text(encoding="utf-8")
            width = re.search(r'<svg[^>]*\bwidth="([\d.]+)mm"', text)
            assert width and float(width.group(1)) >= 20, f"{svg.name}: not sized for print (>= 2 cm)"
            assert f"<title>{url}</title>" in text.replace("&amp;", "&"), f"{svg.name} is not the code of {url}"
            assert not td.xpath(".//@*[contains(., '://')]"), f"{rel}: {url} repeated in an attribute"
        assert not tree.xpath('//*[contains(@class,"tillit-linking-pages")]//button'), f"{rel}: buttons in the HTML"


@pytest.mark.browser
def test_lanka_qr_codes_decode_to_their_urls(browser, site_dir, tmp_path):
    """Every QR code on the linking pages, rasterised by Chromium, decodes (zbarimg) to the URL printed next to it."""
    root = canonical_root(site_dir)
    items = []
    for rel, tree in lanka_pages(site_dir, "sv").items():
        for td in link_cells(tree):
            src = td.xpath('./img[contains(@class,"tillit-qr")]/@src')[0]
            svg = site_dir / posixpath.normpath(posixpath.join(posixpath.dirname(rel), src))
            items.append((cell_url(td), svg.read_text(encoding="utf-8")))
    expected = [url for url, _ in items]
    decoded = decode_svgs(browser, items, tmp_path)
    assert sorted(decoded) == sorted(expected), (
        f"not decoded: {sorted(set(expected) - set(decoded))[:5]}; "
        f"unexpected: {sorted(set(decoded) - set(expected))[:5]}")
    assert all(url.startswith(root) for url in decoded), "a QR code leads off the site"


# ---------------------------------------------------------------- the CLI

@pytest.mark.parametrize("arg,path,section", [
    ("tsl/vad-ar-tsl#kallor", "tsl/vad-ar-tsl/", "kallor"),
    ("docs/kallor.en.md", "kallor/", ""),
    ("/en/ordlista/", "ordlista/", ""),
    ("/", "", ""),
    ("tsl/", "tsl/vad-ar-tsl/", ""),       # a short address from extra.redirects
])
def test_cli_prints_both_urls_and_writes_qr_codes(tmp_path, arg, path, section):
    site_url = "https://intranat.example.se/tillit/"
    result = run_cli(arg, "--out", str(tmp_path), env_extra={"SITE_URL": site_url})
    assert result.returncode == 0, result.stderr
    suffix = f"#{section}" if section else ""
    sv, en = f"{site_url}{path}{suffix}", f"{site_url}en/{path}{suffix}"
    assert f"sv: {sv}\n" in result.stdout and f"en: {en}\n" in result.stdout, result.stdout
    assert sorted(p.suffixes[-2] for p in tmp_path.glob("*.svg")) == [".en", ".sv"]
    entries = set(contract_entries())
    assert f"/{path}{suffix}" in entries and f"/en/{path}{suffix}" in entries


def test_cli_without_out_prints_the_urls_and_writes_nothing(tmp_path):
    result = run_cli("kallor#bollebygd-ks-202", cwd=tmp_path, env_extra={"SITE_URL": "https://kommun.example.se/"})
    assert result.returncode == 0, result.stderr
    assert "sv: https://kommun.example.se/kallor/#bollebygd-ks-202\n" in result.stdout, result.stdout
    assert "en: https://kommun.example.se/en/kallor/#bollebygd-ks-202\n" in result.stdout, result.stdout
    assert "--out" in result.stderr, "the command should say how to get the QR codes"
    assert list(tmp_path.iterdir()) == [], "nothing is written without --out"
    assert "--out DIR" in run_cli("--help").stdout


def test_cli_accepts_a_full_url_under_a_sub_path(tmp_path):
    site_url = "https://intranat.example.se/tillit/"
    result = run_cli(f"{site_url}en/tsl/vad-ar-tsl/#kallor", "--out", str(tmp_path),
                     env_extra={"SITE_URL": site_url})
    assert result.returncode == 0, result.stderr
    assert f"sv: {site_url}tsl/vad-ar-tsl/#kallor" in result.stdout


@pytest.mark.browser
def test_cli_qr_codes_decode(browser, tmp_path):
    result = run_cli("kallor#bollebygd-ks-202", "--out", str(tmp_path / "qr"),
                     env_extra={"SITE_URL": "https://kommun.example.se/"})
    assert result.returncode == 0, result.stderr
    svgs = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "qr").glob("*.svg")}
    assert 'width="30.0mm"' in svgs["kallor--bollebygd-ks-202.sv.svg"]
    expected = {"sv": "https://kommun.example.se/kallor/#bollebygd-ks-202",
                "en": "https://kommun.example.se/en/kallor/#bollebygd-ks-202"}
    items = [(url, svgs[f"kallor--bollebygd-ks-202.{lang}.svg"]) for lang, url in expected.items()]
    assert sorted(decode_svgs(browser, items, tmp_path)) == sorted(expected.values())


@pytest.mark.parametrize("arg,wrong,suggestion", [
    ("tsl/vad-ar", "no page 'tsl/vad-ar'", "/tsl/vad-ar-tsl/"),
    ("tsl/vad-ar-tsl#kallorna", "has no section '#kallorna'", "#kallor"),
    ("https://x.example/en/ordlsta/", "no page", "/ordlista/"),
])
def test_cli_rejects_unknown_pages_and_sections_with_suggestions(tmp_path, arg, wrong, suggestion):
    result = run_cli(arg, "--out", str(tmp_path))
    assert result.returncode != 0
    assert wrong in result.stderr and suggestion in result.stderr, result.stderr
    assert not list(tmp_path.glob("*.svg")), "no QR code for a link that does not exist"


# ---------------------------------------------------------------- copy buttons in Chromium

@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_heading_copy_button_copies_the_section_link(browser, base_url, site_dir, lang):
    prefix = "en/" if lang == "en" else ""
    context, pg, guard = open_guarded_page(browser, permissions=["clipboard-read", "clipboard-write"])
    try:
        pg.goto(f"{base_url}{prefix}tsl/vad-ar-tsl/")
        heading = pg.locator("article h2[id]").nth(1)
        hid, text = heading.get_attribute("id"), heading.inner_text().replace("¶", "").strip()
        name = {"sv": "Kopiera länk till avsnittet: ", "en": "Copy link to the section: "}[lang] + text
        button = pg.get_by_role("button", name=name, exact=True)
        assert button.evaluate("b => b.tagName") == "BUTTON"
        # keyboard: Tab from the heading reaches the button, Enter activates it
        heading.evaluate("h => { h.tabIndex = -1; h.focus(); }")   # the ¶ is hidden (R16): the button comes next
        pg.keyboard.press("Tab")
        assert button.evaluate("b => b === document.activeElement")
        pg.keyboard.press("Enter")
        live = pg.locator("[aria-live=polite].tillit-live")
        live.filter(has_text=LIVE_TEXT[lang]).wait_for()
        canonical = pg.locator('link[rel="canonical"]').get_attribute("href")
        assert pg.evaluate("navigator.clipboard.readText()") == f"{canonical}#{hid}"
        assert canonical.startswith(canonical_root(site_dir))
    finally:
        context.close()
    assert not guard.problems(), guard.problems()


STOPS_PER_CELL = 3   # a link cell's Tab stops: the copy button, then the QR code's PNG and SVG download links


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("where", ["", "tsl/"])
def test_lanka_copy_button_works_by_keyboard(browser, base_url, lang, where):
    """On om/lanka/ and a sub-page: Tab from a row's link reaches the copy buttons (named by the section, its page
    and the language), Enter copies the URL printed beside the button and the live region announces it."""
    prefix = "en/" if lang == "en" else ""
    other = {"sv": "engelska", "en": "Swedish"}[lang]
    context, pg, guard = open_guarded_page(browser, permissions=["clipboard-read", "clipboard-write"])
    try:
        pg.goto(f"{base_url}{prefix}{LANKA_DIR}{where}")
        table = pg.locator(".tillit-linking-pages table").nth(1 if where else 0)
        row = table.locator("tbody tr").nth(1)
        cell = row.locator("td").nth(1)              # the other language's link
        url = cell.locator("code.tillit-url").inner_text()
        row_name = row.locator("th").inner_text().strip()
        if where:
            row_name += f" ({table.locator('caption').inner_text().strip()})"
            table.locator("caption a").focus()       # Tab order: caption link, row 1's cells, row 2's cells
            for _ in range(STOPS_PER_CELL * 2):
                pg.keyboard.press("Tab")
        else:
            row.locator("th a").focus()
        for _ in range(STOPS_PER_CELL + 1):          # this language's cell, then the other's copy button
            pg.keyboard.press("Tab")
        name = {"sv": f"Kopiera länken på {other} till {row_name}", "en": f"Copy the {other} link to {row_name}"}[lang]
        button = pg.get_by_role("button", name=name, exact=True)
        assert button.count() == 1, f"no single button named {name!r}"
        assert button.evaluate("b => b === document.activeElement"), "Tab did not reach the button"
        pg.keyboard.press("Enter")
        pg.locator(".tillit-live").filter(has_text=LIVE_TEXT[lang]).wait_for()
        assert pg.evaluate("navigator.clipboard.readText()") == url
        # the QR code beside it loads once it is in view
        img = cell.locator("img.tillit-qr")
        img.scroll_into_view_if_needed()
        pg.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    finally:
        context.close()
    assert not guard.problems(), guard.problems()


@pytest.mark.browser
def test_copy_works_without_the_clipboard_api(browser, base_url):
    """An intranet on plain http has no navigator.clipboard: the button falls back to execCommand('copy')."""
    context, pg, guard = open_guarded_page(browser, permissions=["clipboard-read", "clipboard-write"])
    try:
        pg.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
        pg.goto(f"{base_url}kallor/")
        assert pg.evaluate("typeof navigator.clipboard") == "undefined"
        button = pg.locator("button.tillit-heading-copy").first
        button.focus()
        pg.keyboard.press("Enter")
        pg.locator(".tillit-live").filter(has_text=LIVE_TEXT["sv"]).wait_for()
        hid = pg.locator("article h2[id]").first.get_attribute("id")
        canonical = pg.locator('link[rel="canonical"]').get_attribute("href")
        reader = context.new_page()           # a page that still has the API reads what was copied
        reader.goto(base_url)
        assert reader.evaluate("navigator.clipboard.readText()") == f"{canonical}#{hid}"
    finally:
        context.close()
    assert not guard.problems(), guard.problems()
