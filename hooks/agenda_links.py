"""Fill the om/lanka page: every page and section with its canonical URL in both languages, a copy button and a printable QR code (SVG, made with segno)."""
import hashlib
import html
import io
import os
import posixpath
import re
from pathlib import Path

import segno

PAGE = "om/lanka"
MARKER = "<!-- agenda-links -->"
QR_DIR = "assets/qr"
QR_MM = 30          # printed size of each QR code, quiet zone included
TEXT = {
    "sv": {"section": "Avsnitt", "page": "Hela sidan", "sv": "Svenska", "en": "Engelska", "copy": "Kopiera",
           "label": "Kopiera länken på {language} till {title}", "sv_lc": "svenska", "en_lc": "engelska",
           "alt": "QR-kod för {url}", "caption": "Länkar till sidan {title}"},
    "en": {"section": "Section", "page": "Whole page", "sv": "Swedish", "en": "English", "copy": "Copy",
           "label": "Copy the {language} link to {title}", "sv_lc": "Swedish", "en_lc": "English",
           "alt": "QR code for {url}", "caption": "Links to the page {title}"},
}
_svg_cache = {}
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
            yield item.level, item.id, item.title
        yield from _sections(item.children)


def _url_path(page):
    """The page's published URL path below the language root, from its source: tsl/x.sv.md -> tsl/x/, index -> ''.

    Built from the source rather than page.url so the offline bundle (no directory URLs) lists the server's URLs."""
    stem = re.sub(r"\.(sv|en)\.md$", "", page.file.src_uri)
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def _link_cell(t, lang, url_path, anchor, title, site_url, page_url, site_dir, written):
    url = site_url + ("en/" if lang == "en" else "") + url_path + (f"#{anchor}" if anchor else "")
    rel = qr_file(lang, url_path, anchor)
    if rel not in written:
        target = Path(site_dir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(qr_svg(url))
        written.add(rel)
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    src = posixpath.relpath(rel, page_dir or ".")
    e = html.escape
    label = t["label"].format(language=t[f"{lang}_lc"], title=title)
    return (f'<div class="tillit-link" lang="{lang}">'
            f'<span class="tillit-lang-label" aria-hidden="true">{t[lang]}</span>'
            f'<img class="tillit-qr" src="{e(src)}" alt="{e(t["alt"].format(url=url))}" width="113" height="113" loading="lazy">'
            f'<code class="tillit-url">{e(url)}</code>'
            f'<button type="button" class="md-button tillit-copy" data-copy="{e(url)}" aria-label="{e(label)}">{t["copy"]}</button>'
            f"</div>")


def on_page_context(context, page, config, nav):
    if not page.file.src_uri.startswith(PAGE + ".") or MARKER not in (page.content or ""):
        return context
    lang = getattr(page.file, "locale", "sv")
    t = TEXT.get(lang, TEXT["en"])
    other = "sv" if lang == "en" else "en"
    site_url = (config.get("site_url") or "/").rstrip("/") + "/"
    written = set()
    # generated data, not prose: tillit-nolint keeps it out of the LIX and spelling checks (tests/test_content.py)
    parts = ['<div class="tillit-agenda-links tillit-nolint">']
    for target in nav.pages:
        url_path = _url_path(target)
        title = html.escape(target.title or url_path)
        rows = [(2, "", f"{t['page']}: {target.title}")] + list(_sections(target.toc))
        parts.append(f'<details class="abstract tillit-agenda-page"><summary>{title} '
                     f'<code>/{html.escape(url_path)}</code></summary>')
        parts.append(f'<table><caption class="tillit-sr-only">{html.escape(t["caption"].format(title=target.title))}'
                     f'</caption><thead><tr><th scope="col">{t["section"]}</th><th scope="col">{t[lang]}</th>'
                     f'<th scope="col">{t[other]}</th></tr></thead><tbody>')
        for level, anchor, section in rows:
            section = html.unescape(section)
            name = html.escape(section)
            cells = [_link_cell(t, code, url_path, anchor, section, site_url, page.url, config["site_dir"], written)
                     for code in (lang, other)]
            parts.append(f'<tr class="tillit-level-{level}"><th scope="row">{name}</th>'
                         f"<td>{cells[0]}</td><td>{cells[1]}</td></tr>")
        parts.append("</tbody></table></details>")
    parts.append("</div>")
    page.content = page.content.replace(MARKER, "\n".join(parts))
    return context
