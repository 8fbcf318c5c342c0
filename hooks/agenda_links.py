"""Fill the linking pages under om/lanka/: each page's and section's canonical URL in both languages with a printable QR code (SVG, made with segno).

om/lanka/index.* holds `<!-- agenda-links -->`: one row per page (its whole-page links), naming the sub-page with
that page's sections. Each sub-page holds `<!-- agenda-links: STEM ... -->`: the sections of the pages whose source
stem is STEM or starts with STEM when STEM ends in '/' (`index`, `tsl/`, `om/`). Every page in the nav must be on
exactly one sub-page; the build stops otherwise. The pages are split so that each stays light to load (issue #8).
The copy buttons need JavaScript, so docs/assets/javascripts/ makes them from the URL text.
"""
import hashlib
import html
import io
import os
import re
from pathlib import Path

import segno
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

PAGE_DIR = "om/lanka/"
INDEX = PAGE_DIR + "index"
MARKER = re.compile(r"<!-- agenda-links(?::\s*([^>]*?))?\s*-->")
QR_DIR = "assets/qr"
QR_MM = 30          # printed size of each QR code, quiet zone included
TEXT = {
    "sv": {"page": "Sida", "section": "Avsnitt", "sv": "Svenska", "en": "Engelska", "qr": "QR-kod"},
    "en": {"page": "Page", "section": "Section", "sv": "Swedish", "en": "English", "qr": "QR code"},
}
_svg_cache = {}
_written = set()    # QR files written in this build, both languages (reset when the first language starts)
_groups = {}        # source stem of a page -> the sub-page (File) that lists its sections
# Encoding a QR code costs milliseconds and every rebuild of `make serve` needs hundreds: keep them on disk,
# keyed by this file and segno's version so any change here or to segno makes new ones (.cache/ is git-ignored).
QR_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "qr" / hashlib.sha256(
    Path(__file__).read_bytes() + segno.__version__.encode()).hexdigest()[:16]


def qr_svg(url):
    """An SVG QR code of `url`, QR_MM millimetres wide when printed, dark on white (readable in dark mode too)."""
    if url not in _svg_cache:
        cached = QR_CACHE / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".svg")
        if cached.is_file():
            _svg_cache[url] = cached.read_bytes()
            return _svg_cache[url]
        code = segno.make(url, error="m", micro=False)
        width = code.symbol_size(scale=1, border=4)[0]
        out = io.BytesIO()
        code.save(out, kind="svg", scale=QR_MM / width, unit="mm", border=4, dark="#000", light="#fff",
                  xmldecl=False, title=url, nl=False)
        _svg_cache[url] = out.getvalue()
        try:
            QR_CACHE.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(_svg_cache[url])
            partial.replace(cached)
        except OSError:
            pass   # a read-only checkout builds without the cache
    return _svg_cache[url]


def qr_file(lang, url_path, anchor):
    """Where the QR code of a URL lives in the site, e.g. assets/qr/en/tsl/vad-ar-tsl--forhallningssatt.svg."""
    name = url_path.strip("/") or "index"
    return f"{QR_DIR}/{lang}/{name}{'--' + anchor if anchor else ''}.svg"


def _sections(toc):
    for item in toc:
        if item.level in (2, 3):
            yield item.level, item.id, html.unescape(item.title)
        yield from _sections(item.children)


def _stem(file):
    return re.sub(r"\.(sv|en)\.md$", "", file.src_uri)


def _url_path(page):
    """The page's published URL path below the language root, from its source: tsl/x.sv.md -> tsl/x/, index -> ''.

    Built from the source rather than page.url so the offline bundle (no directory URLs) lists the server's URLs."""
    stem = _stem(page.file)
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def _table_id(url_path):
    """Id of a page's table on its sub-page: sida-tsl-vad-ar-tsl (never one of the page's heading ids)."""
    return "sida-" + (url_path.strip("/").replace("/", "-") or "start")


def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "building", False):     # static-i18n builds the other language inside the first build
        _written.clear()


def on_nav(nav, config, files):
    """Which sub-page lists which page: read the sub-pages' markers; every page in the nav on exactly one."""
    _groups.clear()
    subpages = {}
    for file in files.documentation_pages():
        stem = _stem(file)
        if stem.startswith(PAGE_DIR) and stem != INDEX:
            match = MARKER.search(file.content_string)
            if not match or not (match.group(1) or "").split():
                raise PluginError(f"docs/{file.src_uri}: a page under docs/{PAGE_DIR} needs a marker like "
                                  f"'<!-- agenda-links: tsl/ -->' naming the pages whose sections it lists")
            subpages[file] = match.group(1).split()
    problems = []
    for page in nav.pages:
        stem = _stem(page.file)
        hits = [f for f, stems in subpages.items()
                if any(stem == s or (s.endswith("/") and stem.startswith(s)) for s in stems)]
        if len(hits) != 1:
            where = ", ".join(f"docs/{f.src_uri}" for f in hits) or f"no page under docs/{PAGE_DIR}"
            problems.append(f"docs/{page.file.src_uri}: its sections must be listed on exactly one linking page "
                            f"(found: {where}); name '{stem}' in one marker '<!-- agenda-links: ... -->'")
        else:
            _groups[stem] = hits[0]
    if problems:
        raise PluginError("; ".join(problems))
    return nav


def _cell(lang, url_path, anchor, site_url, page, site_dir, t):
    """One language's link: the QR code and the URL as text. tillit.js adds the copy button after the URL."""
    url = site_url + ("en/" if lang == "en" else "") + url_path + (f"#{anchor}" if anchor else "")
    rel = qr_file(lang, url_path, anchor)
    if rel not in _written:
        target = Path(site_dir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(qr_svg(url))
        _written.add(rel)
    # A short, constant alt text: the full URL is printed right beside the image. CSS sizes the image (3 cm).
    return (f'<td><img class="tillit-qr" src="{html.escape(get_relative_url(rel, page.url))}" alt="{t["qr"]}" '
            f'loading="lazy"><code class="tillit-url">{html.escape(url)}</code></td>')


def _table(lang, t, first_header, rows, caption="", table_id=""):
    other = "sv" if lang == "en" else "en"
    attrs = f' id="{table_id}"' if table_id else ""
    head = (f"<table{attrs}>{caption}<thead><tr>"
            f'<th scope="col">{first_header}</th><th scope="col">{t[lang]}</th><th scope="col">{t[other]}</th>'
            f"</tr></thead><tbody>")
    return head + "".join(rows) + "</tbody></table>"


def on_page_context(context, page, config, nav):
    stem = _stem(page.file)
    if not stem.startswith(PAGE_DIR) or not MARKER.search(page.content or ""):
        return context
    lang = getattr(page.file, "locale", "sv")
    t = TEXT.get(lang, TEXT["en"])
    other = "sv" if lang == "en" else "en"
    site_url = (config.get("site_url") or "/").rstrip("/") + "/"
    e = html.escape

    def cells(url_path, anchor):
        return "".join(_cell(code, url_path, anchor, site_url, page, config["site_dir"], t) for code in (lang, other))

    tables = []
    if stem == INDEX:
        rows = []
        for target in nav.pages:
            url_path = _url_path(target)
            sub = _groups[_stem(target.file)]
            href = get_relative_url(sub.url, page.url) + "#" + _table_id(url_path)
            rows.append(f'<tr><th scope="row"><a href="{e(href)}">{e(target.title)}</a></th>{cells(url_path, "")}</tr>')
        tables.append(_table(lang, t, t["page"], rows))
    else:
        for target in nav.pages:
            if _stem(_groups[_stem(target.file)]) != stem:
                continue
            url_path = _url_path(target)
            rows = [f'<tr{" class=tillit-level-3" if level == 3 else ""}><th scope="row">{e(section)}</th>'
                    f"{cells(url_path, anchor)}</tr>"
                    for level, anchor, section in _sections(target.toc)]
            caption = f'<caption><a href="{e(get_relative_url(target.url, page.url))}">{e(target.title)}</a></caption>'
            tables.append(_table(lang, t, t["section"], rows, caption, _table_id(url_path)))
    # generated data, not prose: tillit-nolint keeps it out of the LIX and spelling checks (tests/test_content.py)
    block = '<div class="tillit-agenda-links tillit-nolint">' + "".join(tables) + "</div>"
    page.content = MARKER.sub(lambda m: block, page.content, count=1)
    return context
