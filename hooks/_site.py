"""Shared rules for hooks, scripts and tests (one place each): languages, UI strings, docs path -> URL, mkdocs.yml, Chromium.

Hooks import it directly (MkDocs puts hooks/ on sys.path); scripts and tests do `sys.path.insert(0, str(ROOT / "hooks"))`.
"""
import functools
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@functools.cache
def load_config(path=None):
    """mkdocs.yml as a plain dict, read with MkDocs' own loader (!ENV tags resolved as in the build)."""
    from mkdocs.utils import yaml_load
    with open(path or ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)


def _i18n_languages(config=None):
    """The i18n plugin's language entries: from a running build's config, else from mkdocs.yml."""
    if config is not None and hasattr(config, "plugins") and "i18n" in config.plugins:
        return [dict(lang) for lang in config.plugins["i18n"].config["languages"]]
    plugins = load_config()["plugins"]
    return next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)["languages"]


def languages(config=None):
    """Locales in build order, the default language first, e.g. ('sv', 'en')."""
    entries = _i18n_languages(config)
    default = [lang["locale"] for lang in entries if lang.get("default")]
    return tuple(default + [lang["locale"] for lang in entries if not lang.get("default")])


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
    """The UI strings of one language from locales/<lang>.yml (every key a reader may see: templates, hooks, JS, PDFs)."""
    path = LOCALES / f"{lang}.yml"
    if not path.exists():
        raise FileNotFoundError(f"{path.relative_to(ROOT)} is missing: every language needs its UI strings file")
    with open(path, encoding="utf-8") as f:
        return yaml_load(f) or {}


CACHE = ROOT / ".cache"   # results kept between builds (git-ignored; README: it may be removed at any time)


def cached(kind, name, key, make):
    """make() (a str) kept in .cache/<kind>/<name> under `key`: a later build with the same key reads it back.

    One file per name (a new key replaces the old one), so the cache does not grow with each edit in `make serve`.
    The key must hold everything the result depends on, the code that makes it included."""
    import hashlib
    path = CACHE / kind / hashlib.sha256(name.encode()).hexdigest()[:32]
    try:
        head, _, body = path.read_bytes().decode("utf-8").partition("\n")   # bytes: no newline translation
        if head == key:
            return body
    except (OSError, ValueError):   # none yet, or not readable
        pass
    result = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(f"{key}\n{result}".encode("utf-8"))
        partial.replace(path)
    except OSError:
        pass   # a read-only checkout builds without the cache
    return result


def url_path(stem):
    """A page's URL path below its language root from its source stem: 'tsl/x' -> 'tsl/x/', 'a/index' -> 'a/', 'index' -> ''."""
    stem = stem.removesuffix(".md")
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def chromium_args():
    """Debian Chromium's launch flags here: no sandbox as root, no GPU, and nothing that calls other hosts."""
    args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic"]
    return (["--no-sandbox"] if os.geteuid() == 0 else []) + args


# What in a built site is not a page: theme assets and the search indexes, under every language root.
ASSET_DIRS = ("assets/", "search/")


def not_a_page_prefixes(config=None):
    """Site paths that hold no content page, e.g. ('assets/', 'search/', 'en/assets/', 'en/search/')."""
    return tuple(lang_prefix(lang, config) + d for lang in languages(config) for d in ASSET_DIRS)


def is_redirect_stub(text):
    """A page hooks/redirects.py left at an old address (it starts with a meta refresh)."""
    return 'http-equiv="refresh"' in text[:2000]


def language_of(rel, config=None):
    """The language of a built file from its site path: 'en/tsl/x/index.html' -> 'en', 'tsl/x/index.html' -> 'sv'."""
    first = rel.split("/", 1)[0]
    return first if first in languages(config)[1:] and "/" in rel else default_language(config)


def site_url(config=None):
    """The published address with one trailing slash (SITE_URL wins over mkdocs.yml, as in the build)."""
    url = (config or {}).get("site_url") if config is not None else load_config().get("site_url")
    return (url or "/").rstrip("/") + "/"


def build_language(config):
    """The language the running build renders. Reads static-i18n's private state (current_language)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or default_language(config)


def after_all_languages(config):
    """True in the outer build once every language is built. Reads static-i18n's private state (`building` is
    True inside the nested build of each further language)."""
    i18n = config.plugins.get("i18n")
    return i18n is None or not i18n.building


TIMEZONE = "Europe/Stockholm"   # dates a reader sees (last updated, printed) are Swedish dates


def local_time(timestamp=None):
    """Swedish time now, or at a unix time (an aware datetime; .date() is the date a Swedish reader expects)."""
    import datetime
    from zoneinfo import ZoneInfo
    zone = ZoneInfo(TIMEZONE)
    return datetime.datetime.now(zone) if timestamp is None else datetime.datetime.fromtimestamp(int(timestamp), zone)


def source_stem(src_uri):
    """A page's source path without language and extension: 'tsl/x.sv.md' -> 'tsl/x' (docs use the suffix structure)."""
    import re
    return re.sub(r"\.[A-Za-z_-]+\.md$", "", src_uri)


# Example domains (example.se and the RFC 2606 ones): an address that is not a publication, in one place
EXAMPLE = re.compile(r"(?:^|[@./])example\.(?:se|com|org|net)\b|\.(?:example|test|invalid|localhost)\b", re.I)
SITE_URL_SETTING = "mkdocs.yml site_url"


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
    """A warning line for stderr when `what` (QR codes, a PDF, printed links …) would point at this computer or at an
    example domain, else ''. The published address is mkdocs.yml site_url; SITE_URL overrides it (README: Bygga och publicera)."""
    if is_published(url):
        return ""
    if is_local(url):
        why, sv = ("an address on this computer that nobody else can open",
                   "adressen går bara att öppna på den här datorn")
    else:
        why, sv = "an example address that leads nowhere", "exempeladressen leder ingenstans"
    return (f"warning: {what} would point to {url}, {why}. Set the published address in {SITE_URL_SETTING} "
            f"(or SITE_URL=https://… for one build) (varning: {sv}; skriv er adress i site_url i mkdocs.yml)")


def configured_site_url(path=None):
    """site_url as mkdocs.yml itself sets it (its !ENV default), whatever SITE_URL says for this build."""
    import yaml

    def env_default(loader, node):   # !ENV [NAME, default]
        items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
        return items[-1] if len(items) > 1 else None

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", env_default)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)   # MkDocs' other tags: not needed here
    with open(path or ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return (yaml.load(f, Loader) or {}).get("site_url")


def language_name(lang, config=None):
    """A language's own name, from its entry in mkdocs.yml (the name static-i18n's language switch shows)."""
    return next(entry.get("name") or lang for entry in _i18n_languages(config) if entry["locale"] == lang)
