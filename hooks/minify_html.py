"""Drop the indentation Material's templates leave in every page (about 0.7 kB gzip a page); <pre>, <textarea>, <script> and <style> stay as they are."""
import re

# A newline followed by more whitespace becomes one newline: still whitespace where whitespace matters, so the page
# renders the same (no attribute value on the site spans lines; elements that keep whitespace are skipped).
_WHITESPACE = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)|\n\s+", re.S | re.I)


def minify(html):
    return _WHITESPACE.sub(lambda m: m.group(1) or "\n", html)


def on_post_page(output, page, config):
    return minify(output)


def on_post_template(output, template_name, config):
    # 404.html; listed before hooks/i18n_templates.py, which copies it per language
    return minify(output) if template_name.endswith(".html") else output
