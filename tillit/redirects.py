"""Keep old and short URLs working in every language: a redirect page per `extra.redirects` entry in each language.

mkdocs-redirects resolves `.md` targets only for static-i18n's default language. mkdocs.yml maps
`old/url/path/: new/page.md[#section]` below the language root; the old URL's hash is carried over.
"""
import html
import posixpath
from pathlib import Path

from tillit.site import lang_prefix, site_url, strings, url_path


def target_url(target):
    """`tsl/vad-ar-tsl.md#x` -> ('tsl/vad-ar-tsl/', 'x'); `fortroendevalda/index.md` -> ('fortroendevalda/', '')."""
    path, _, anchor = target.partition("#")
    return url_path(path), anchor


def write_stubs(config, lang):
    """A stub page per old address under this language's root (tillit.checks checks extra.redirects first)."""
    root = Path(config["site_dir"]) / lang_prefix(lang, config)
    for old, target in (config["extra"].get("redirects") or {}).items():
        path, anchor = target_url(target)
        built = root / path / "index.html"
        if not built.exists():
            raise RuntimeError(f"mkdocs.yml extra.redirects '{old}': no page was built at {built}")
        fragment = f"#{anchor}" if anchor else ""
        href = posixpath.relpath(path or ".", old.rstrip("/")) + "/" + fragment
        absolute = site_url(config) + lang_prefix(lang, config) + path
        stub = root / old / "index.html"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(_stub(lang, href, fragment, absolute), encoding="utf-8")


# One script body for every stub (a single CSP hash): go to the link's page, keeping the old URL's #section.
SCRIPT = ('<script>(function () { var a = document.getElementById("tillit-redirect"); '
          'location.replace(a.getAttribute("href").split("#")[0] + (location.hash || a.hash)); })();</script>')


def _stub(lang, href, fragment, absolute):
    t = strings(lang)["redirect"]
    full, shown = html.escape(href), html.escape(absolute + fragment)
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{t["title"]}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{html.escape(absolute)}">
<meta http-equiv="refresh" content="0; url={full}">
</head>
<body>
<p>{t["moved"]} <a id="tillit-redirect" href="{full}">{shown}</a></p>
{SCRIPT}
</body>
</html>
"""
