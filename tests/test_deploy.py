"""deploy/nginx.conf for real: Debian's nginx on loopback serves a /tsl/ build; crawl, headers, 404s, CSP in Chromium."""
import gzip
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from conftest import ROOT, free_port, mkdocs_build, open_guarded_page

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def configure(conf_text, tmp, port):
    """The example config with only its "# local" lines pointed at a temporary prefix and port."""
    replacements = {
        "pid /run/nginx-tillit.pid;": f"pid {tmp}/nginx.pid;",
        "access_log /var/log/nginx/tillit.access.log;": f"access_log {tmp}/access.log;",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "root /var/www/tillit;": f"root {tmp}/www;",
        "http {": "http {\n" + "".join(f"  {d}_temp_path {tmp}/temp/{d};\n"
                                        for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
    }
    for old, new in replacements.items():
        assert old in conf_text, f"deploy/nginx.conf no longer has {old!r}: update tests/test_deploy.py"
        conf_text = conf_text.replace(old, new, 1)
    return conf_text


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run `make browser` (scripts/install_system_deps.sh installs Debian's nginx)")
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    base = f"http://127.0.0.1:{port}/tsl/"
    result = mkdocs_build(tmp / "www" / "tsl", env_extra={"SITE_URL": base})
    assert result.returncode == 0, result.stderr
    conf = tmp / "conf"
    conf.mkdir()
    for name in ("nginx.conf", "security-headers.conf"):
        shutil.copy(ROOT / "deploy" / name, conf / name)
    (conf / "nginx.conf").write_text(configure((conf / "nginx.conf").read_text(), tmp, port))
    hashes = subprocess.run([sys.executable, str(ROOT / "scripts" / "csp_hashes.py"), str(tmp / "www" / "tsl"),
                             str(conf / "csp-hashes.conf")], capture_output=True, text=True)
    assert hashes.returncode == 0, hashes.stderr
    (tmp / "temp").mkdir()
    globals_ = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")   # workers must read the temp dir
    test = subprocess.run([NGINX, "-e", "stderr", "-p", str(tmp), "-c", str(conf / "nginx.conf"), "-g", globals_, "-t"],
                          capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen([NGINX, "-e", "stderr", "-p", str(tmp), "-c", str(conf / "nginx.conf"), "-g", globals_],
                            stderr=subprocess.PIPE, text=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url, headers=None):
    """(status, headers, body bytes): redirects and errors are returned, not followed or raised."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _opener.open(request, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


class Refs(HTMLParser):
    """Every URL a page refers to (links, scripts, styles, images) and every id it defines."""

    def __init__(self):
        super().__init__()
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.refs.append(attrs[key])


def test_crawl_finds_no_broken_link_and_nothing_leaves_tsl(nginx_site):
    origin = nginx_site.split("/tsl/")[0]
    queue, seen, pages, problems = [nginx_site, nginx_site + "en/"], set(), {}, []
    wanted_anchors = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, headers, body = fetch(url)
        if status != 200:
            problems.append(f"{status} {url}")
            continue
        if "text/html" not in headers.get("Content-Type", ""):
            continue
        parser = Refs()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser.ids
        for ref in parser.refs:
            if ref.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            absolute = urljoin(url, ref)
            if urlsplit(absolute).netloc != urlsplit(origin).netloc:
                continue            # an outbound link to a public source: allowed, not crawled
            target, fragment = urldefrag(absolute)
            if not urlsplit(target).path.startswith("/tsl/"):
                problems.append(f"{url}: link leaves /tsl/: {ref}")
                continue
            if fragment:
                wanted_anchors.append((url, target, fragment))
            queue.append(target)
    for source, target, fragment in wanted_anchors:
        if target in pages and fragment not in pages[target]:
            problems.append(f"{source}: anchor #{fragment} missing on {target}")
    html_pages = [u for u in pages if not u.endswith(".html") or u.endswith("index.html")]
    assert len(html_pages) >= 20, f"crawl reached only {len(html_pages)} pages"
    assert any("/tsl/en/" in u for u in pages) and any("/tsl/en/" not in u for u in pages)
    assert not problems, "\n".join(problems)


def test_headers_cache_and_gzip(nginx_site):
    status, headers, body = fetch(nginx_site, {"Accept-Encoding": "gzip"})
    assert status == 200
    csp = headers["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src, script_src
    assert "default-src 'self'" in csp and "object-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] and headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "nginx/" not in headers.get("Server", "")
    assert headers["Content-Encoding"] == "gzip" and b"<html" in gzip.decompress(body)
    html_cache = headers["Cache-Control"]
    assert "max-age=300" in html_cache and "immutable" not in html_cache, html_cache
    # a fingerprinted theme asset: cached for a year; a plain one (edited in place): briefly
    page = gzip.decompress(body).decode()
    bundle = next(part.split('"')[0] for part in page.split('src="')[1:] if "bundle." in part.split('"')[0])
    status, headers, _ = fetch(urljoin(nginx_site, bundle), {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"]
    assert headers["Content-Security-Policy"] == csp            # security headers on every response
    status, headers, _ = fetch(nginx_site + "assets/stylesheets/tillit.css")
    assert status == 200 and "max-age=300" in headers["Cache-Control"]
    # outside /tsl/ nothing is served from the site
    status, headers, _ = fetch(nginx_site.replace("/tsl/", "/"))
    assert status == 302 and headers["Location"].endswith("/tsl/")


@pytest.mark.parametrize("path,lang,text", [("finns/inte/", "sv", "Sidan finns inte"),
                                            ("en/no/such/page/", "en", "Page not found"),
                                            ("tsl/gammal-sida.html", "sv", "Sidan finns inte")])
def test_each_language_gets_its_own_404(nginx_site, path, lang, text):
    status, headers, body = fetch(nginx_site + path)
    page = body.decode("utf-8")
    assert status == 404
    assert f'lang="{lang}"' in page[:300] and text in page
    assert "Content-Security-Policy" in headers and headers["Cache-Control"] == "no-cache"


CSP_LISTENER = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));")


@pytest.mark.browser
def test_chromium_reports_no_csp_violation(browser, nginx_site, pages):
    context, pg, guard = open_guarded_page(browser)
    console = []
    pg.on("console", lambda m: console.append(m.text))
    pg.add_init_script(CSP_LISTENER)
    violations = []
    try:
        urls = [nginx_site + p.rel.removesuffix("index.html") for p in pages]
        for url in urls:
            pg.goto(url)
            pg.wait_for_load_state("networkidle")
            violations += [f"{url}: {v}" for v in pg.evaluate("window.__csp")]
        for lang_root, query in ((nginx_site, "tillit"), (nginx_site + "en/", "trust")):
            pg.goto(lang_root)                   # the search worker and its index load under the CSP too
            pg.keyboard.press("/")
            pg.keyboard.type(query)
            pg.locator(".md-search-result__item").first.wait_for(timeout=10_000)
            violations += [f"{lang_root} (search): {v}" for v in pg.evaluate("window.__csp")]
        guard.allow_console.append("404")
        for missing in ("finns/inte/", "en/no/such/"):
            pg.goto(nginx_site + missing)
            pg.wait_for_load_state("networkidle")
            violations += [f"{missing}: {v}" for v in pg.evaluate("window.__csp")]
        violations += [c for c in console if "Content Security Policy" in c]
        assert not violations, "\n".join(violations)
        # the listener does see a violation: an injected inline script is blocked and reported
        pg.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }")
        pg.wait_for_timeout(200)
        assert pg.evaluate("window.__ran") is None and pg.evaluate("window.__csp.length") >= 1
    finally:
        context.close()
    guard.allow_console.append("Content Security Policy")   # the deliberate injected script above
    assert not guard.problems(), guard.problems()
