"""Shared fixtures: the built site (built once per session), its pages parsed with lxml, a local server, Chromium."""
import fcntl
import functools
import http.server
import inspect
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from tillit import site as _site

ROOT = Path(__file__).resolve().parent.parent

LANGS = _site.languages()
CHROMIUM = _site.CHROMIUM


FOLDER_MARKS = {"browser": "browser", "pdf": "pdf", "deploy": "slow"}   # tests/<layer>/: the layer's marker


def _builds_a_copy(item):
    """A test whose own code builds a site (a copy of the project, broken or changed) is slow."""
    try:
        source = inspect.getsource(item.function)
    except (AttributeError, OSError, TypeError):
        return False
    return "mkdocs_build(" in source or "build_fails(" in source


def pytest_collection_modifyitems(items):
    """Marks follow the folder (tests/browser, tests/pdf, tests/deploy) and the fixtures a test really uses, so
    `-m "not browser"` can never start Chromium by accident: anything that needs the `browser` fixture is `browser`;
    anything served by nginx or building a copy of the project (its code calls mkdocs_build) is `slow`; anything reading
    the printed PDFs is `pdf`."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        layer = Path(str(item.fspath)).parent.name
        wanted = {FOLDER_MARKS[layer]} if layer in FOLDER_MARKS else set()
        wanted |= {"browser"} if "browser" in used else set()
        wanted |= {"slow"} if used & {"tsl_site", "tls_site", "tsl_nginx", "fi_site"} or _builds_a_copy(item) else set()
        wanted |= {"pdf"} if "printed_site" in used else set()
        for name in wanted:
            if not item.get_closest_marker(name):
                item.add_marker(getattr(pytest.mark, name))


def mkdocs_build(dest, config=ROOT / "mkdocs.yml", env_extra=None, cwd=None):
    """Run a strict build of a config (the project's, a copy's or a fixture's); return the CompletedProcess.

    It runs in the config's folder as its project (project_env): a copy of the project builds with its own tillit/
    package, a copy of the fixture site with this checkout's."""
    cwd = cwd or Path(config).parent
    env = {**os.environ, **project_env(Path(config).parent), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                           "--config-file", str(config), "--site-dir", str(dest)],
                          cwd=cwd, env=env, capture_output=True, text=True)


def project_env(folder):
    """The environment that makes a folder the project: a copy of the project runs its own tillit/ package; a folder
    without one (a copy of the fixture site) runs this checkout's, with TILLIT_ROOT naming the folder."""
    folder = Path(folder)
    if (folder / "tillit").is_dir():
        return {"PYTHONPATH": str(folder)}
    return {"PYTHONPATH": str(ROOT), "TILLIT_ROOT": str(folder)}


MINI = ROOT / "tests" / "fixtures" / "mini-site"   # the small site the hook and authoring tests break


def copy_mini(dest):
    """A copy of the fixture site to break: its folders linked to the project's are copied as folders (a test may
    change them), INHERIT names the project's mkdocs.yml, and nothing is shared with the project (its own .cache)."""
    shutil.copytree(MINI, dest, ignore=shutil.ignore_patterns(".cache", "site", "__pycache__"), dirs_exist_ok=True)
    edit(Path(dest) / "mkdocs.yml", "INHERIT: ../../../mkdocs.yml", f"INHERIT: {ROOT / 'mkdocs.yml'}")
    return Path(dest)


def copy_project(dest):
    """A copy of the project without history, environments or build output (for tests that break or change it).

    The copy shares the project's .cache (a symlink): its entries are keyed by content and written atomically, so a
    broken copy cannot poison it, and each copy's build is warm (about 3 s instead of 9 s)."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "site-*", "node_modules", ".pytest_cache", "__pycache__",
                                   "dist", ".cache")
    shutil.copytree(ROOT, dest, ignore=ignore, dirs_exist_ok=True)
    (ROOT / ".cache").mkdir(exist_ok=True)
    if not (Path(dest) / ".cache").exists():
        (Path(dest) / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    return dest


REAL_SITE_URL = "https://intranat.falkoping.se/tsl/"   # a municipality's address, as a web team sets it (never fetched)


def make_publishable(copy, site_url=None):
    """The copy's mkdocs.yml as a web team sets it before publishing: a real feedback address, and site_url if given."""
    import re
    config = Path(copy) / "mkdocs.yml"
    text = re.sub(r"(\n    email: ).*", r"\1tillit@falkoping.se", config.read_text(encoding="utf-8"), count=1)
    if site_url:
        text = text.replace('"https://intranat.example.se/"', f'"{site_url}"', 1)
    config.write_text(text, encoding="utf-8")
    return copy


def built_once(tmp_path_factory, name, make):
    """make(dest) run once per test run, its result (a path) shared by pytest-xdist's processes: the first makes it
    under a lock, the others wait for it and reuse it (for fixtures that build a whole site)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent   # the run's directory, above each process's own
    dest, done = base / name, base / f"{name}.done"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(dest, ignore_errors=True)
            dest.mkdir()
            done.write_text(str(make(dest)), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


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


PRINTED = {"onboarding_pdf": "tillit.pdfs", "card_pdf": "tillit.cards"}   # mkdocs.yml extra key -> printer


@pytest.fixture(scope="session")
def printed_site(site_dir):
    """The built site with its PDFs printed (`make pdf`): printed here, once, when the build left placeholders
    (a test that uses this fixture is marked `pdf`)."""
    import pypdf
    extra = _site.load_config()["extra"]
    with open(site_dir.parent / f".{site_dir.name}-pdf.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)   # two test processes never print into the same files at once
        for key, module in PRINTED.items():
            paths = [site_dir / _site.lang_prefix(lang) / extra[key]["file"].format(lang=lang) for lang in LANGS]
            if any(not p.exists() or len(pypdf.PdfReader(p).pages) < 2 for p in paths):
                result = subprocess.run([sys.executable, "-m", module, str(site_dir)], cwd=ROOT,
                                        capture_output=True, text=True)
                assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@dataclass
class Page:
    rel: str          # path relative to the site root, e.g. "en/tsl/vad-ar-tsl/index.html"
    lang: str         # "sv" or "en"
    url_path: str     # path relative to the language root, e.g. "tsl/vad-ar-tsl/"
    tree: object

    @property
    def twin_rel(self):
        # an independent oracle on purpose (not _site.lang_prefix): Swedish at the root, English under en/
        other = "en/" + self.url_path if self.lang == "sv" else self.url_path
        return other + "index.html" if other.endswith("/") or other == "" else other


@pytest.fixture(scope="session")
def pages(site_dir):
    """Every content page of the built site (no redirect stubs, no 404 pages, no asset files)."""
    found = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(_site.not_a_page_prefixes()):
            continue
        text = path.read_text(encoding="utf-8")
        if _site.is_redirect_stub(text):
            continue
        lang = _site.language_of(rel)
        url_path = rel.removeprefix(_site.lang_prefix(lang))[: -len("index.html")]
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


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def self_signed_certificate(directory):
    """A self-signed certificate for 127.0.0.1 (openssl, as README: HTTPS shows): (certificate, key) paths."""
    cert, key = Path(directory) / "tillit.pem", Path(directory) / "tillit.key"
    if not cert.exists():
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", str(key), "-out", str(cert)],
                       check=True, capture_output=True)
    return cert, key


def configure(conf_text, tmp, port, tls_port=None, cert=None):
    """The shipped config with only its "# local" lines changed: a temporary prefix, loopback ports, the certificate.

    With tls_port the https server has TLS there and http on `port` redirects to it (as shipped). Without, the https
    server listens without TLS on `port` (every other directive as shipped) and the http one on a spare port."""
    local = [line for line in conf_text.splitlines() if "# local" in line and not line.lstrip().startswith("#")]
    replacements = {
        "pid /run/nginx-tillit.pid;": f"pid {tmp}/nginx.pid;",
        "access_log /var/log/nginx/tillit.access.log;": f"access_log {tmp}/access.log;",
        "listen 80;": f"listen 127.0.0.1:{port if tls_port else free_port()};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{tls_port} ssl http2;" if tls_port else f"listen 127.0.0.1:{port};",
        "return 301 https://$host$request_uri;": f"return 301 https://$host:{tls_port}$request_uri;" if tls_port
        else "return 301 https://$host$request_uri;",
        "ssl_certificate /etc/ssl/certs/tillit.pem;": f"ssl_certificate {cert[0]};",
        "ssl_certificate_key /etc/ssl/private/tillit.key;": f"ssl_certificate_key {cert[1]};",
        "root /var/www/tillit;": f"root {tmp}/www;",
        "http {": "http {\n" + "".join(f"  {d}_temp_path {tmp}/temp/{d};\n"
                                        for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
    }
    for old, new in replacements.items():
        assert old in conf_text, f"deploy/nginx.conf no longer has {old!r}: update tests/conftest.py configure()"
        conf_text = conf_text.replace(old, new, 1)
    same = ("server_name _;",) + (() if tls_port else ("return 301",))   # fine as shipped here
    unchanged = [line for line in local if line in conf_text and not any(s in line for s in same)]
    assert not unchanged, f"deploy/nginx.conf has '# local' lines configure() does not adapt: {unchanged}"
    return conf_text


@dataclass
class Nginx:
    base: str       # e.g. https://127.0.0.1:PORT/tsl/
    http: str       # the plain-http origin (redirects to https when tls), e.g. http://127.0.0.1:PORT
    prefix: Path    # nginx's prefix: www/ (the web root), conf/, access.log
    cafile: Path    # the self-signed certificate, to trust in clients
    proc: object = None

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def start_nginx(tmp, tls=False, edit=None, port=None):
    """Debian's nginx with deploy/*.conf (only the "# local" lines changed: configure()) serving tmp/www, on free
    loopback ports; `edit(name, text) -> text` may change a copied file (tests of what a broken config does).
    The caller puts the site into tmp/www/tsl and calls .stop() (nginx runs in the foreground: it ends with the
    test)."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run `make browser` (scripts/install_system_deps.sh installs Debian's nginx)")
    tmp = Path(tmp)
    conf = tmp / "conf"
    conf.mkdir(exist_ok=True)
    (tmp / "www").mkdir(exist_ok=True)
    (tmp / "temp").mkdir(exist_ok=True)
    port, tls_port = port or free_port(), (free_port() if tls else None)
    cert = self_signed_certificate(tmp)
    for name in ("nginx.conf", "security-headers.conf", "redirects.conf", "csp-hashes.conf"):
        if name == "csp-hashes.conf" and (conf / name).exists():
            continue   # written from this build (build_for_nginx)
        text = (ROOT / "deploy" / name).read_text(encoding="utf-8")
        if name == "nginx.conf":
            text = configure(text, tmp, port, tls_port, cert)
        (conf / name).write_text(edit(name, text) if edit else text, encoding="utf-8")
    globals_ = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")   # workers must read the temp dir
    command = [NGINX, "-e", "stderr", "-p", str(tmp), "-c", str(conf / "nginx.conf"), "-g", globals_]
    test = subprocess.run(command + ["-t"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    origin = f"https://127.0.0.1:{tls_port}" if tls else f"http://127.0.0.1:{port}"
    server = Nginx(f"{origin}/tsl/", f"http://127.0.0.1:{port}", tmp, cert[0])
    server.proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", tls_port or port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return server


def build_for_nginx(www, base):
    """A strict build into www/tsl for the address base, with its CSP hashes and .gz files, as `make build` makes
    them."""
    site = Path(www) / "tsl"
    result = mkdocs_build(site, env_extra={"SITE_URL": base})
    assert result.returncode == 0, result.stderr
    for command in ([sys.executable, "-m", "tillit.csp", str(site), str(Path(www).parent / "conf" / "csp-hashes.conf")],
                    precompress_command(site)):
        run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 0, run.stderr
    return site


def precompress_command(site):
    """`make precompress` (the .gz files nginx's gzip_static sends) on a built site."""
    return ["make", "-s", "--no-print-directory", "precompress", f"SITE={site}"]


@pytest.fixture(scope="session")
def tsl_nginx(tmp_path_factory):
    """The site built once for and served under /tsl/ by Debian's nginx with deploy/nginx.conf (as on an intranet
    server, CSP and all; the https server block without TLS: tls_site has it): every test of the sub-path, nginx and
    the CSP in Chromium uses this one build."""
    tmp = tmp_path_factory.mktemp("nginx")
    (tmp / "conf").mkdir()
    base_port = free_port()
    build_for_nginx(tmp / "www", f"http://127.0.0.1:{base_port}/tsl/")
    server = start_nginx(tmp, port=base_port)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def tsl_site(tsl_nginx):
    return tsl_nginx.base


@pytest.fixture(scope="session")
def tls_site(tsl_nginx, tmp_path_factory):
    """The same build behind the shipped configuration with TLS as shipped: https on one free port (self-signed
    certificate for 127.0.0.1, HTTP/2, HSTS), http on another redirecting to it. Returns the Nginx (base, http,
    cafile)."""
    tmp = tmp_path_factory.mktemp("nginx-tls")
    (tmp / "conf").mkdir()
    shutil.copy(tsl_nginx.prefix / "conf" / "csp-hashes.conf", tmp / "conf" / "csp-hashes.conf")
    (tmp / "www").mkdir()
    (tmp / "www" / "tsl").symlink_to(tsl_nginx.prefix / "www" / "tsl", target_is_directory=True)
    server = start_nginx(tmp, tls=True)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (installs Debian's chromium)")
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=_site.chromium_args())
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


# Collects the page's Content Security Policy violations in window.__csp (nginx sends the CSP; tsl_site)
CSP_LISTENER = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' "
                "+ e.lineNumber));")
SEARCH_WORKER = "**/assets/javascripts/workers/search-tillit.js*"   # the worker overrides/main.html links


def idle_search_worker(context):
    """For tests that load many pages and never search: each page gets a worker that does nothing, instead of one
    that builds the search index (a third of a page's time in Chromium). Returns the list of worker URLs replaced."""
    replaced = []

    def idle(route):
        replaced.append(route.request.url)
        route.fulfill(content_type="text/javascript", body="onmessage = null")
    context.route(SEARCH_WORKER, idle)
    return replaced


@pytest.fixture
def page(browser):
    """A Chromium page; the test fails on any request to another host, console error or uncaught exception."""
    context, pg, guard = open_guarded_page(browser)
    pg.guard = guard
    yield pg
    context.close()
    assert not guard.problems(), "\n".join(guard.problems())


def wait_until_still(pg):
    """Until no transition or animation is running (a drawer has slid in, the search overlay has finished opening)."""
    pg.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)


def wait_for_steady(pg, expression, timeout=10.0):
    """Until `expression` is truthy and gives the same value twice in a row, polled from Python: also on a page
    whose own scripts are off (wait_for_function and animation frames need the page's JavaScript)."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        value = pg.evaluate(expression)
        if value and value == last:
            return value
        last = value
        time.sleep(0.05)
    raise AssertionError(f"{expression} did not settle within {timeout} s (last: {last!r})")


def next_frames(pg, frames=2):
    """Until the page has drawn `frames` more frames (scroll and resize handlers have run), or a second has passed
    (a page that draws no frame, e.g. one not shown, must not hang the test: evaluate has no timeout)."""
    pg.evaluate("n => new Promise(done => { const step = k => k ? requestAnimationFrame(() => step(k - 1)) : done();"
                " step(n); setTimeout(done, 1000); })", frames)


# ---------------------------------------------------------------- accessibility checkers (tests/browser, tests/site)

NODE_MODULES = ROOT / "node_modules"
# WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (issue 26)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
IBM_POLICY = "WCAG_2_2"


def node_file(rel):
    path = NODE_MODULES / rel
    if not path.exists():
        pytest.fail(f"{path} is missing: run `npm ci` in {ROOT} (make test does)")
    return path


@pytest.fixture(scope="module")
def axe_source():
    return node_file("axe-core/axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ibm_source():
    """IBM Equal Access's engine as a script the browser adds (a page's CSP allows no inline script): `var ace` is
    not global in an init script, so it is published as window.tillitAce."""
    return node_file("accessibility-checker-engine/ace.js").read_text(encoding="utf-8") + "\n;window.tillitAce = ace;"


def run_ibm(pg):
    """IBM Equal Access's violations (policy WCAG_2_2) on the current page as readable strings; the engine was added
    with pg.add_init_script(ibm_source)."""
    wait_until_still(pg)
    found = pg.evaluate(
        """async (policy) => {
             const report = await new window.tillitAce.Checker().check(document, [policy]);
             return report.results.filter(r => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL')
                                  .map(r => `${r.ruleId}: ${r.path.dom} ${r.snippet.slice(0, 120)} :: ${r.message}`);
           }""", IBM_POLICY)
    return [f"IBM {problem}" for problem in found]


def run_axe(pg, axe_source, context=None):
    """axe's violations of WCAG 2.0/2.1/2.2 A/AA and its best practices on the current page (or a part of it) as
    readable strings."""
    if not pg.evaluate("typeof window.axe !== 'undefined'"):
        pg.add_script_tag(content=axe_source)
    wait_until_still(pg)   # axe reads colours as drawn: a fade still running would be judged mid-way
    found = pg.evaluate(
        """async ([tags, context]) => {
             const r = await axe.run(context || document, {runOnly: {type: 'tag', values: tags},
                                                          resultTypes: ['violations']});
             return r.violations.map(v => ({id: v.id, help: v.help,
                                            nodes: v.nodes.map(n => n.target.join(' ') + ' :: '
                                                                    + n.failureSummary.replace(/\\s+/g, ' '))}));
           }""", [WCAG_TAGS, context])
    return [f"{v['id']} ({v['help']}): {node}" for v in found for node in v["nodes"][:5]]


# ---------------------------------------------------------------- broken copies (tests/authoring, tests/site)

@pytest.fixture
def project(tmp_path):
    """A copy of the fixture site to break (no git history: tillit/last_updated.py falls back to the build date)."""
    return copy_mini(tmp_path / "project")


def run(copy, *command, env_extra=None):
    """A script (scripts/NAME.py) or a module (-m tillit.NAME) run on the copy as its project (project_env)."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    argv = list(map(str, command))
    scripts = Path(project_env(copy)["PYTHONPATH"]) / "scripts"   # the scripts of the package that runs the copy
    argv = ["-m", *argv[1:]] if argv[0] == "-m" else [str(scripts / argv[0]), *argv[1:]]
    result = subprocess.run([sys.executable, *argv], cwd=copy, capture_output=True, text=True,
                            env={**env, **project_env(copy), **(env_extra or {})})
    return result.returncode, result.stdout + result.stderr


def check(copy, *args):
    """The copy's source checks (and with --site DIR, the built site's): (exit, output)."""
    return run(copy, "-m", "tillit.checks", *args)


def check_fails(copy, *needles):
    """The copy's checks fail, and one line of their output holds every needle (file, line, fix)."""
    code, output = check(copy)
    assert code == 1, f"the checks should have failed:\n{output[-3000:]}"
    lines = [line for line in output.splitlines() if all(n in line for n in needles)]
    assert lines, f"no message holds {needles}:\n{output[-3000:]}"
    return lines[0]


def build_fails(copy, *needles):
    result = mkdocs_build(copy / "out", config=copy / "mkdocs.yml", cwd=copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output[-3000:]}"
    for needle in needles:
        assert needle in output, f"the build's error should name {needle!r}:\n{output[-3000:]}"
    return output


def edit(path: Path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_of(path: Path, needle):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)
