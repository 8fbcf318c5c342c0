#!/usr/bin/env python3
"""Measure build cost, page weight, Lighthouse scores, search and gzip_static; write BENCHMARKS.md.

All on a temporary copy of the repository, on loopback; `--smoke` is a tiny run for tests/browser/test_bench.py.
"""
import argparse
import datetime
import functools
import gzip
import http.client
import http.server
import json
import os
import re
import resource
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from lxml import html as lxml_html

import tillit.site
from tillit.site import CHROMIUM, ROOT, chromium_args, is_redirect_stub, lang_prefix, not_a_page_prefixes

LANGS = tillit.site.languages()
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LH_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LH_TARGET = (95, 100, 100, 100)
EVAL_FILE = ROOT / "tests" / "search_eval.yml"
GZIP_LEVEL = 6
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
TYPING_PACE_MS = 200   # a key every 200 ms: about 60 words a minute, a quick typist
KEPT_SECTION = "## Optimisations"   # written by hand in BENCHMARKS.md; a new run keeps it
COPY_IGNORE = shutil.ignore_patterns(".venv", "node_modules", "site", "site-*", ".pytest_cache", ".cache",
                                     "dist", "__pycache__", "*.lock", "BENCHMARKS.md")
log = lambda msg: print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)
gz = lambda data: len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
kb = lambda n: f"{n / 1000:.1f} kB"
met = lambda ok: "met" if ok else "**not met**"
p95 = lambda values: statistics.quantiles(values, n=20, method="inclusive")[-1]   # interpolated, as numpy's default
plugin_name = lambda entry: entry if isinstance(entry, str) else next(iter(entry))


# ---- mkdocs.yml round trip: tagged nodes (!ENV, !!python/name:…) are kept as parsed and written back unchanged, so
# a derived config builds the same (tillit.site's loader resolves them: right for reading, but it cannot write a copy)
_Loader, _Dumper = type("_Loader", (yaml.SafeLoader,), {}), type("_Dumper", (yaml.SafeDumper,), {})
for _prefix in ("!", "tag:yaml.org,2002:python/"):
    _Loader.add_multi_constructor(_prefix, lambda loader, suffix, node: node)
_Dumper.add_multi_representer(yaml.Node, lambda dumper, node: node)


def load_config(path):
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)


def dump_config(cfg, path):
    Path(path).write_text(yaml.dump(cfg, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plain_config(cfg):
    """Stock Material + static-i18n + Material's search, same pages, nav and Markdown extensions, nothing else."""
    plugins = [p for p in cfg.get("plugins", []) if plugin_name(p) in ("search", "material/search", "i18n")]
    plain = {"site_name": cfg["site_name"], "site_url": cfg.get("site_url"), "docs_dir": cfg.get("docs_dir", "docs"),
             "theme": {"name": "material", "language": cfg.get("theme", {}).get("language", "en"), "font": False},
             "markdown_extensions": cfg.get("markdown_extensions", []), "plugins": plugins}
    return {**plain, "nav": cfg["nav"]} if cfg.get("nav") else plain


# ---- running and serving ----

def run(cmd, cwd, env_extra=None, check=True):
    """Wall-clock seconds and the process, with .cpu: user + system time of it and its children."""
    # PYTHONPATH: a copy of the project runs its own tillit/ package; NO_MKDOCS_2_WARNING: timings, not notices
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(cwd), **(env_extra or {})}
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    result.cpu = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return elapsed, result


def mkdocs_build(copy, config, dest, site_url, strict=True):
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(config), "--site-dir", str(dest)]
    elapsed, result = run(cmd + ["--strict"] * strict, cwd=copy, env_extra={"SITE_URL": site_url})
    return elapsed, result.cpu


def snapshot(dest):
    """Copy the working tree (with .git, without .venv/node_modules/site) so others' edits cannot change a run."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE, symlinks=True)
    for shared in (".venv", "node_modules"):
        (dest / shared).symlink_to(ROOT / shared)
    return dest


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Text files gzipped at level 6 per response, as nginx's `gzip on` does; the rest as Python serves it."""

    log_message = lambda self, *args: None

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() and urlsplit(self.path).path.endswith("/") else path
        ctype = self.guess_type(str(path))
        if not (path.is_file() and ctype.startswith(GZIP_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()   # redirects to the slash, 404s, pictures
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        self.send_response(200)
        for name, value in (("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else "")),
                            ("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding"), ("Content-Length", len(body))):
            self.send_header(name, str(value))
        self.end_headers()
        self.wfile.write(body)


def serve_gzip(directory):
    """A loopback server for directory (a symlink made later): its address is every build's site_url."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()   # a daemon: it ends with the run
    return f"http://127.0.0.1:{server.server_port}/"


def table(head, rows):
    return "\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
                     + ["| " + " | ".join(map(str, row)) + " |" for row in rows]) + "\n"


# ---- the measures: each gives (figures, summary rows [measure, result, target, met], report section) ----

def measure_build_cost(copy, reps, site_url, work):
    """The project's strict build against the plain one, alternated, after one untimed build of each (warm caches)."""
    plain_yml = copy / "bench-plain.yml"
    dump_config(plain_config(load_config(copy / "mkdocs.yml")), plain_yml)
    builds = [(copy / "mkdocs.yml", work / "project-site", True), (plain_yml, work / "plain-site", False)]
    for config, dest, strict in builds:
        mkdocs_build(copy, config, dest, site_url, strict)
    pairs, cpu = [], []
    for i in range(reps):
        (p, pc), (q, qc) = (mkdocs_build(copy, config, dest, site_url, strict) for config, dest, strict in builds)
        pairs.append((p, q))
        cpu.append((pc, qc))
        log(f"build pair {i + 1}/{reps}: project {p:.2f} s, plain {q:.2f} s (CPU {pc:.2f} / {qc:.2f} s)")
    b = {"pairs": pairs, "cpu_pairs": cpu, "ratio_median": statistics.median(p / q for p, q in pairs),
         "cpu_ratio_median": statistics.median(p / q for p, q in cpu),
         "project_median_s": statistics.median(p for p, _ in pairs)}
    return b, [["Build cost vs plain Material + static-i18n (median ratio)", f"{b['ratio_median']:.2f}", "≤ 1.2",
             met(b["ratio_median"] <= 1.2)],
            ["Build cost, CPU-time ratio (less sensitive to load)", f"{b['cpu_ratio_median']:.2f}", "", ""],
            ["Project build (median)", f"{b['project_median_s']:.2f} s", "", ""]], (
        "## Build cost\n\nThe project's strict build against stock Material + static-i18n + Material's search "
        "with the same pages, nav and extensions (`bench-plain.yml`), alternated after one untimed build of each.\n\n"
        + table(["Run", "Project", "Plain", "Ratio", "Project CPU", "Plain CPU", "CPU ratio"],
                [[i, f"{p:.2f} s", f"{q:.2f} s", f"{p / q:.2f}", f"{pc:.2f} s", f"{qc:.2f} s", f"{pc / qc:.2f}"]
                 for i, ((p, q), (pc, qc)) in enumerate(zip(b["pairs"], b["cpu_pairs"]), 1)]))


def first_view(site):
    """Per built page (no redirect stubs): gzip bytes of the HTML plus every same-site CSS and JS file it loads."""
    site, sizes, rows = Path(site), {}, []
    for path in sorted(site.rglob("*.html")):
        rel, html = path.relative_to(site).as_posix(), path.read_bytes()
        if rel.startswith(not_a_page_prefixes()) or is_redirect_stub(html.decode("utf-8", errors="replace")):
            continue
        assets = 0
        for ref in lxml_html.fromstring(html).xpath("//link[contains(concat(' ', @rel, ' '), ' stylesheet ')]/@href"
                                                     " | //script/@src"):
            url = urlsplit(urljoin("http://site/" + rel, ref))
            target = site / url.path.lstrip("/")
            if url.hostname == "site" and target.is_file():
                assets += sizes.setdefault(target, gz(target.read_bytes()))
        rows.append({"page": rel, "lang": tillit.site.language_of(rel), "html_gz": gz(html), "assets_gz": assets,
                     "total_gz": gz(html) + assets})
    return sorted(rows, key=lambda r: r["total_gz"], reverse=True)


def measure_weight(site):
    rows, files = first_view(site), [p for p in site.rglob("*") if p.is_file()]
    w, heaviest = {"pages": rows, "files": len(files), "bytes": sum(p.stat().st_size for p in files)}, rows[0]
    return w, [[f"First view, heaviest page (`{heaviest['page']}`)", kb(heaviest["total_gz"]), "≤ 70 kB",
                met(heaviest["total_gz"] <= 70_000)],
               ["Site size", f"{w['files']} files, {w['bytes'] / 1e6:.2f} MB", "", ""]], (
        f"## First view\n\nGzip (level 6) bytes of a page's HTML and its CSS and JS; the heaviest of {len(rows)}:"
        "\n\n" + table(["Page", "HTML", "CSS + JS", "Total"], [
            [f"`{x['page']}`", kb(x["html_gz"]), kb(x["assets_gz"]), kb(x["total_gz"])] for x in rows[:5]]))


def measure_lighthouse(base, subjects, work):
    """Lighthouse's default (mobile, simulated throttling) run of each page: the scores and the audits below 1."""
    pages = []
    for i, path in enumerate(subjects if LIGHTHOUSE.exists() else []):
        out = work / f"lh-{i}.json"
        cmd = [str(LIGHTHOUSE), base + path, "--output=json", f"--output-path={out}", "--quiet",
               "--only-categories=" + ",".join(LH_CATEGORIES),
               "--chrome-flags=" + " ".join(["--headless=new", *chromium_args()])]
        _, result = run(cmd, cwd=ROOT, env_extra={"CHROME_PATH": CHROMIUM}, check=False)
        if not out.exists():
            raise RuntimeError(f"lighthouse failed on {path}: {result.stderr[-1500:]}")
        lh = json.loads(out.read_text())
        scores = [round(100 * (lh["categories"][c]["score"] or 0)) for c in LH_CATEGORIES]
        failing = sorted({ref["id"] for c in LH_CATEGORIES for ref in lh["categories"][c]["auditRefs"]
                          if ref["weight"] > 0 and lh["audits"][ref["id"]]["score"] not in (None, 1)})
        pages.append({"page": path + "index.html", "scores": dict(zip(LH_CATEGORIES, scores)), "failing": failing})
        log(f"lighthouse /{path}: {scores}")
    rows = [[f"Lighthouse mobile `{x['page']}` (perf/a11y/bp/seo)", "/".join(map(str, x["scores"].values())),
             "≥ 95/100/100/100", met(all(s >= t for s, t in zip(x["scores"].values(), LH_TARGET)))] for x in pages]
    return pages, rows or [["Lighthouse mobile", "not run (lighthouse missing)", "≥ 95/100/100/100", met(False)]], (
        "## Lighthouse\n\nDefault (mobile) settings, Debian Chromium, gzip on loopback; one run a page.\n\n" + table(
            ["Page", "Performance", "Accessibility", "Best practices", "SEO", "Scored audits below 100"],
            [[f"`{x['page']}`", *x["scores"].values(), ", ".join(x["failing"]) or "none"] for x in pages]))


def eval_queries(limit=None):
    data = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))
    return {lang: list(dict.fromkeys(item["q"].strip() for item in data[lang]))[:limit] for lang in LANGS}


# t0 at the key (keydown; input for å/ä/ö, which Playwright inserts without a key event), t1 at the next animation
# frame after the results list changed
SEARCH_PROBE = """() => {
  const b = window.__bench = {armed: false, t0: null, t1: null}, start = () => {
    if (b.armed && b.t0 === null) b.t0 = performance.now(); };
  document.querySelector('input.md-search__input').addEventListener('keydown', start, true);
  document.querySelector('input.md-search__input').addEventListener('input', start);
  new MutationObserver(() => {
    if (b.t0 !== null && b.t1 === null) requestAnimationFrame(() => { if (b.t1 === null) b.t1 = performance.now(); });
  }).observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true});
}"""


def key_latency(page, press, timeout):
    """Milliseconds from one key (press()) to the painted results, or None when nothing was re-rendered."""
    page.evaluate("() => Object.assign(window.__bench, {armed: true, t0: null, t1: null})")
    press()
    try:
        page.wait_for_function("() => window.__bench.t1 !== null", timeout=timeout)
        return page.evaluate("() => window.__bench.t1 - window.__bench.t0")
    except Exception:   # a key that changes nothing Material re-renders (a second space)
        return None
    finally:
        page.evaluate("() => { window.__bench.armed = false; }")


def measure_search(base, site, queries, typed_queries=15):
    """Per language: the index bytes; the latency of each query's last key after a pause, and of typed keys."""
    from playwright.sync_api import sync_playwright
    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        for lang in LANGS:
            data = (Path(site) / lang_prefix(lang) / "search" / "search_index.json").read_bytes()
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.route("**/*", lambda route: route.continue_()
                          if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort())
            page = context.new_page()
            page.goto(base + lang_prefix(lang), wait_until="load")
            page.evaluate(SEARCH_PROBE)
            box = page.locator("input.md-search__input")
            box.click()
            box.fill(queries[lang][0])   # loads the index
            page.keyboard.press("End")
            page.wait_for_selector(".md-search-result__item", timeout=30000)
            pause = []
            for query in queries[lang]:
                box.fill(query[:-1])
                page.keyboard.press("End")
                page.wait_for_timeout(400)
                pause.append(key_latency(page, lambda q=query: page.keyboard.press(q[-1]), 10000))
            assert None not in pause, f"a query's last key painted no results ({lang})"
            typed = []
            for query in queries[lang][:typed_queries // 2] + queries[lang][-((typed_queries + 1) // 2):]:
                box.fill("")
                page.wait_for_timeout(TYPING_PACE_MS)
                for ch in query:
                    start = time.perf_counter()
                    typed.append(key_latency(page, lambda ch=ch: page.keyboard.press(ch) if ch.isascii() else (
                        page.keyboard.type(ch), page.keyboard.press("End")), 5000))   # End: Material reads keyup
                    page.wait_for_timeout(max(0, TYPING_PACE_MS - 1000 * (time.perf_counter() - start)))
            typed = [t for t in typed if t is not None]
            context.close()
            out[lang] = {"index_raw": len(data), "index_gzip": gz(data), "pause": pause, "typed": typed,
                         "pause_p95_ms": p95(pause), "typed_p95_ms": p95(typed)}
            log(f"search {lang}: pause p95 {out[lang]['pause_p95_ms']:.1f} ms, typed {out[lang]['typed_p95_ms']:.1f}")
        browser.close()
    s = {"per_lang": out, "pause_p95_ms": p95([t for x in out.values() for t in x["pause"]]),
         "typed_p95_ms": p95([t for x in out.values() for t in x["typed"]])}
    rows = [[f"Search index ({lang})", f"{kb(x['index_raw'])} raw, {kb(x['index_gzip'])} gzip", "", ""]
            for lang, x in s["per_lang"].items()]
    rows += [["Search latency p95, last key after a pause", f"{s['pause_p95_ms']:.1f} ms", "≤ 50 ms",
              met(s["pause_p95_ms"] <= 50)],
             [f"Search latency p95, a key every {TYPING_PACE_MS} ms", f"{s['typed_p95_ms']:.1f} ms", "", ""]]
    return s, rows, (
        "## Search\n\nIn Chromium, from a key to the painted results: the last key of each evaluation query after a "
        f"pause, and every key of the first and last queries typed a key every {TYPING_PACE_MS} ms.\n\n" + table(
            ["Language", "Index raw", "Index gzip", "Queries", "Pause p95", "Keys typed", "Typed p95"],
            [[lang, kb(x["index_raw"]), kb(x["index_gzip"]), len(x["pause"]), f"{x['pause_p95_ms']:.1f} ms",
              len(x["typed"]), f"{x['typed_p95_ms']:.1f} ms"] for lang, x in s["per_lang"].items()]))


def nginx_worker_cpu(master):
    """CPU seconds (user + system) used so far by the worker processes (the children) of an nginx master."""
    stats = [Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
             for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    return sum(int(fields[11]) + int(fields[12]) for fields in stats) / os.sysconf("SC_CLK_TCK")


def measure_precompressed(site, requests, rounds):
    """Bytes and nginx workers' CPU per request, gzip_static on and off alternated (shipped config, TLS, 2 clients)."""
    from tests.conftest import start_nginx  # the repository on PYTHONPATH (the Makefile sets it): tests/ is no package
    paths = sorted(x["page"].removesuffix("index.html") for x in first_view(site) if x["page"].endswith("index.html"))
    paths += [p.relative_to(site).as_posix() for p in sorted((site / "assets").rglob("*.min.*"))
              if p.suffix in (".css", ".js")] + [lang_prefix(lang) + "search/search_index.json" for lang in LANGS]
    files = [site / (p + "index.html" if p.endswith("/") or not p else p) for p in paths]
    out = {"paths": len(paths), "requests": requests, "raw_bytes": sum(f.stat().st_size for f in files),
           "static_gz_bytes": sum(max(f.with_name(f.name + ".gz"), f, key=Path.exists).stat().st_size for f in files),
           "gz_files": len(list(site.rglob("*.gz"))), "cpu_ms": {"on": [], "off": []}, "bytes": {}}
    with tempfile.TemporaryDirectory(prefix="tillit-gzip-") as tmp:
        servers = {}
        for mode in ("on", "off"):
            (Path(tmp) / mode / "www").mkdir(parents=True)
            (Path(tmp) / mode / "www" / "tsl").symlink_to(site, target_is_directory=True)
            edit = (lambda name, text: text.replace("gzip_static on;", "gzip_static off;")) if mode == "off" else None
            servers[mode] = start_nginx(Path(tmp) / mode, tls=True, edit=edit)
        try:
            for mode, server in [*servers.items()] * rounds:
                url, context = urlsplit(server.base), ssl.create_default_context(cafile=str(server.cafile))

                def client(i, url=url, context=context):
                    conn, received = http.client.HTTPSConnection(url.hostname, url.port, context=context, timeout=30), 0
                    for k in range(requests // 2):
                        path = paths[(i + 2 * k) % len(paths)]
                        conn.request("GET", "/tsl/" + path, headers={"Accept-Encoding": "gzip"})
                        response = conn.getresponse()
                        received += len(response.read())
                        assert response.status == 200, (path, response.status)
                    conn.close()
                    return received
                before = nginx_worker_cpu(server.proc.pid)
                with ThreadPoolExecutor(2) as pool:
                    out["bytes"][mode] = sum(pool.map(client, range(2))) / requests
                out["cpu_ms"][mode].append(1000 * (nginx_worker_cpu(server.proc.pid) - before) / requests)
        finally:
            for server in servers.values():
                server.stop()
    g = {**out, "cpu_ms_median": {mode: statistics.median(v) for mode, v in out["cpu_ms"].items()}}
    return g, [["nginx CPU per request, gzip_static on / off",
             f"{g['cpu_ms_median']['on']:.3f} / {g['cpu_ms_median']['off']:.3f} ms", "", ""],
            ["Bytes per request, gzip_static on / off", f"{kb(g['bytes']['on'])} / {kb(g['bytes']['off'])}", "", ""]], (
        f"## Precompressed files (gzip_static)\n\nThe shipped `deploy/nginx.conf` (TLS) serving the {g['paths']} files "
        f"readers fetch ({kb(g['raw_bytes'])}; {kb(g['static_gz_bytes'])} in {g['gz_files']} `.gz` files), "
        f"{g['requests']} requests a round, on and off alternated; median of {len(g['cpu_ms']['on'])} round(s).\n\n"
        + table(["gzip_static", "Bytes per request", "nginx CPU per request"],
                [[mode, kb(g["bytes"][mode]), f"{g['cpu_ms_median'][mode]:.3f} ms"] for mode in ("on", "off")]))


def kept_section(path, title=KEPT_SECTION):
    """The hand-written section of an earlier report (history of optimisations), carried over unchanged."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    match = re.search(rf"^{re.escape(title)}\n.*?(?=^## |\Z)", text, re.M | re.S)
    return match.group(0).rstrip() + "\n" if match else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smoke", action="store_true", help="tiny run: 1 pair, 1 Lighthouse page, 3 queries per language")
    ap.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--json", type=Path, help="also write the raw figures as JSON")
    ap.add_argument("--reps", type=int, help="alternated build pairs and gzip_static rounds (default 5 and 3; smoke 1)")
    ap.add_argument("--only", choices=("build", "weight", "gzip", "search"), help="print one measure, write no report "
                    "(weight and search on the project's mkdocs build, gzip on make build's site/)")
    args = ap.parse_args()
    if args.smoke and args.output == ROOT / "BENCHMARKS.md":
        ap.error("--smoke must not overwrite BENCHMARKS.md: pass --output")
    reps, want = args.reps or (1 if args.smoke else 5), lambda part: args.only in (None, part)
    rounds = args.reps or (1 if args.smoke else 3)
    git = functools.partial(subprocess.run, cwd=ROOT, capture_output=True, text=True)
    r = {"smoke": args.smoke, "started": datetime.datetime.now(datetime.UTC), "load_start": os.getloadavg(),
         "commit": git(["git", "rev-parse", "--short", "HEAD"]).stdout.strip(),
         "dirty": bool(git(["git", "status", "--porcelain", "--untracked-files=no"]).stdout.strip())}
    sections = []

    def add(key, result):   # result: (figures, summary rows, report text)
        r[key] = result[0]
        sections.append(result[1:])
    with tempfile.TemporaryDirectory(prefix="tillit-bench-") as tmp:
        copy, work, site = args.only != "gzip" and snapshot(Path(tmp) / "repo"), Path(tmp) / "work", ROOT / "site"
        work.mkdir()
        base = serve_gzip(work / "served")
        if want("build"):
            add("build", measure_build_cost(copy, reps, base, work))
        if not args.only:
            log("make build")
            r["make_build_s"], site = run(["make", "build"], cwd=copy, env_extra={"SITE_URL": base})[0], copy / "site"
            sections[0][0].append(["Full `make build`", f"{r['make_build_s']:.1f} s", "", ""])
        elif args.only in ("weight", "search"):
            mkdocs_build(copy, copy / "mkdocs.yml", site := work / "project-site", base)
        if want("weight"):
            add("weight", measure_weight(site))
        (work / "served").symlink_to(site, target_is_directory=True)
        if not args.only:
            subjects = [lang_prefix(lang) for lang in LANGS] + [  # the start pages, then each language's heaviest
                next(x["page"].removesuffix("index.html") for x in r["weight"]["pages"] if x["lang"] == lang
                     and x["page"] not in (lang_prefix(lang) + "index.html", lang_prefix(lang) + "404.html"))
                for lang in LANGS]
            add("lighthouse", measure_lighthouse(base, subjects[:1 if args.smoke else None], work))
        if want("search"):
            add("search", measure_search(base, site, eval_queries(3 if args.smoke else None), 2 if args.smoke else 15))
        if want("gzip"):
            log("precompressed files behind nginx")
            add("gzip_static", measure_precompressed(site, 200 if args.smoke else 4000, rounds))
    summary = table(["Measure", "Result", "Target", ""], [row for rows, _ in sections for row in rows])
    if args.only:
        return print(summary + "\n" + sections[0][1])
    end, load = datetime.datetime.now(datetime.UTC), [" / ".join(f"{x:.2f}" for x in r["load_start"]),
                                                      " / ".join(f"{x:.2f}" for x in os.getloadavg())]
    args.output.write_text("\n".join([
        f"# Benchmarks{' (SMOKE RUN: tiny configuration, not the real figures)' * args.smoke}\n",
        f"Written by `make bench` (`scripts/bench.py`) {r['started']:%Y-%m-%d %H:%M}–{end:%H:%M} UTC on a snapshot of "
        f"commit `{r['commit']}`{' with uncommitted changes' * r['dirty']}. **Noise:** {os.cpu_count()} cores shared "
        f"with other engineers; Load average (1/5/15 min) {load[0]} at the start, {load[1]} at the end, so timings are "
        "medians and the build cost a median of ratios of alternated builds.\n", "## Summary\n", summary,
        *(text for _, text in sections), kept_section(args.output),
        "## Reproduce\n\n`make bench` (about ten minutes); `scripts/bench.py --smoke` (tests/browser/test_bench.py) "
        "checks that every figure is still produced, never timings.\n"]), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")
    log(f"wrote {args.output} in {(end - r['started']).total_seconds() / 60:.1f} min")


if __name__ == "__main__":
    main()
