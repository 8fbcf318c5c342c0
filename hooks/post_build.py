"""After every language is built: the site-wide steps over plain files (search indexes, our assets, Material's CSS)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from tillit import i18n, purge_css, search, trim


@event_priority(-200)   # after static-i18n's on_post_build (-100), inside which it builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if not i18n.after_all_languages(config):
        return   # a nested language build: the other languages' pages are not all written yet
    if i18n.plugin(config) is not None:
        search.write_indexes(config)       # one index per language, compound parts and synonyms
    trim.minify_ours(Path(config.docs_dir), site)
    purge_css.purge(config)               # last: it reads every page and script
