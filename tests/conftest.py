"""Shared fixtures: the built site (built once per session), its pages parsed with lxml, a local server, Chromium."""
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("sv", "en")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def mkdocs_build(dest, config=ROOT / "mkdocs.yml", env_extra=None, cwd=ROOT):
    """Run a strict build; return the CompletedProcess (callers assert on returncode/output)."""
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                           "--config-file", str(config), "--site-dir", str(dest)],
                          cwd=cwd, env=env, capture_output=True, text=True)


def copy_project(dest):
    """A copy of the project without history, environments or build output (for tests that break or change it)."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "site-*", "node_modules", ".pytest_cache", "__pycache__",
                                   "dist", ".cache")
    shutil.copytree(ROOT, dest, ignore=ignore, dirs_exist_ok=True)
    return dest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    prebuilt = os.environ.get("SITE_DIR")
    if prebuilt and (ROOT / prebuilt / "index.html").exists():
        return (ROOT / prebuilt).resolve()
    dest = tmp_path_factory.mktemp("site")
    result = mkdocs_build(dest)
    assert result.returncode == 0, result.stderr
    return dest


@dataclass
class Page:
    rel: str          # path relative to the site root, e.g. "en/tsl/vad-ar-tsl/index.html"
    lang: str         # "sv" or "en"
    url_path: str     # path relative to the language root, e.g. "tsl/vad-ar-tsl/"
    tree: object

    @property
    def twin_rel(self):
        other = "en/" + self.url_path if self.lang == "sv" else self.url_path
        return other + "index.html" if other.endswith("/") or other == "" else other


def _is_redirect(text):
    return 'http-equiv="refresh"' in text[:2000]


@pytest.fixture(scope="session")
def pages(site_dir):
    """Every content page of the built site (no redirect stubs, no 404 pages, no asset files)."""
    found = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/", "en/assets/", "en/search/")):
            continue
        text = path.read_text(encoding="utf-8")
        if _is_redirect(text):
            continue
        lang = "en" if rel.startswith("en/") else "sv"
        url_path = rel[3:] if lang == "en" else rel
        url_path = url_path[: -len("index.html")]
        found.append(Page(rel, lang, url_path, lxml_html.fromstring(text)))
    assert found, f"no pages found in {site_dir}"
    return found


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files from the site; a missing path gets the 404 page of its language, like the nginx example."""
    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        path = urlsplit(self.path).path
        lang_404 = Path(self.directory) / ("en/404.html" if path.startswith(self.prefix + "en/") else "404.html")
        body = lang_404.read_bytes() if lang_404.exists() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory, prefix="/", port=0):
    """Serve a directory on 127.0.0.1 under a URL prefix; returns (server, base_url)."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (installs Debian's chromium)")
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Guard:
    """Records what a page does that a test must not accept: requests to other hosts, console errors."""

    def __init__(self):
        self.offhost = []
        self.console_errors = []
        self.page_errors = []
        self.allow_console = []   # substrings of console errors a test expects (e.g. a deliberate 404)

    def problems(self):
        errors = [e for e in self.console_errors if not any(a in e for a in self.allow_console)]
        return self.offhost + errors + self.page_errors


def open_guarded_page(browser, **context_args):
    """A new page in a fresh context; any request to a host other than 127.0.0.1 is aborted and recorded."""
    context = browser.new_context(**context_args)
    guard = Guard()

    def route(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", None):
            return route.continue_()
        guard.offhost.append(f"request to another host: {route.request.url}")
        return route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and guard.console_errors.append(
        f"console error: {m.text} ({m.location.get('url', '')})"))
    page.on("pageerror", lambda e: guard.page_errors.append(f"page error: {e}"))
    return context, page, guard


@pytest.fixture
def page(browser):
    """A Chromium page; the test fails on any request to another host, console error or uncaught exception."""
    context, pg, guard = open_guarded_page(browser)
    pg.guard = guard
    yield pg
    context.close()
    assert not guard.problems(), "\n".join(guard.problems())
