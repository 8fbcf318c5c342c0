"""The heading links' title in each language (the toc extension takes one title for all): locales/<lang>.yml, toc.permalink_title."""
from _site import strings
from mkdocs.plugins import event_priority


@event_priority(-110)   # after static-i18n's on_config (-100) has set theme.language for this language's build
def on_config(config):
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings(config.theme["language"])["toc"]["permalink_title"]
    return config
