#!/usr/bin/env python3
"""Measure the site's build cost, preview latency, page weight, Lighthouse scores, search, scale and gzip_static; write BENCHMARKS.md.

Everything runs against a temporary copy of the repository (the working tree is never written to except the
report), on loopback only. `--smoke` runs a tiny configuration so that tests/test_bench.py can check every figure
is still produced. Timings are noisy on a shared machine: the report states the load average and uses
alternation and medians.
"""
import argparse
import copy as copy_module
import datetime
import functools
import gzip
import http.server
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from tillit.site import (ROOT, CHROMIUM, chromium_args, is_redirect_stub, lang_prefix, language_of, languages,  # noqa: E402
                   not_a_page_prefixes)

LANGS = languages()
CHROME_FLAGS = ["--headless=new", *chromium_args()]   # Lighthouse's launch; Playwright gets chromium_args() itself
from tillit import markers
from tillit.checks import LINKING_DIR, NO_SOURCES
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LH_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
EVAL_FILE = ROOT / "tests" / "search_eval.yml"
FALLBACK_QUERIES = {"sv": ["tillit", "styrning", "kontroll", "förtroendevalda", "delegationen", "Bollebygd",
                           "Borås", "Falköping", "workshop", "ordlista"],
                    "en": ["trust", "governance", "control", "councillors", "delegation", "Bollebygd",
                           "Borås", "Falköping", "workshop", "glossary"]}
TARGETS = {"build_ratio": 1.3, "first_view_kb": 70.0, "lh_performance": 95, "lh_other": 100,
           "search_p95_ms": 50.0, "scale_exponent": 1.1}
GZIP_LEVEL = 6
KEPT_SECTION = "## Optimisations"   # written by hand in BENCHMARKS.md; a new run keeps it
COPY_IGNORE = shutil.ignore_patterns(".venv", "node_modules", "site", "site-*", ".pytest_cache", ".cache",
                                     "dist", "__pycache__", "*.lock", "BENCHMARKS.md")


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def gz(data):
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- mkdocs.yml round trip (keeps !ENV and !!python/name tags so a derived config builds the same; _site.load_config
# resolves them, which is right for reading settings but cannot write a copy) ----

class Tagged:
    def __init__(self, tag, value):
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


def _construct_tagged(loader, suffix, node, prefix):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(prefix + suffix, value)


for _prefix in ("!", "tag:yaml.org,2002:python/"):
    _Loader.add_multi_constructor(_prefix, functools.partial(_construct_tagged, prefix=_prefix))


class _Dumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper, data):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Dumper.add_representer(Tagged, _represent_tagged)


def load_config(path):
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)


def dump_config(cfg, path):
    Path(path).write_text(yaml.dump(cfg, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plugin_name(entry):
    return entry if isinstance(entry, str) else next(iter(entry))


def plain_config(cfg):
    """Stock Material + static-i18n + Material's search, same pages, nav and Markdown extensions, nothing else."""
    plugins = [p for p in cfg.get("plugins", []) if plugin_name(p) in ("search", "material/search", "i18n")]
    if not any(plugin_name(p) in ("search", "material/search") for p in plugins):
        plugins.insert(0, "search")
    plain = {"site_name": cfg["site_name"], "site_url": cfg.get("site_url"), "docs_dir": cfg.get("docs_dir", "docs"),
             "theme": {"name": "material", "language": cfg.get("theme", {}).get("language", "en"), "font": False},
             "markdown_extensions": cfg.get("markdown_extensions", []), "plugins": plugins}
    if cfg.get("nav"):
        plain["nav"] = cfg["nav"]
    return plain


# ---- running things ----

def run(cmd, cwd, env_extra=None, check=True):
    # PYTHONPATH: a copy of the project runs its own tillit/ package (NO_MKDOCS_2_WARNING: timings, not notices)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(cwd), **(env_extra or {})}
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result.cpu = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime   # the child and its children
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return elapsed, result


def mkdocs_build(copy, config, dest, site_url, strict=True):
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(config), "--site-dir", str(dest)]
    if strict:
        cmd.insert(4, "--strict")
    elapsed, result = run(cmd, cwd=copy, env_extra={"SITE_URL": site_url})
    return elapsed, result.cpu


def snapshot(dest):
    """Copy the working tree (with .git, without .venv/node_modules/site) so others' edits cannot change a run."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE, symlinks=True)
    for shared in (".venv", "node_modules"):
        if (ROOT / shared).exists():
            (dest / shared).symlink_to(ROOT / shared)
    return dest


def page_count(docs):
    return len(list(Path(docs).rglob(f"*.{LANGS[0]}.md")))


# ---- gzip-capable static server on loopback (like nginx with gzip on) ----

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status = 404
            en = urlsplit(self.path).path.startswith("/en/")
            path = Path(self.directory) / ("en/404.html" if en else "404.html")
        body = path.read_bytes() if path.is_file() else b"not found"
        ctype = self.guess_type(str(path))
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(self.COMPRESSIBLE):
            body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_gzip(directory, port):
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---- measurements ----

def measure_build_cost(copy, reps, site_url, work):
    cfg = load_config(copy / "mkdocs.yml")
    plain_yml = copy / "bench-plain.yml"
    dump_config(plain_config(cfg), plain_yml)
    # One untimed build of each first: fills the caches a live preview has warm (.cache/qr, OS file cache)
    mkdocs_build(copy, copy / "mkdocs.yml", work / "project-site", site_url)
    mkdocs_build(copy, plain_yml, work / "plain-site", site_url, strict=False)
    pairs, cpu = [], []
    for i in range(reps):
        project, project_cpu = mkdocs_build(copy, copy / "mkdocs.yml", work / "project-site", site_url)
        plain, plain_cpu = mkdocs_build(copy, plain_yml, work / "plain-site", site_url, strict=False)
        pairs.append((project, plain))
        cpu.append((project_cpu, plain_cpu))
        log(f"build pair {i + 1}/{reps}: project {project:.2f} s, plain {plain:.2f} s "
            f"(CPU {project_cpu:.2f} / {plain_cpu:.2f} s)")
    return {"pairs": pairs, "cpu_pairs": cpu, "ratio_median": statistics.median(p / q for p, q in pairs),
            "cpu_ratio_median": statistics.median(p / q for p, q in cpu),
            "project_median_s": statistics.median(p for p, _ in pairs),
            "plain_median_s": statistics.median(q for _, q in pairs)}


def measure_make_build(copy, site_url):
    elapsed, result = run(["make", "build"], cwd=copy, env_extra={"SITE_URL": site_url}, check=False)
    ok = result.returncode == 0 and (copy / "site" / "index.html").exists()
    if not ok:
        log(f"make build failed:\n{result.stderr[-2000:]}")
    return {"seconds": elapsed, "ok": ok, "error": "" if ok else result.stderr.strip().splitlines()[-1:]}


def content_pages(site):
    """Built HTML pages (no redirect stubs, no assets) as (rel path, language)."""
    found = []
    for path in sorted(Path(site).rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(not_a_page_prefixes()):
            continue
        if is_redirect_stub(path.read_text(encoding="utf-8", errors="replace")):
            continue
        found.append((rel, language_of(rel)))
    return found


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.refs.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.refs.append(a["src"])


def first_view(site):
    """Per page: gzip bytes of the HTML plus every same-site CSS and JS file it references."""
    site = Path(site)
    sizes, rows = {}, []
    for rel, lang in content_pages(site):
        html = (site / rel).read_bytes()
        parser = _Refs()
        parser.feed(html.decode("utf-8", errors="replace"))
        total, assets = gz(html), 0
        for ref in parser.refs:
            url = urljoin("http://site/" + rel, ref)
            if urlsplit(url).hostname != "site":
                continue
            target = site / urlsplit(url).path.lstrip("/")
            if target.is_file():
                sizes.setdefault(target, gz(target.read_bytes()))
                assets += sizes[target]
        rows.append({"page": rel, "lang": lang, "html_gz": gz(html), "assets_gz": assets, "total_gz": gz(html) + assets})
    rows.sort(key=lambda r: r["total_gz"], reverse=True)
    return rows


def url_of(rel):
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def choose_pages(rows):
    """The start page and the heaviest content page of each language (the Lighthouse and preview subjects)."""
    chosen = {}
    for lang in LANGS:
        start = lang_prefix(lang) + "index.html"
        others = [r["page"] for r in rows if r["lang"] == lang and r["page"] != start and not r["page"].endswith("404.html")]
        chosen[lang] = {"start": start, "content": others[0] if others else start}
    return chosen


def measure_preview(copy, rel_page, edits):
    """Seconds from saving a page to `mkdocs serve` (as `make serve` runs it) serving the rebuilt page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{url_of(rel_page)}"
    stem = rel_page[: -len("index.html")].rstrip("/")
    src = copy / "docs" / f"{stem or 'index'}.{LANGS[0]}.md"   # a page of the default language (rel_page has no prefix)
    if not src.exists():
        src = copy / "docs" / stem / f"index.{LANGS[0]}.md"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy), "SITE_URL": f"http://127.0.0.1:{port}/"}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    original = src.read_text(encoding="utf-8")
    times = []
    try:
        deadline = time.time() + 180
        while not _fetch(url):
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.2)
        for i in range(edits):
            time.sleep(1.0)
            marker = f"benchmark-edit-{i}-{int(time.time() * 1000)}"
            start = time.perf_counter()
            src.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            while marker not in (_fetch(url) or ""):
                if time.perf_counter() - start > 120:
                    raise RuntimeError("the edited page was not served within 120 s")
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
            log(f"preview edit {i + 1}/{edits}: {times[-1]:.2f} s")
    finally:
        src.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {"page": "docs/" + src.relative_to(copy / "docs").as_posix(), "times": times,
            "median_s": statistics.median(times)}


def _fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", errors="replace")
    except Exception:
        return None


def measure_lighthouse(base, subjects, runs, work):
    if not LIGHTHOUSE.exists():
        return {"available": False, "pages": []}
    results = []
    for lang, rel in subjects:
        scores_runs, metrics = [], {}
        for i in range(runs):
            out = work / f"lh-{lang}-{i}.json"
            cmd = [str(LIGHTHOUSE), base + url_of(rel).lstrip("/"), "--output=json", f"--output-path={out}",
                   "--only-categories=" + ",".join(LH_CATEGORIES), "--quiet",
                   "--chrome-flags=" + " ".join(CHROME_FLAGS)]
            _, result = run(cmd, cwd=ROOT, env_extra={"CHROME_PATH": CHROMIUM}, check=False)
            if not out.exists():
                raise RuntimeError(f"lighthouse failed on {rel}: {result.stderr[-1500:]}")
            report = json.loads(out.read_text())
            scores_runs.append({c: round(100 * (report["categories"][c]["score"] or 0)) for c in LH_CATEGORIES})
            for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                        "cumulative-layout-shift", "speed-index"):
                metrics.setdefault(key, []).append(report["audits"][key]["numericValue"])
            audits = report["audits"]
            failing = sorted({ref["id"] for c in LH_CATEGORIES for ref in report["categories"][c]["auditRefs"]
                              if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None
                              and audits[ref["id"]]["score"] < 1})
        scores = {c: statistics.median(r[c] for r in scores_runs) for c in LH_CATEGORIES}
        results.append({"lang": lang, "page": rel, "scores": scores, "runs": scores_runs, "failing": failing,
                        "metrics": {k: statistics.median(v) for k, v in metrics.items()}})
        log(f"lighthouse {rel}: {scores}")
    return {"available": True, "version": _lighthouse_version(), "pages": results}


def _lighthouse_version():
    try:
        return subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def eval_queries(limit=None):
    """Queries per language from the search evaluation set, else a fallback list."""
    found = {lang: [] for lang in LANGS}
    source = "fallback list in scripts/bench.py"
    if EVAL_FILE.exists():
        def walk(node, lang=None):
            if isinstance(node, dict):
                lang = node.get("lang") or node.get("language") or lang
                query = node.get("query") or node.get("q")
                if isinstance(query, str) and lang in found:
                    found[lang].append(query.strip())
                for key, value in node.items():
                    walk(value, key if key in LANGS else lang)
            elif isinstance(node, list):
                for item in node:
                    if isinstance(item, str) and lang in found:
                        found[lang].append(item.strip())
                    else:
                        walk(item, lang)
        walk(yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8")))
        if all(found.values()):
            source = EVAL_FILE.relative_to(ROOT).as_posix()
    if source.startswith("fallback"):
        found = {lang: list(q) for lang, q in FALLBACK_QUERIES.items()}
    found = {lang: list(dict.fromkeys(q for q in qs if q))[:limit] for lang, qs in found.items()}
    return found, source


SEARCH_PROBE = """() => {
  const b = window.__bench = {armed: false, t0: null, t1: null};
  const input = document.querySelector('input.md-search__input');
  input.addEventListener('keydown', () => { if (b.armed && b.t0 === null) b.t0 = performance.now(); }, true);
  new MutationObserver(() => {
    if (b.t0 !== null && b.t1 === null) requestAnimationFrame(() => { if (b.t1 === null) b.t1 = performance.now(); });
  }).observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true});
}"""


def measure_search(base, site, queries, browser, typed_queries=None):
    """Index bytes per language; keystroke-to-rendered-results latency in Chromium over the evaluation queries."""
    indexes = {}
    for index in sorted(Path(site).rglob("search_index.json")):
        rel = index.relative_to(site).as_posix()
        data = index.read_bytes()
        docs = json.loads(data).get("docs", [])
        # the index's own language (locations in a language's index are relative to its root)
        langs = json.loads(data).get("config", {}).get("lang") or sorted({language_of(d.get("location", "")) for d in docs})
        label = langs[0] if len(langs) < 2 else "+".join(langs) + " (one shared index)"
        indexes[rel] = {"label": label, "raw": len(data), "gzip": gz(data), "docs": len(docs)}
    latencies, per_lang, cold, typed = [], {}, {}, []
    for lang in LANGS:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1"
                      else route.abort())
        page = context.new_page()
        page.goto(base + lang_prefix(lang), wait_until="load")
        page.evaluate(SEARCH_PROBE)
        box = page.locator("input.md-search__input")
        start = time.perf_counter()
        box.click()
        box.fill(queries[lang][0])
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        cold[lang] = time.perf_counter() - start
        times, empty = [], 0
        for query in queries[lang]:
            box.fill(query[:-1])
            page.keyboard.press("End")
            page.wait_for_timeout(400)
            page.evaluate("() => Object.assign(window.__bench, {armed: true, t0: null, t1: null})")
            page.keyboard.press(query[-1])
            page.wait_for_function("() => window.__bench.t1 !== null", timeout=10000)
            times.append(page.evaluate("() => window.__bench.t1 - window.__bench.t0"))
            page.evaluate("() => { window.__bench.armed = false; }")
            empty += page.locator(".md-search-result__item").count() == 0
        n = typed_queries or TYPED_QUERIES
        keys = typed_keystrokes(page, box, queries[lang][:n // 2] + queries[lang][-((n + 1) // 2):])
        context.close()
        per_lang[lang] = {"queries": len(times), "median_ms": statistics.median(times),
                          "p95_ms": percentile(times, 95), "no_results": empty,
                          "typed_keys": len(keys), "typed_p95_ms": percentile(keys, 95)}
        typed += keys
        latencies += times
        log(f"search {lang}: median {per_lang[lang]['median_ms']:.1f} ms, p95 {per_lang[lang]['p95_ms']:.1f} ms")
    return {"indexes": indexes, "per_lang": per_lang, "cold_first_query_s": cold,
            "median_ms": statistics.median(latencies), "p95_ms": percentile(latencies, 95), "n": len(latencies),
            "typed_p95_ms": percentile(typed, 95), "typed_keys": len(typed), "typed_pace_ms": TYPING_PACE_MS}


TYPING_PACE_MS = 200   # a key every 200 ms: about 60 words a minute, a quick typist
TYPED_QUERIES = 15     # per language, typed key by key (the first of the evaluation set's queries)


def typed_keystrokes(page, box, queries):
    """Each query typed a key every TYPING_PACE_MS; per keystroke, the time from the key to the painted results.
    å/ä/ö are inserted (Playwright sends no key event for them) and followed by End, whose keyup Material reads."""
    out = []
    page.evaluate("() => { const b = window.__bench; document.querySelector('input.md-search__input')"
                  ".addEventListener('input', () => { if (b.armed && b.t0 === null) b.t0 = performance.now() }) }")
    for query in queries:
        box.fill("")
        page.wait_for_timeout(TYPING_PACE_MS)
        for ch in query:
            start = time.perf_counter()
            page.evaluate("() => Object.assign(window.__bench, {armed: true, t0: null, t1: null})")
            if ch.isascii():
                page.keyboard.press(ch)
            else:
                page.keyboard.type(ch)
                page.keyboard.press("End")
            try:
                page.wait_for_function("() => window.__bench.t1 !== null", timeout=5000)
                out.append(page.evaluate("() => window.__bench.t1 - window.__bench.t0"))
            except Exception:   # a key that changes nothing Material re-renders (a second space)
                pass
            page.evaluate("() => { window.__bench.armed = false; }")
            page.wait_for_timeout(max(0, TYPING_PACE_MS - 1000 * (time.perf_counter() - start)))
    return out


def percentile(values, pct):
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def measure_transfer(base, subjects, browser):
    """Bytes on the wire (gzip) for a first view with an empty cache, after the search has loaded and answered."""
    out = []
    for lang, rel in subjects:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda req: finished.append(req))
        page.goto(base + url_of(rel).lstrip("/"), wait_until="networkidle")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(FALLBACK_QUERIES[lang][0])
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        page.wait_for_load_state("networkidle")
        body = headers = 0
        offhost = [r.url for r in finished if urlsplit(r.url).hostname not in ("127.0.0.1", None)]
        for req in finished:
            sizes = req.sizes()
            body += sizes["responseBodySize"]
            headers += sizes["responseHeadersSize"]
        context.close()
        out.append({"lang": lang, "page": rel, "requests": len(finished), "body": body, "total": body + headers,
                    "offhost": offhost})
        log(f"first view with search {rel}: {len(finished)} requests, {(body + headers) / 1000:.1f} kB")
    return out


def rename(rel, i):
    """docs path (or source stem) of synthetic copy i: the first directory or the file stem gets a '-benchN' suffix.

    'tsl/x.sv.md' -> 'tsl-bench2/x.sv.md', 'index.sv.md' -> 'index-bench2.sv.md', 'tsl/' -> 'tsl-bench2/'."""
    parts = rel.split("/")
    if len(parts) > 1:
        parts[0] += f"-bench{i}"
    else:
        stem, dot, ext = parts[0].partition(".")
        parts[0] = f"{stem}-bench{i}{dot}{ext}"
    return "/".join(parts)


def renav(node, i):
    """The nav for synthetic copy i: content pages renamed, pages about the site (NO_SOURCES) left out."""
    if isinstance(node, str):
        return rename(node, i) if node.endswith(".md") and "://" not in node else node
    if isinstance(node, list):
        kept = [renav(n, i) for n in node if not (isinstance(n, str) and n.startswith(NO_SOURCES))]
        return [n for n in kept if n not in ([], {}) and not (isinstance(n, dict) and [] in n.values())]
    if isinstance(node, dict):
        return {k: renav(v, i) for k, v in node.items()}
    return node


def extend_markers(docs, factor):
    """Name the copies' pages in the linking pages' markers, as an editor adding pages would; returns the originals."""
    originals = {}

    def more(m):
        if m.group(1) != "linking-pages" or not m.group(2):   # the index page's marker names no pages
            return m.group(0)
        stems = m.group(2).split()
        copied = [s for s in stems if not s.startswith(NO_SOURCES)]   # om/ pages are not copied
        return "<!-- tillit:linking-pages " + " ".join(
            stems + [rename(s, i) for i in range(2, factor + 1) for s in copied]) + " -->"

    for path in sorted((docs / LINKING_DIR).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        changed = markers.MARKER.sub(more, text)
        if changed != text:
            originals[path] = text
            path.write_text(changed, encoding="utf-8")
    return originals


def measure_scale(copy, factors, site_url, work):
    """Build time and search index size with the content copied to factor × today's pages (in the temp copy)."""
    docs = copy / "docs"
    originals = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
                 if not p.relative_to(docs).as_posix().startswith(NO_SOURCES)]   # the content grows, not om/
    base_pages = page_count(docs)
    cfg = load_config(copy / "mkdocs.yml")
    rows = []
    for factor in [1] + list(factors):
        created = []
        for i in range(2, factor + 1):
            for rel in originals:
                target = docs / rename(rel, i)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(docs / rel, target)
                created.append(target)
        scaled = copy_module.deepcopy(cfg)
        if cfg.get("nav"):
            scaled["nav"] = list(cfg["nav"]) + [{f"Bench {i}": renav(cfg["nav"], i)} for i in range(2, factor + 1)]
            for entry in next((p["i18n"]["languages"] for p in scaled.get("plugins", [])
                               if isinstance(p, dict) and "i18n" in p), []):
                if not entry.get("default"):   # a menu group needs a name in every language (tillit.checks)
                    entry.setdefault("nav_translations", {}).update({f"Bench {i}": f"Bench {i}"
                                                                     for i in range(2, factor + 1)})
        config = copy / "bench-scale.yml"
        dump_config(scaled, config)
        dest = work / f"scale-{factor}"
        markers = extend_markers(docs, factor)
        try:
            seconds, cpu = mkdocs_build(copy, config, dest, site_url)
        finally:
            for path, text in markers.items():
                path.write_text(text, encoding="utf-8")
            for path in created:
                path.unlink()
            for d in sorted({p.parent for p in created}, key=lambda p: -len(p.parts)):
                if d != docs and not any(d.iterdir()):
                    d.rmdir()
        raw = sum(p.stat().st_size for p in dest.rglob("search_index.json"))
        gzipped = sum(gz(p.read_bytes()) for p in dest.rglob("search_index.json"))
        site_bytes = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
        rows.append({"factor": factor, "pages": base_pages * factor * len(LANGS), "seconds": seconds, "cpu": cpu,
                     "index_raw": raw, "index_gzip": gzipped, "site_bytes": site_bytes})
        shutil.rmtree(dest, ignore_errors=True)
        log(f"scale {factor}x: {rows[-1]['pages']} pages, {seconds:.1f} s, index {raw / 1e6:.2f} MB")
    a, b = rows[-2], rows[-1]
    def k(key):
        return math.log(b[key] / a[key]) / math.log(b["pages"] / a["pages"])
    return {"rows": rows, "time_exponent": k("seconds"), "cpu_exponent": k("cpu"), "index_exponent": k("index_raw"),
            "site_exponent": k("site_bytes")}


def nginx_worker_cpu(master):
    """CPU seconds (user + system) used so far by the worker processes of an nginx master."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:        # ppid
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def load_paths(site):
    """What readers fetch: every page of both languages, Material's CSS and JS, the search indexes (site paths)."""
    pages = [p.relative_to(site).as_posix()[: -len("index.html")] for p in sorted(site.rglob("index.html"))
             if not p.relative_to(site).as_posix().startswith(not_a_page_prefixes())
             and not is_redirect_stub(p.read_text(encoding="utf-8")[:2000])]
    assets = [p.relative_to(site).as_posix() for p in sorted((site / "assets").rglob("*.min.*"))
              if p.suffix in (".css", ".js")]
    return pages + assets + [lang_prefix(lang) + "search/search_index.json" for lang in LANGS]


def measure_precompressed(site, requests, rounds):
    """The shipped nginx config (TLS, as in tests/conftest.start_nginx) serving the site with gzip_static on (the
    .gz files make build writes) and off (gzip at level 6 per response), alternated: bytes per request and the
    workers' CPU time per request for a fixed number of requests from two keep-alive clients on 127.0.0.1."""
    import http.client
    import ssl
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import start_nginx
    paths = load_paths(site)
    files = [site / (p + "index.html" if p.endswith("/") or p == "" else p) for p in paths]
    raw = sum(f.stat().st_size for f in files)
    static = sum((f.with_name(f.name + ".gz") if f.with_name(f.name + ".gz").exists() else f).stat().st_size
                 for f in files)
    out = {"paths": len(paths), "requests": requests, "raw_bytes": raw, "static_gz_bytes": static,
           "gz_files": sum(1 for _ in site.rglob("*.gz")), "cpu_ms": {"on": [], "off": []}, "bytes": {}}
    with tempfile.TemporaryDirectory(prefix="tillit-gzip-") as tmp:
        servers = {}
        for mode in ("on", "off"):
            prefix = Path(tmp) / mode
            (prefix / "www").mkdir(parents=True)
            (prefix / "www" / "tsl").symlink_to(site, target_is_directory=True)
            edit = (lambda name, text: text.replace("gzip_static on;", "gzip_static off;")) if mode == "off" else None
            servers[mode] = start_nginx(prefix, tls=True, edit=edit)
        try:
            for _ in range(rounds):
                for mode, server in servers.items():
                    host, port = urlsplit(server.base).hostname, urlsplit(server.base).port
                    context = ssl.create_default_context(cafile=str(server.cafile))
                    received = [0, 0]

                    def client(i, n):
                        conn = http.client.HTTPSConnection(host, port, context=context, timeout=30)
                        for k in range(n):
                            conn.request("GET", "/tsl/" + paths[(i + 2 * k) % len(paths)],
                                         headers={"Accept-Encoding": "gzip"})
                            response = conn.getresponse()
                            received[i] += len(response.read())
                            assert response.status == 200, (mode, paths[(i + 2 * k) % len(paths)], response.status)
                        conn.close()
                    before = nginx_worker_cpu(server.proc.pid)
                    threads = [threading.Thread(target=client, args=(i, requests // 2)) for i in range(2)]
                    for th in threads:
                        th.start()
                    for th in threads:
                        th.join()
                    out["cpu_ms"][mode].append(1000 * (nginx_worker_cpu(server.proc.pid) - before) / requests)
                    out["bytes"][mode] = sum(received) / requests
        finally:
            for server in servers.values():
                server.stop()
    out["cpu_ms_median"] = {mode: statistics.median(v) for mode, v in out["cpu_ms"].items()}
    return out


def versions():
    out = {"python": platform.python_version()}
    for dist in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "segno", "playwright"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "not installed"
    for name, cmd in (("chromium", [CHROMIUM, "--version"]), ("node", ["node", "--version"])):
        try:
            out[name] = subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[-1]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            out[name] = "not available"
    out["lighthouse"] = _lighthouse_version() if LIGHTHOUSE.exists() else "not installed"
    return out


# ---- report ----

def kb(n):
    return f"{n / 1000:.1f} kB"


def met(ok):
    return "met" if ok else "**not met**"


def report(r):
    L = []
    w = L.append
    smoke = " (SMOKE RUN: tiny configuration, not the real figures)" if r["smoke"] else ""
    w(f"# Benchmarks{smoke}\n")
    w(f"Written by `make bench` (`scripts/bench.py`), {r['started']} – {r['finished']} UTC, "
      f"against a snapshot of the working tree at commit `{r['commit']}`{' with uncommitted changes' if r['dirty'] else ''}. "
      f"The run took {r['duration_s'] / 60:.1f} minutes.\n")
    w(f"**Noise:** the machine has {r['cores']} cores shared with other engineers' builds and tests. Load average "
      f"(1/5/15 min) was {r['load_start']} at the start and {r['load_end']} at the end. Single timings are noisy; "
      "the build cost is therefore a median of ratios of alternated builds, and other timings are medians.\n")
    if r.get("notes"):
        for note in r["notes"]:
            w(f"**Note:** {note}\n")
    w("## Machine and versions\n")
    w("| Item | Value |\n|---|---|")
    w(f"| CPU cores | {r['cores']} ({platform.machine()}) |")
    w(f"| Date | {r['started'][:10]} |")
    for name, version in r["versions"].items():
        w(f"| {name} | {version} |")
    w("")
    w("## Summary\n")
    w("| Measure | Result | Target | |\n|---|---|---|---|")
    for row in r["summary"]:
        w("| " + " | ".join(row) + " |")
    w("")
    b = r["build"]
    w("## Build cost\n")
    w("The project's `mkdocs build --strict` (what the live preview redoes on every save) against a plain build of "
      "the same pages: stock Material theme (no overrides, no extra CSS/JS, `font: false`), Material's search, "
      "static-i18n with the same language settings, the same nav and the same Markdown extensions, and no other "
      "plugins or hooks (generated config `bench-plain.yml`, not strict). Run alternately; the figure is the median "
      "of the pairwise ratios, after one untimed build of each (the caches a live preview has warm, such as "
      "`.cache/qr`). Times are wall clock including Python start-up.\n")
    w("| Run | Project (s) | Plain (s) | Ratio | Project CPU (s) | Plain CPU (s) | CPU ratio |\n|---|---|---|---|---|---|---|")
    for i, ((p, q), (pc, qc)) in enumerate(zip(b["pairs"], b["cpu_pairs"]), 1):
        w(f"| {i} | {p:.2f} | {q:.2f} | {p / q:.2f} | {pc:.2f} | {qc:.2f} | {pc / qc:.2f} |")
    w(f"| **median** | {b['project_median_s']:.2f} | {b['plain_median_s']:.2f} | **{b['ratio_median']:.2f}** | | | "
      f"**{b['cpu_ratio_median']:.2f}** |\n")
    w("The target applies to the wall-clock ratio; the CPU-time ratio (user + system time of the build and its "
      "child processes such as git) is shown because it is less disturbed by other engineers' load.\n")
    mb = r["make_build"]
    w(f"Full `make build` (complete site with everything the Makefile adds): **{mb['seconds']:.1f} s**"
      f"{'' if mb['ok'] else ' — FAILED: ' + ' '.join(mb['error'])}.\n")
    p = r["preview"]
    w("## Live preview\n")
    w(f"`mkdocs serve` (as `make serve` runs it, on a free loopback port in the snapshot): a line is appended to "
      f"`{p['page']}` and the page URL is polled every 20 ms until the served HTML contains it. "
      f"Saves: {', '.join(f'{t:.2f} s' for t in p['times'])}; median **{p['median_s']:.2f} s**.\n")
    fv = r["first_view"]
    w("## First view\n")
    w("For every built page: gzip (level 6) bytes of its HTML plus every CSS and JS file it references. "
      f"{len(fv['rows'])} pages; the five heaviest:\n")
    w("| Page | HTML | CSS + JS | Total |\n|---|---|---|---|")
    for row in fv["rows"][:5]:
        w(f"| `{row['page']}` | {kb(row['html_gz'])} | {kb(row['assets_gz'])} | {kb(row['total_gz'])} |")
    w(f"\nMedian page: {kb(fv['median'])}. The same pages built with stock Material (plain build above): "
      f"heaviest {kb(fv['plain_heaviest'])}.\n")
    w("Transferred in Chromium (empty cache, served with gzip on loopback) for a first view, including the search "
      "worker, language files and index after one query (bodies + headers):\n")
    w("| Page | Requests | Bodies | Total |\n|---|---|---|---|")
    for row in r["transfer"]:
        w(f"| `{row['page']}` | {row['requests']} | {kb(row['body'])} | {kb(row['total'])} |")
    w("")
    lh = r["lighthouse"]
    w("## Lighthouse\n")
    if not lh["available"]:
        w("Not run: `node_modules/.bin/lighthouse` is missing (`npm ci`).\n")
    else:
        w(f"Lighthouse {lh['version']}, default (mobile) configuration with simulated throttling, Debian Chromium "
          f"headless, the built site served with gzip on loopback. Median of {r['lh_runs']} run(s) per page.\n")
        w("| Page | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | CLS |\n"
          "|---|---|---|---|---|---|---|---|---|")
        for row in lh["pages"]:
            s, m = row["scores"], row["metrics"]
            w(f"| `{row['page']}` | {s['performance']:g} | {s['accessibility']:g} | {s['best-practices']:g} | "
              f"{s['seo']:g} | {m['first-contentful-paint'] / 1000:.2f} s | {m['largest-contentful-paint'] / 1000:.2f} s"
              f" | {m['total-blocking-time']:.0f} ms | {m['cumulative-layout-shift']:.3f} |")
        failing = sorted({a for row in lh["pages"] for a in row["failing"]})
        w(f"\nScored audits below 100 on any page: {', '.join(f'`{a}`' for a in failing) or 'none'}.\n")
    s = r["search"]
    w("## Search\n")
    w("| Index | Documents | Raw | Gzip |\n|---|---|---|---|")
    for rel, row in s["indexes"].items():
        w(f"| `{rel}` ({row['label']}) | {row['docs']} | {kb(row['raw'])} | {kb(row['gzip'])} |")
    w(f"\nQuery latency in Chromium, from the keydown of a query's last character to the next animation frame after "
      f"the results list changed (the index already loaded), over {s['n']} queries from {r['query_source']}:\n")
    w("| Language | Queries | Median | p95 | Queries without results |\n|---|---|---|---|---|")
    for lang, row in s["per_lang"].items():
        w(f"| {lang} | {row['queries']} | {row['median_ms']:.1f} ms | {row['p95_ms']:.1f} ms | {row['no_results']} |")
    w(f"| **all** | {s['n']} | {s['median_ms']:.1f} ms | **{s['p95_ms']:.1f} ms** | |\n")
    if "typed_p95_ms" in s:
        w(f"Typed key by key, a key every {s['typed_pace_ms']} ms (the first and last queries of each language's set, "
          "which include the issue 23 kinds: no å/ä/ö, a typo, a question), from each key to the painted results: "
          + ", ".join(f"{lang} p95 {row['typed_p95_ms']:.1f} ms over {row['typed_keys']} keys"
                      for lang, row in s["per_lang"].items())
          + f"; **all p95 {s['typed_p95_ms']:.1f} ms** over {s['typed_keys']} keys.\n")
    w("First query after opening a page (index download and set-up in the worker included): "
      + ", ".join(f"{lang} {t:.2f} s" for lang, t in s["cold_first_query_s"].items()) + ".\n")
    sc = r["scale"]
    w("## Scale\n")
    w("Every page pair copied into a temporary copy of the docs (same depth, own nav section per copy, never "
      "committed), built with the project's strict build:\n")
    w("| Size | Pages (both languages) | Build | CPU | CPU per page | Search index raw | gzip | Site size |\n"
      "|---|---|---|---|---|---|---|---|")
    for row in sc["rows"]:
        w(f"| {row['factor']}× | {row['pages']} | {row['seconds']:.1f} s | {row['cpu']:.1f} s"
          f" | {1000 * row['cpu'] / row['pages']:.0f} ms"
          f" | {row['index_raw'] / 1e6:.2f} MB | {kb(row['index_gzip'])} | {row['site_bytes'] / 1e6:.1f} MB |")
    w(f"\nGrowth exponent between the two largest sizes (cost ∝ pages^k; 1 = linear): build CPU time "
      f"k = {sc['cpu_exponent']:.2f} (wall clock k = {sc['time_exponent']:.2f}, one build each, so noisier), "
      f"search index k = {sc['index_exponent']:.2f}. The copies repeat today's text, so the gzip figures are "
      "optimistic (repeated text compresses well); the raw sizes are not.\n")
    w(f"Site size grows with k = {sc['site_exponent']:.2f}. With `navigation.tabs` and `navigation.prune` a page "
      "carries its own section's menu and one link per top-level section (each synthetic copy is one), not the whole "
      "navigation; the linking pages (om/lanka/*, their markers extended to name the copies) list every section of "
      "every page with two QR codes, which grows linearly. The first build of a copy encodes every new QR code "
      "(about 4 ms each; `.cache/qr` keeps them for later builds), which is included here.\n")
    g = r["gzip_static"]
    w("## Precompressed files (gzip_static)\n")
    w(f"`make build` writes {g['gz_files']} `.gz` files (`scripts/precompress.py`: text files above 1 kB, level 9). "
      f"The shipped `deploy/nginx.conf` (TLS, HTTP/1.1 keep-alive) on loopback served the {g['paths']} files readers "
      f"fetch (every page, Material's CSS and JS, both search indexes) in turn, {g['requests']} requests from two "
      "clients per round, with `gzip_static on` and, alternated, `off` (nginx compresses each response at level 6). "
      "CPU is the nginx workers' user + system time (clock ticks of 10 ms), per request; median of "
      f"{len(g['cpu_ms']['on'])} round(s).\n")
    w("| Served | Bytes per request (mean) | nginx CPU per request |\n|---|---|---|")
    w(f"| uncompressed files | {g['raw_bytes'] / g['paths'] / 1000:.1f} kB | |")
    w(f"| gzip per response (`gzip_static off`) | {g['bytes']['off'] / 1000:.1f} kB | "
      f"{g['cpu_ms_median']['off']:.3f} ms |")
    w(f"| precompressed (`gzip_static on`) | {g['bytes']['on'] / 1000:.1f} kB | **{g['cpu_ms_median']['on']:.3f} ms** |")
    w(f"\nAll {g['paths']} files once: {g['raw_bytes'] / 1000:.0f} kB uncompressed, "
      f"{g['static_gz_bytes'] / 1000:.0f} kB as precompressed files.\n")
    w("## Site size\n")
    w(f"The measured site (`{r['site_size']['what']}`): {r['site_size']['files']} files, "
      f"{r['site_size']['bytes'] / 1e6:.2f} MB.\n")
    if r.get("kept_section"):
        w(r["kept_section"].rstrip() + "\n")
    w("## Reproduce\n")
    w("`make bench` (about ten minutes). `make test` runs `scripts/bench.py --smoke` (tests/test_bench.py), which "
      "checks every figure is still produced; it asserts no timings.\n")
    return "\n".join(L)


def summary_rows(r):
    rows = []
    b, fv, s, sc = r["build"], r["first_view"], r["search"], r["scale"]
    rows.append(["Build cost vs plain Material + static-i18n (median ratio)", f"{b['ratio_median']:.2f}",
                 f"≤ {TARGETS['build_ratio']}", met(b["ratio_median"] <= TARGETS["build_ratio"])])
    rows.append(["Build cost, CPU-time ratio (less sensitive to load)", f"{b['cpu_ratio_median']:.2f}", "", ""])
    rows.append(["Project build (median)", f"{b['project_median_s']:.2f} s", "", ""])
    rows.append(["Full `make build`", f"{r['make_build']['seconds']:.1f} s" + ("" if r["make_build"]["ok"] else " (failed)"),
                 "", "" if r["make_build"]["ok"] else "**failed**"])
    rows.append(["Live preview, save to served page (median)", f"{r['preview']['median_s']:.2f} s", "", ""])
    heaviest = fv["rows"][0]
    rows.append([f"First view, heaviest page (`{heaviest['page']}`)", kb(heaviest["total_gz"]),
                 f"≤ {TARGETS['first_view_kb']:g} kB", met(heaviest["total_gz"] / 1000 <= TARGETS["first_view_kb"])])
    rows.append(["Site size", f"{r['site_size']['files']} files, {r['site_size']['bytes'] / 1e6:.2f} MB", "", ""])
    g = r["gzip_static"]
    rows.append(["nginx CPU per request, precompressed / gzip per response",
                 f"{g['cpu_ms_median']['on']:.3f} / {g['cpu_ms_median']['off']:.3f} ms", "", ""])
    rows.append(["Bytes per request, precompressed / gzip per response",
                 f"{g['bytes']['on'] / 1000:.1f} / {g['bytes']['off'] / 1000:.1f} kB", "", ""])
    for row in r["transfer"]:
        rows.append([f"Transferred, first view with search (`{row['page']}`)", kb(row["total"]), "", ""])
    lh = r["lighthouse"]
    if lh["available"]:
        for row in lh["pages"]:
            sc_ = row["scores"]
            ok = sc_["performance"] >= TARGETS["lh_performance"] and all(
                sc_[c] >= TARGETS["lh_other"] for c in LH_CATEGORIES[1:])
            rows.append([f"Lighthouse mobile `{row['page']}` (perf/a11y/bp/seo)",
                         "/".join(f"{sc_[c]:g}" for c in LH_CATEGORIES), "≥ 95/100/100/100", met(ok)])
    else:
        rows.append(["Lighthouse mobile", "not run (lighthouse missing)", "≥ 95/100/100/100", "**not met**"])
    for rel, row in s["indexes"].items():
        rows.append([f"Search index `{rel}` ({row['label']})", f"{kb(row['raw'])} raw, {kb(row['gzip'])} gzip", "", ""])
    rows.append(["Search latency median / p95", f"{s['median_ms']:.1f} / {s['p95_ms']:.1f} ms",
                 f"p95 ≤ {TARGETS['search_p95_ms']:g} ms", met(s["p95_ms"] <= TARGETS["search_p95_ms"])])
    if "typed_p95_ms" in s:
        rows.append([f"Search latency typed a key every {s['typed_pace_ms']} ms, p95", f"{s['typed_p95_ms']:.1f} ms",
                     "", ""])
    for row in sc["rows"][1:]:
        rows.append([f"Scale {row['factor']}× ({row['pages']} pages): build, search index",
                     f"{row['seconds']:.1f} s, {row['index_raw'] / 1e6:.2f} MB", "", ""])
    rows.append(["Scale: growth exponent of build CPU time (1 = linear)", f"{sc['cpu_exponent']:.2f}",
                 f"≤ {TARGETS['scale_exponent']} (linear + noise)", met(sc["cpu_exponent"] <= TARGETS["scale_exponent"])])
    rows.append(["Scale: growth exponent of the search index", f"{sc['index_exponent']:.2f}",
                 f"≤ {TARGETS['scale_exponent']}", met(sc["index_exponent"] <= TARGETS["scale_exponent"])])
    return rows


def kept_section(path, title=KEPT_SECTION):
    """The hand-written section of an earlier report (history of optimisations), carried over unchanged."""
    if not path.exists():
        return ""
    match = re.search(rf"^{re.escape(title)}\n.*?(?=^## |\Z)", path.read_text(encoding="utf-8"), re.M | re.S)
    return match.group(0) if match else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smoke", action="store_true", help="tiny run: 1 repetition, 1 Lighthouse page, 2x scale only")
    ap.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--json", type=Path, help="also write the raw figures as JSON")
    ap.add_argument("--reps", type=int, help="alternated build pairs (default 5, smoke 1)")
    ap.add_argument("--lh-runs", type=int, help="Lighthouse runs per page (default 1: keeps make bench short)")
    ap.add_argument("--scales", help="comma-separated factors (default 10,50, smoke 2)")
    ap.add_argument("--note", action="append", default=[], help="a note to print at the top of the report")
    ap.add_argument("--only", choices=("build", "weight", "gzip", "search"), help="measure only the build cost (with "
                    "--reps), the first view of the project's mkdocs build, gzip_static behind nginx on site/ (make "
                    "build) or the search, print it and write no report")
    args = ap.parse_args()
    if args.smoke and args.output == ROOT / "BENCHMARKS.md":
        ap.error("--smoke must not overwrite BENCHMARKS.md: pass --output")
    reps = args.reps or (1 if args.smoke else 5)
    lh_runs = args.lh_runs or 1
    scales = [int(x) for x in (args.scales or ("2" if args.smoke else "10,50")).split(",")]
    t_start = time.time()
    r = {"smoke": args.smoke, "started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
         "cores": os.cpu_count(), "load_start": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
         "versions": versions(), "lh_runs": lh_runs, "notes": args.note,
         "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                  text=True).stdout.strip(),
         "dirty": bool(subprocess.run(["git", "status", "--porcelain", "--", "docs", "hooks", "overrides", "mkdocs.yml",
                                       "includes"], cwd=ROOT, capture_output=True, text=True).stdout.strip())}
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    if args.only:
        return only(args.only, reps, base)
    with tempfile.TemporaryDirectory(prefix="tillit-bench-") as tmp:
        tmp = Path(tmp)
        copy = snapshot(tmp / "repo")
        work = tmp / "work"
        work.mkdir()
        log(f"snapshot in {copy}; {page_count(copy / 'docs')} page pairs")
        r["build"] = measure_build_cost(copy, reps, base, work)
        log("make build")
        r["make_build"] = measure_make_build(copy, base)
        site = copy / "site" if r["make_build"]["ok"] else work / "project-site"
        if not r["make_build"]["ok"]:
            r["notes"].append("`make build` failed in the snapshot; page weight, Lighthouse and search were measured "
                              "on the project's `mkdocs build` output instead.")
        files = [p for p in site.rglob("*") if p.is_file()]
        r["site_size"] = {"what": "make build" if r["make_build"]["ok"] else "mkdocs build", "files": len(files),
                          "bytes": sum(p.stat().st_size for p in files)}
        rows = first_view(site)
        r["first_view"] = {"rows": rows, "median": statistics.median(x["total_gz"] for x in rows),
                           "plain_heaviest": first_view(work / "plain-site")[0]["total_gz"]}
        chosen = choose_pages(rows)
        r["preview"] = measure_preview(copy, chosen[LANGS[0]]["content"], 1 if args.smoke else 3)
        server = serve_gzip(site, port)
        try:
            subjects = [(lang, chosen[lang][kind]) for kind in ("start", "content") for lang in LANGS]
            if args.smoke:
                subjects = subjects[:1]
            r["lighthouse"] = measure_lighthouse(base, subjects, lh_runs, work)
            queries, r["query_source"] = eval_queries(limit=3 if args.smoke else None)
            from playwright.sync_api import sync_playwright
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
                r["transfer"] = measure_transfer(base, [(lang, chosen[lang]["start"]) for lang in LANGS], browser)
                r["search"] = measure_search(base, site, queries, browser, typed_queries=2 if args.smoke else None)
                browser.close()
        finally:
            server.shutdown()
        log("precompressed files behind nginx")
        r["gzip_static"] = measure_precompressed(site, 200 if args.smoke else 4000, 1 if args.smoke else 3)
        r["scale"] = measure_scale(copy, scales, base, work)
    r["load_end"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    r["finished"] = datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M")
    r["duration_s"] = time.time() - t_start
    r["summary"] = summary_rows(r)
    r["kept_section"] = kept_section(args.output)
    args.output.write_text(report(r), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")
    log(f"wrote {args.output} in {r['duration_s'] / 60:.1f} min")


def only(part, reps, base):
    """One part of the run, printed (a quick before/after check while optimising; make bench writes the report)."""
    if part == "gzip":
        g = measure_precompressed(ROOT / "site", 4000, reps)
        print(json.dumps(g, indent=1))
        return
    with tempfile.TemporaryDirectory(prefix="tillit-bench-") as tmp:
        tmp = Path(tmp)
        copy, work = snapshot(tmp / "repo"), tmp / "work"
        work.mkdir()
        if part == "build":
            b = measure_build_cost(copy, reps, base, work)
            print(f"build cost: project {b['project_median_s']:.2f} s, plain {b['plain_median_s']:.2f} s, "
                  f"ratio {b['ratio_median']:.2f}, CPU ratio {b['cpu_ratio_median']:.2f} (median of {reps} pairs)")
        elif part == "search":
            mkdocs_build(copy, copy / "mkdocs.yml", work / "project-site", base)
            server = serve_gzip(work / "project-site", int(urlsplit(base).port))
            try:
                from playwright.sync_api import sync_playwright
                with sync_playwright() as pw:
                    browser = pw.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
                    s = measure_search(base, work / "project-site", eval_queries()[0], browser)
                    browser.close()
            finally:
                server.shutdown()
            for rel, row in s["indexes"].items():
                print(f"{rel}: {kb(row['raw'])} ({kb(row['gzip'])} gzip), {row['docs']} entries")
            print(f"search: last key after a pause p95 {s['p95_ms']:.1f} ms (median {s['median_ms']:.1f}, "
                  f"{s['n']} queries); typed a key every {TYPING_PACE_MS} ms: p95 {s['typed_p95_ms']:.1f} ms "
                  f"over {s['typed_keys']} keys")
        else:
            mkdocs_build(copy, copy / "mkdocs.yml", work / "project-site", base)
            for row in first_view(work / "project-site")[:5]:
                print(f"{row['page']}: {kb(row['total_gz'])} (HTML {kb(row['html_gz'])}, CSS + JS {kb(row['assets_gz'])})")


if __name__ == "__main__":
    main()
