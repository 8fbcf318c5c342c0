"""After every language is built: the site-wide steps over plain files (our assets minified, Material's CSS purged)."""
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from tillit import i18n, purge_css, trim


@event_priority(-250)   # after static-i18n's nested builds (-100) and hooks/search.py's indexes (-200)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if not i18n.after_all_languages(config):
        return   # a nested language build: the other languages' pages are not all written yet
    trim.minify_ours(Path(config.docs_dir), site)
    purge_css.purge(config)               # last: it reads every page and script
