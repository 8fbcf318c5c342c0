"""A page's final HTML: Material's markup made valid for the Nu checker, and its template indentation dropped."""
import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')
# A newline followed by more whitespace becomes one newline: still whitespace where whitespace matters, so the page
# renders the same (no attribute value on the site spans lines; elements that keep whitespace are skipped).
_WHITESPACE = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)|\n\s+", re.S | re.I)


def valid_html(html: str) -> str:
    """No autocomplete on checkboxes, no empty tabindex, no label for an element the page lacks (Material's markup)."""
    html = _CHECKBOX.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), html)
    html = re.sub(r'(<label\b[^>]*?)\s+tabindex=""', r"\1", html)      # section labels: "" means not focusable
    # e.g. the table of contents' label for="__toc" on a page whose toc checkbox is not rendered; a substring test
    # per label, not a scan for every id: that scan grew with the page and was the build's slowest step at 50x pages
    return _LABEL_FOR.sub(lambda m: m.group(0) if f'id="{m.group(2)}"' in html else m.group(1), html)


def minify(html: str) -> str:
    """Without the indentation Material's templates leave (about 0.7 kB gzip a page)."""
    return _WHITESPACE.sub(lambda m: m.group(1) or "\n", html)


def final(html: str) -> str:
    return minify(valid_html(html))
