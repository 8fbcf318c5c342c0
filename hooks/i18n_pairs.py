"""Fail the build when a page exists in only one language (every page needs page.sv.md and page.en.md)."""
from pathlib import Path

from _site import languages
from mkdocs.exceptions import PluginError


def on_pre_build(config):
    docs = Path(config["docs_dir"])
    langs = languages(config)
    stems = {}
    for md in docs.rglob("*.md"):
        rel = md.relative_to(docs).as_posix()
        parts = rel.rsplit(".", 2)
        if len(parts) != 3 or parts[1] not in langs:
            raise PluginError(f"{docs.name}/{rel}: page file names must end in "
                              + " or ".join(f".{lang}.md" for lang in langs))
        stems.setdefault(parts[0], set()).add(parts[1])
    missing = [f"{docs.name}/{stem}.{lang}.md" for stem, have in sorted(stems.items())
               for lang in langs if lang not in have]
    if missing:
        raise PluginError("Missing translation(s): " + ", ".join(missing)
                          + " (every page needs a file in each language: " + ", ".join(langs) + ")")
