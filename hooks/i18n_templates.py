"""Give each language its own 404.html and sitemap.xml (static-i18n 1.3.1 writes one, in the last-built language); reads static-i18n's private state (current language)."""
from pathlib import Path

from _site import build_language, default_language, lang_prefix
from mkdocs.plugins import event_priority

PER_LANGUAGE = ("404.html", "sitemap.xml")
_default_output = {}


@event_priority(-10)   # after every other on_post_template (valid_html, minify_html: 0): it copies their final output
def on_post_template(output, template_name, config):
    if template_name not in PER_LANGUAGE:
        return output
    lang = build_language(config)
    if lang == default_language(config):
        _default_output[template_name] = output
        return output
    # A non-default language: write its copy under /<lang>/ and keep the default language's at the root.
    target = Path(config["site_dir"]) / lang_prefix(lang, config) / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_output.get(template_name, output)
