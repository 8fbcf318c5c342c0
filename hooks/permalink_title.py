"""Translate the heading permalink's title per page language (the toc extension sets one title for all languages)."""
from _site import strings


def on_page_content(html, page, config, files):
    lang = config.theme["language"]   # static-i18n sets it per language build
    default = config["mdx_configs"]["toc"]["permalink_title"]
    return html.replace(f'title="{default}"', f'title="{strings(lang)["toc"]["permalink_title"]}"')
