"""Ship our own CSS and JavaScript minified (about a third smaller gzipped on every page); the sources in docs/assets stay readable; once after all languages (static-i18n's private state)."""
from pathlib import Path

import rcssmin
import rjsmin
from _site import after_all_languages
from mkdocs.plugins import event_priority

MINIFY = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


@event_priority(-250)   # after static-i18n (-100) has built the last language, which copies docs/assets again
def on_post_build(config):
    if not after_all_languages(config):
        return
    docs, site = Path(config.docs_dir), Path(config.site_dir)
    for source in sorted((docs / "assets").rglob("*")):
        minify = MINIFY.get(source.suffix)
        if minify is None or ".min." in source.name:
            continue
        target = site / source.relative_to(docs)
        if target.exists():
            target.write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")
