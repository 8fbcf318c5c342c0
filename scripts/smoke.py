#!/usr/bin/env python3
"""Check a published Tillit from outside, as a reader's browser meets it: one line per check, exit 1 if any failed.

  scripts/smoke.py https://intranat.kommun.se/tsl/      (make smoke URL=…)

Both start pages, a page and one of its sections per language (from urls.txt), both 404 pages with status 404, an
old address answered with 301 (deploy/redirects.conf), the security headers (deploy/security-headers.conf; on a
page, a 404 and a theme file), the search indexes and the feeds. Only that server is asked; nothing is followed to
another host. SMOKE_CAFILE=cert.pem trusts a self-signed certificate (a local test server only). Standard library only.
"""
import json
import os
import re
import ssl
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
HEADERS = ("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy",
           "X-Frame-Options", "Permissions-Policy")
REDIRECT = re.compile(r'location = (\S+) \{ return 301 "([^"]+)"; \}')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(open_, url):
    """(status, headers, text): errors and redirects are answers, not exceptions; no connection: status 0."""
    try:
        with open_.open(urllib.request.Request(url, headers={"User-Agent": "tillit-smoke"}), timeout=15) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")
    except (OSError, ValueError) as e:
        return 0, {}, str(getattr(e, "reason", e))


def sample_sections():
    """One section link per language from the URL contract: {'sv': ('tsl/x/', 'id'), 'en': ('en/tsl/x/', 'id')}."""
    found = {}
    for line in (ROOT / "urls.txt").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"/([^#\s]+/)#(\S+)", line.strip())
        if match and match.group(1) != "en/":   # a page below a start page
            found.setdefault("en" if match.group(1).startswith("en/") else "sv", match.groups())
    return found


def checks(base):
    """(name, url, status expected or None, test(status, headers, text) -> '' when fine, else what is wrong)."""
    origin = f"{urlsplit(base).scheme}://{urlsplit(base).netloc}"
    wanted = [h for h in HEADERS if h != "Strict-Transport-Security" or urlsplit(base).scheme == "https"]
    old, new = REDIRECT.search((ROOT / "deploy" / "redirects.conf").read_text(encoding="utf-8")).groups()

    def page(lang, needle=""):
        def test(status, headers, text):
            if f'lang="{lang}"' not in text[:500]:
                return f'not a {lang} page (no lang="{lang}")'
            return "" if needle in text else f"{needle} is missing"
        return test

    def not_found(lang):
        return lambda status, headers, text: "" if f'lang="{lang}"' in text[:500] else f"not the {lang} 404 page"

    def header(name):
        return lambda status, headers, text: "" if headers.get(name) else f"header missing (status {status})"

    def all_headers(status, headers, text):
        missing = [h for h in wanted if not headers.get(h)]
        return f"status {status}, missing {', '.join(missing)}" if missing else ""

    def search_index(status, headers, text):
        try:
            docs = json.loads(text).get("docs") or []
        except ValueError:
            return "not JSON"
        return "" if len(docs) >= 10 else f"only {len(docs)} entries"

    def feed(status, headers, text):
        try:
            tree = ET.fromstring(text)
        except ET.ParseError as e:
            return f"not XML: {e}"
        return "" if tree.find("{http://www.w3.org/2005/Atom}entry") is not None else "no entry"

    def redirect(status, headers, text):
        location = headers.get("Location", "")
        return "" if urljoin(origin + old, location) == origin + new else f"goes to {location}, expected {new}"
    out = [("start page (sv)", base, 200, page("sv")), ("start page (en)", base + "en/", 200, page("en"))]
    for lang, (path, anchor) in sorted(sample_sections().items(), reverse=True):
        out.append((f"page and section (#{anchor}) ({lang})", base + path, 200, page(lang, f'id="{anchor}"')))
    out += [("404 page (sv)", base + "finns-inte-smoke/", 404, not_found("sv")),
            ("404 page (en)", base + "en/no-such-page-smoke/", 404, not_found("en")),
            (f"redirect {old} -> {new}", origin + old, 301, redirect)]
    out += [(f"header {name}", base, None, header(name)) for name in wanted]
    out.append(("security headers on the 404 page", base + "finns-inte-smoke/", None, all_headers))
    out.append(("security headers on a theme file", base + "assets/stylesheets/tillit.css", None, all_headers))
    for lang, prefix in (("sv", ""), ("en", "en/")):
        out.append((f"search index ({lang})", base + prefix + "search/search_index.json", 200, search_index))
        out.append((f"feed ({lang})", base + prefix + "feed.xml", 200, feed))
    return out


def main(argv):
    if len(argv) != 1 or not re.match(r"https?://[^/]+/", argv[0] or ""):
        print("usage: smoke.py URL, the site's published address, e.g. make smoke URL=https://intranat.kommun.se/tsl/",
              file=sys.stderr)
        return 2
    base = argv[0] if argv[0].endswith("/") else argv[0] + "/"
    context = ssl.create_default_context(cafile=os.environ.get("SMOKE_CAFILE"))   # None: the system's
    open_, failed = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context)), 0
    for name, url, code, test in checks(base):
        status, headers, text = fetch(open_, url)
        if not status or code and status != code:
            problem = f"status {status}, expected {code}" if status else f"no answer: {text}"
        else:
            problem = test(status, headers, text)
        failed += bool(problem)
        print(f"{'FAIL' if problem else 'ok  '}  {name}: {url}" + (f": {problem}" if problem else ""))
    print(f"smoke: {failed} of the checks failed" if failed else "smoke: every check passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
