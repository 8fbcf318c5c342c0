"""Translate the heading permalink's title per page language (the toc extension sets one title for all languages)."""
TITLES = {"sv": "Länk till avsnittet", "en": "Link to this section"}


def on_page_content(html, page, config, files):
    lang = getattr(page.file, "locale", "sv")
    default = config["mdx_configs"]["toc"]["permalink_title"]
    return html.replace(f'title="{default}"', f'title="{TITLES[lang]}"')
