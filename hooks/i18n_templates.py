"""Give each language its own 404.html and sitemap.xml (static-i18n 1.3.1 writes one, in the last-built language)."""
from pathlib import Path

PER_LANGUAGE = ("404.html", "sitemap.xml")
_default_output = {}


def on_post_template(output, template_name, config):
    if template_name not in PER_LANGUAGE:
        return output
    i18n = config.plugins["i18n"]
    lang = i18n.current_language
    if lang == i18n.default_language:
        _default_output[template_name] = output
        return output
    # A non-default language: write its copy under /<lang>/ and keep the default language's at the root.
    target = Path(config["site_dir"]) / lang / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_output.get(template_name, output)
