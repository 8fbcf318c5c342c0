"""Give the templates this build's UI strings (locales/<lang>.yml) as `t`; the language is theme.language, which static-i18n sets per language build."""
from _site import lang_prefix, languages, strings
from mkdocs.exceptions import PluginError


def key_paths(data, prefix=""):
    """Every key of a strings file as a dotted path ('page.review_title'); lists and texts are leaves."""
    paths = set()
    for key, value in data.items():
        path = f"{prefix}{key}"
        paths |= key_paths(value, path + ".") if isinstance(value, dict) and key != "names" else {path}
    return paths


def missing_strings(config=None):
    """Problems, one per language whose locales/<lang>.yml lacks keys the default language's file has."""
    langs = languages(config)
    wanted = key_paths(strings(langs[0]))
    problems = []
    for lang in langs[1:]:
        missing = sorted(wanted - key_paths(strings(lang)))
        if missing:
            problems.append(f"locales/{lang}.yml lacks {', '.join(missing)}: copy them from locales/{langs[0]}.yml "
                            "and translate them")
    return problems


def on_config(config):
    strings.cache_clear()   # make serve: an edited locales file counts from the next rebuild
    # a missing key would show as an empty text in the templates: stop instead
    problems = missing_strings(config)
    if problems:
        raise PluginError("; ".join(problems))


def on_env(env, config, files):
    # static-i18n builds one language at a time and sets theme.language for it (reconfigure_material: true)
    lang = config.theme["language"]
    env.globals["t"] = strings(lang)
    env.globals["tillit_lang"] = {
        "code": lang,
        "prefix": lang_prefix(lang, config),
        # the other languages, for the 404 page's "this site in …" links: code, URL prefix and their own strings
        "others": [{"code": other, "prefix": lang_prefix(other, config), "t": strings(other)}
                   for other in languages(config) if other != lang],
    }
    return env
