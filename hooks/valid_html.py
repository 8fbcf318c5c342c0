"""Make Material's markup pass the Nu HTML checker: no autocomplete on checkboxes, no empty tabindex, no dangling label."""
import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')


def valid_html(html):
    html = _CHECKBOX.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), html)
    html = re.sub(r'(<label\b[^>]*?)\s+tabindex=""', r"\1", html)      # section labels: "" means not focusable
    # e.g. the table of contents' label for="__toc" on a page whose toc checkbox is not rendered; a substring test
    # per label, not a scan for every id: that scan grew with the page and was the build's slowest step at 50x pages
    return _LABEL_FOR.sub(lambda m: m.group(0) if f'id="{m.group(2)}"' in html else m.group(1), html)


def on_post_page(output, page, config):
    return valid_html(output)


def on_post_template(output, template_name, config):
    # 404.html is a static template; this hook is listed before hooks/i18n_templates.py, which copies it per language
    return valid_html(output) if template_name.endswith(".html") else output
