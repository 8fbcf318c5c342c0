"""Search per language (tillit/search.py): the wrapped worker's name for the templates, one index per language."""
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from tillit import i18n, material, search


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # which of Material's workers search-tillit.js wraps (overrides/main.html); without this hook (the stock-search
    # comparison, tests/search_eval.py --stock) the template falls back to Material's own config block
    env.globals["tillit_search"] = {"worker": material.search_worker()}
    return env


@event_priority(-200)   # after static-i18n's on_post_build (-100), inside which it builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if i18n.after_all_languages(config) and i18n.plugin(config) is not None:
        search.write_indexes(config)   # one index per language, compound parts, synonyms, the words for forgiveness
