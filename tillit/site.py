"""Shared rules for hooks, scripts and tests (one place each): languages, UI strings, docs path -> URL, mkdocs.yml.
It imports nothing from MkDocs, so the source checks (tillit.checks) run under any generator.
"""
import functools
import os
import re
from pathlib import Path

# The project: this package's checkout, or TILLIT_ROOT (a small fixture site the hook tests build as a project)
ROOT = Path(os.environ.get("TILLIT_ROOT") or Path(__file__).resolve().parent.parent).resolve()
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TIMEZONE = "Europe/Stockholm"   # dates a reader sees (last updated, printed) are Swedish dates
# Example domains (example.se and the RFC 2606 ones): an address that is not a publication, in one place
EXAMPLE = re.compile(r"(?:^|[@./])example\.(?:se|com|org|net)\b|\.(?:example|test|invalid|localhost)\b", re.I)
SITE_URL_SETTING = "mkdocs.yml site_url"


def _config_loader():
    """mkdocs.yml's YAML loader: !ENV as MkDocs resolves it (pyyaml_env_tag), !!python/name as a name (never called)."""
    import yaml
    from yaml_env_tag import construct_env_tag

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass
    Loader.add_constructor("!ENV", construct_env_tag)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
    return Loader


def _merged(parent, child):
    """Child over parent as MkDocs' INHERIT merges them: dictionaries key by key, anything else replaced."""
    out = dict(parent)
    for key, value in child.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


@functools.cache
def load_config(path=None):
    """mkdocs.yml as a plain dict (!ENV tags resolved and INHERIT followed as in the build)."""
    import yaml
    path = Path(path or ROOT / "mkdocs.yml")
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=_config_loader()) or {}
    parent = data.pop("INHERIT", None)
    return _merged(load_config(path.parent / parent), data) if parent else data


def language_entries(config=None):
    """The i18n plugin's language entries: from a running build's config or a load_config() dict, else mkdocs.yml."""
    from tillit import i18n
    if config is not None and i18n.plugin(config) is not None:
        return i18n.language_entries(config)
    plugins = (config if isinstance(config, dict) else load_config())["plugins"]
    return next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)["languages"]


def languages(config=None):
    """Locales in build order, the default language first, e.g. ('sv', 'en')."""
    return tuple(entry["locale"] for entry in sorted(language_entries(config), key=lambda e: not e.get("default")))


def default_language(config=None):
    return languages(config)[0]


def lang_prefix(lang, config=None):
    """URL prefix of a language below the site root: '' for the default language, 'en/' for English."""
    return "" if lang == default_language(config) else f"{lang}/"


def yaml_load(stream):
    """YAML data with PyYAML's C parser where it is installed (the same data, 50 times faster), else the Python one."""
    import yaml
    return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.cache
def strings(lang):
    """One language's UI strings, locales/<lang>.yml (every key a reader may see: templates, hooks, JS, PDFs)."""
    path = ROOT / "locales" / f"{lang}.yml"
    if not path.exists():
        raise FileNotFoundError(f"{path.relative_to(ROOT)} is missing: every language needs its UI strings file")
    with open(path, encoding="utf-8") as f:
        return yaml_load(f) or {}


def url_path(stem):
    """A page's URL path below its language root: 'tsl/x' -> 'tsl/x/', 'a/index' -> 'a/', 'index' -> ''."""
    return re.sub(r"(^|/)index/$", r"\1", stem.removesuffix(".md") + "/")


def chromium_args():
    """Debian Chromium's launch flags here: no sandbox as root, no GPU, and nothing that calls other hosts."""
    args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic"]
    return (["--no-sandbox"] if os.geteuid() == 0 else []) + args


def not_a_page_prefixes(config=None):
    """Site paths of theme assets and search indexes, no page: ('assets/', 'search/', 'en/assets/', 'en/search/')."""
    return tuple(lang_prefix(lang, config) + d for lang in languages(config) for d in ("assets/", "search/"))


def is_redirect_stub(text):
    """A page tillit/redirects.py left at an old address (it starts with a meta refresh)."""
    return 'http-equiv="refresh"' in text[:2000]


def language_of(rel, config=None):
    """The language of a built file from its site path: 'en/tsl/x/index.html' -> 'en', 'tsl/x/index.html' -> 'sv'."""
    first = rel.split("/", 1)[0]
    return first if first in languages(config)[1:] and "/" in rel else default_language(config)


def site_url(config=None):
    """The published address with one trailing slash (SITE_URL wins over mkdocs.yml, as in the build)."""
    url = (load_config() if config is None else config).get("site_url")
    return (url or "/").rstrip("/") + "/"


def local_time(timestamp=None):
    """Swedish time now, or at a unix time (an aware datetime; .date() is the date a Swedish reader expects)."""
    import datetime
    from zoneinfo import ZoneInfo
    zone = ZoneInfo(TIMEZONE)
    return datetime.datetime.now(zone) if timestamp is None else datetime.datetime.fromtimestamp(int(timestamp), zone)


def source_stem(src_uri):
    """A page's source path without language and extension: 'tsl/x.sv.md' -> 'tsl/x' (docs use the suffix structure)."""
    return re.sub(r"\.[A-Za-z_-]+\.md$", "", src_uri)


def _host(url):
    from urllib.parse import urlsplit
    return (urlsplit(str(url or "")).hostname or "").lower()


def is_local(url):
    """True when the address points at this computer (localhost, 127.x, ::1, 0.0.0.0, or no host at all)."""
    host = _host(url)
    return host in ("", "localhost", "::1", "0.0.0.0") or host.startswith("127.")


def is_published(url):
    """True when the site is built for a real address (not this machine and not an example domain)."""
    return not is_local(url) and not EXAMPLE.search(_host(url))


def address_warning(url, what):
    """A stderr warning when `what` (QR codes, a PDF, links …) would point at this computer or nowhere, else ''."""
    if is_published(url):
        return ""
    why, sv = (("an address on this computer that nobody else can open",
                "adressen går bara att öppna på den här datorn") if is_local(url)
               else ("an example address that leads nowhere", "exempeladressen leder ingenstans"))
    return (f"warning: {what} would point to {url}, {why}. Set the published address in {SITE_URL_SETTING} "
            f"(or SITE_URL=https://… for one build) (varning: {sv}; skriv er adress i site_url i mkdocs.yml)")


def configured_site_url(path=None):
    """site_url as mkdocs.yml itself sets it (its !ENV default), whatever SITE_URL says for this build."""
    saved = os.environ.pop("SITE_URL", None)
    try:
        return load_config.__wrapped__(path).get("site_url")
    finally:
        if saved is not None:
            os.environ["SITE_URL"] = saved


def language_name(lang, config=None):
    """A language's own name, from its entry in mkdocs.yml (the name static-i18n's language switch shows)."""
    return next(entry.get("name") or lang for entry in language_entries(config) if entry["locale"] == lang)


def untranslated(texts, langs=None):
    """The languages in which a {lang: text} value of a source file (a picture, an exercise) has no text."""
    return [lang for lang in langs or languages()
            if not isinstance(texts, dict) or not str(texts.get(lang) or "").strip()]


def key_paths(data, prefix=""):
    """Every key of a strings file as a dotted path ('page.review_title'); lists and texts are leaves."""
    return set().union(*(key_paths(value, f"{prefix}{key}.") if isinstance(value, dict) and key != "names"
                         else {f"{prefix}{key}"} for key, value in data.items()))


def missing_strings(config=None):
    """Problems, one per language whose locales/<lang>.yml lacks keys the default language's file has."""
    langs = languages(config)
    wanted = key_paths(strings(langs[0]))
    return [f"locales/{lang}.yml lacks {', '.join(missing)}: copy them from locales/{langs[0]}.yml and translate them"
            for lang in langs[1:] if (missing := sorted(wanted - key_paths(strings(lang))))]
