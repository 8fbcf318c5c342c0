"""A page's final HTML: Material's markup valid (Nu), readable by assistive tech (issue 26), no indentation."""
import re
from html import escape as esc

from tillit import material

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')
# A newline followed by more whitespace becomes one newline: still whitespace where whitespace matters, so the page
# renders the same (no attribute value spans lines); the elements that keep whitespace are split out first (faster).
_KEEPS_WHITESPACE = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n\s+")
# text for assistive technology only (tillit.css hides it; tillit.page_toc does not count it as the page's length)
SR_ONLY = "tillit-sr-only"
HIDDEN_TEXT = re.compile(rf'<span class="{SR_ONLY}"[^>]*>.*?</span>', re.S)
# an icon: an <svg> that names nothing (our figures' SVGs carry role="img" and a label)
_ICON = re.compile(r"<svg\b(?![^>]*\b(?:role|aria-[a-z]+)=)")


def _sr(text):
    return f'<span class="{SR_ONLY}">{text}</span>'


def valid_html(html: str) -> str:
    """No autocomplete on checkboxes, no empty tabindex, no label for an element the page lacks (Material's markup)."""
    html = _CHECKBOX.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), html)
    html = re.sub(r'(<label\b[^>]*?)\s+tabindex=""', r"\1", html)      # section labels: "" means not focusable
    # e.g. the table of contents' label for="__toc" on a page whose toc checkbox is not rendered; a substring test
    # per label, not a scan for every id: that scan grew with the page and was the build's slowest step at 50x pages
    return _LABEL_FOR.sub(lambda m: m.group(0) if f'id="{m.group(2)}"' in html else m.group(1), html)


def accessible(html: str, t: dict) -> str:
    """Material's markup as assistive technology should read it (t: locales/<lang>.yml's `a11y`): icons hidden
    (their button or link names them), state checkboxes (.md-toggle) out of the tree and tab order, one <label> per
    checkbox (the others <div data-tillit-toggle>, for tillit.js), the "last updated" box not complementary content.
    """
    html = _ICON.sub('<svg aria-hidden="true" focusable="false"', html)
    html = material.TOGGLE_INPUT.sub(r'\g<0> tabindex="-1" aria-hidden="true"', html)
    html = material.EXTRA_TOGGLE_LABEL.sub(
        lambda m: f'<div{m.group(1)} data-tillit-toggle="{m.group(2)}"{m.group(3)}>{m.group(4)}</div>', html)
    # the palette: each radio named by the scheme it selects, the name its label shows (Material names it by the
    # other scheme); the label before it toggles through tillit.js, as a label after it would be read as its name
    names = {m.group(3): m.group(2) for m in material.PALETTE_LABEL.finditer(html)}
    html = material.PALETTE_INPUT.sub(lambda m: f'{m.group(1)} aria-label="{names[m.group(3)]}"{m.group(2)}', html)
    html = material.PALETTE_LABEL.sub(
        lambda m: f'{m.group(1)} data-tillit-toggle="{m.group(3)}"{m.group(4)}{_sr(m.group(2))}', html)
    html = material.PALETTE_FORM.sub(
        lambda m: f'{m.group(1)}<div role="radiogroup" aria-label="{esc(t["colour_scheme"])}">'
                  f'{m.group(2)}</div></form>', html)
    html = html.replace(material.DRAWER_LABEL, material.DRAWER_LABEL + _sr(esc(t["menu"])))
    html = material.SEARCH_LABEL.sub(
        lambda m: f'<button type="button" class="md-header__button md-icon" data-tillit-toggle="__search">'
                  f'{_sr(esc(t["search"]))}{m.group(1)}</button>', html)
    html = material.SEARCH_ICON.sub(lambda m: m.group(0) + _sr(esc(t["search"])), html)
    html = material.SECTION_LABEL.sub(
        lambda m: m.group(0) + _sr(esc(t["submenu"]).replace("{title}", m.group(2))), html)
    html = material.TAGS_NAV.sub(f'<nav class="md-tags" aria-label="{esc(t["tags"])}" ', html)
    return material.SOURCE_FILE.sub(r'<div class="md-source-file">\1</div>', html)


def minify(html: str) -> str:
    """Without the indentation Material's templates leave (about 0.7 kB gzip a page)."""
    parts = _KEEPS_WHITESPACE.split(html)   # text, element, its tag name, text, element, its tag name, …, text
    return "".join(part if i % 3 else _INDENT.sub("\n", part) for i, part in enumerate(parts) if i % 3 != 2)


def final(html: str, t: dict) -> str:
    return minify(accessible(valid_html(html), t))
