"""What the theme templates get: this language's UI strings as `t` and the contact line; compiled templates cached."""
from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from tillit import contact, i18n
from tillit.cache import CACHE
from tillit.site import lang_prefix, languages, strings


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    lang = i18n.current(config)
    env.globals["t"] = strings(lang)
    env.globals["tillit_contact"] = contact.contact_html(config, lang)   # the footer's, on every page and the 404
    env.globals["tillit_lang"] = {
        "code": lang,
        "prefix": lang_prefix(lang, config),
        # the other languages, for the 404 page's "this site in …" links: code, URL prefix and their own strings
        "others": [{"code": other, "prefix": lang_prefix(other, config), "t": strings(other)}
                   for other in languages(config) if other != lang],
    }
    # compiled templates kept between builds (Jinja's own cache writes atomically): each language and each make
    # serve rebuild skips the compile step (build ratio 1.48 -> 1.14, BENCHMARKS.md)
    folder = CACHE / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
