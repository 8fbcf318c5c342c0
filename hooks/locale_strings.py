"""Give the templates this build's UI strings (locales/<lang>.yml) as `t`; the language is theme.language, which static-i18n sets per language build."""
from _site import lang_prefix, languages, strings


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
