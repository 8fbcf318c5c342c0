"""Search evaluation in Chromium: used by tests/test_search.py and runnable on its own.

The evaluation queries go straight to the page's real search worker (Material's worker wrapped by
docs/assets/javascripts/workers/search-tillit.js) in one page.evaluate per language, and the results are read from
the list Material renders for the worker's answer: the same ranking and rendering code a reader's keystrokes reach.
`search()` types a query key by key; tests/test_search.py keeps a few typed queries for that keystroke path.

    .venv/bin/python tests/search_eval.py            # build the site, print hit rates per language and latency
    .venv/bin/python tests/search_eval.py --stock    # the same with hooks/search.py left out (stock search)
    .venv/bin/python tests/search_eval.py --baseline # ours, and write tests/search_baseline.json (the gate's record)

The gate (tests/test_search.py): no query that hit in tests/search_baseline.json may miss. Write the baseline again
only when the search got better (more hits), and commit it with the change that made it better.
"""
import json
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILE = ROOT / "tests" / "search_eval.yml"
BASELINE_FILE = ROOT / "tests" / "search_baseline.json"
SEARCH_HOOK = "hooks/search.py"
START_PAGE = {"sv": "kommuner/falkoping/", "en": "en/tsl/tillitsdelegationen/"}   # deep pages: relative bases

# Counts the search worker's query and result messages, so a test knows when the results for what was typed are in
# (Material: 2 = query, 3 = result), and how long from the keystroke that sent the query to the painted results.
WATCH_WORKER = """
(() => {
  const s = window.__search = { ready: false, sent: 0, received: 0, last: null, posted: 0, painted: 0, worker: null }
  const Base = window.Worker
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args)
      s.worker = this
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 1) s.ready = true
        if (ev.data && ev.data.type === 3) {
          s.received++
          s.painted = 0
          requestAnimationFrame(() => { s.painted = performance.now() })
        }
      })
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) {   // sent from the keyup handler: the keystroke's time
        s.sent++; s.last = message.data; s.posted = performance.now(); s.painted = 0
      }
      return super.postMessage(message, ...rest)
    }
  }
})()
"""


def load_eval(path=EVAL_FILE):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def open_search(page, base_url, lang):
    """Go to a page in the language and focus the search box the way a reader does: press "/"."""
    page.add_init_script(WATCH_WORKER)
    page.goto(base_url + START_PAGE[lang])
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    page.wait_for_function("() => __search.ready", timeout=15_000)   # index loaded: latency is per query
    # the query Material posts when the box takes focus may still be unanswered: an answer that arrives later
    # would otherwise be taken for the next query's
    page.wait_for_function("() => __search.sent === __search.received", timeout=15_000)
    return box


def search(page, text):
    """Clear the box, type the query, wait for the worker's answer to it; return result links and the latency."""
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function("() => __search.sent === __search.received")
    page.keyboard.type(text[:-1], delay=5)
    # let the worker answer what was typed so far, so the last keystroke's latency is not the fast typist's queue
    page.wait_for_function("() => __search.sent === __search.received")
    page.keyboard.type(text[-1:])
    page.keyboard.press("End")   # Playwright inserts å/ä/ö without key events; a real keyboard sends keyup
    page.wait_for_function(
        "v => __search.sent === __search.received && __search.last === v && __search.painted > 0",
        arg=page.locator("input.md-search__input").input_value(), timeout=10_000)
    latency = page.evaluate("__search.painted - __search.posted")
    items = page.locator("li.md-search-result__item")
    results = [items.nth(i).locator("a").first.get_attribute("href") for i in range(items.count())]
    links = page.locator(".md-search-result a").evaluate_all("els => els.map(a => a.href)")
    return results, links, latency


def page_path(href, base_url, lang):
    """'http://host/tsl/en/kommuner/boras/?h=x#y' -> 'kommuner/boras/' (None if outside the language)."""
    path = urlsplit(href).path
    root = urlsplit(base_url).path + ("en/" if lang == "en" else "")
    if not path.startswith(root) or (lang == "sv" and path.startswith(urlsplit(base_url).path + "en/")):
        return None
    return path[len(root):]


# Each query is posted to the worker as Material's keyup handler posts it ({type: 2, data: query}); after the
# worker's answer (type 3) and the frame that paints it, the rendered result list is read.
ASK_WORKER = """async queries => {
  const s = window.__search, out = []
  const base = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href)
  const idle = async () => { while (s.sent !== s.received) await new Promise(r => setTimeout(r, 5)) }
  for (const q of queries) {
    await idle()   // every answer read below is the one to this query
    const answer = new Promise(resolve => s.worker.addEventListener("message", function on(ev) {
      if (ev.data && ev.data.type === 3) { s.worker.removeEventListener("message", on); resolve(ev.data.data) }
    }))
    const posted = performance.now()
    s.worker.postMessage({type: 2, data: q})
    const data = await answer
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
    out.push({results: [...document.querySelectorAll("li.md-search-result__item")]
                .map(li => li.querySelector("a").href),
              links: [...document.querySelectorAll(".md-search-result a")].map(a => a.href),
              locations: data.items.map(group => new URL(group[0].location.split("#")[0], base).pathname),
              latency: performance.now() - posted})
  }
  return out
}"""


def run(page, base_url, lang, queries):
    """Every query through the worker; return rows (query, expected, top-3 paths, hit), wrong-language links and
    latencies (worker message to painted results)."""
    open_search(page, base_url, lang)
    answers = page.evaluate(ASK_WORKER, [item["q"] for item in queries])
    rows, wrong_language, latencies = [], [], []
    for item, answer in zip(queries, answers, strict=True):
        results, links, latency = answer["results"], answer["links"], answer["latency"]
        # the list read is the one painted for this query's answer (not the previous query's)
        shown = [urlsplit(h).path for h in results[:3]]
        assert shown == answer["locations"][:3], (item["q"], shown, answer["locations"])
        top = [page_path(h, base_url, lang) for h in results[:3]]
        rows.append((item["q"], item["page"], top, item["page"] in top))
        wrong_language += [(item["q"], h) for h in links if page_path(h, base_url, lang) is None]
        latencies.append(latency)
    return rows, wrong_language, latencies


def report(lang, rows, latencies):
    hits = sum(r[3] for r in rows)
    lat = sorted(latencies)
    p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]
    print(f"{lang}: {hits}/{len(rows)} = {100 * hits / len(rows):.1f} % in the first three; "
          f"query to painted results: median {statistics.median(lat):.1f} ms, p95 {p95:.1f} ms")
    slow = sorted(zip(latencies, (r[0] for r in rows)), reverse=True)[:3]
    print("   slowest: " + ", ".join(f"{q!r} {ms:.0f} ms" for ms, q in slow))
    for q, expected, top, hit in rows:
        if not hit:
            print(f"   miss: {q!r} -> expected {expected}, got {top}")
    return hits / len(rows)


def stock_config(source, dest):
    """The same configuration with Material's own search: hooks/search.py left out (overrides/main.html's config
    block then falls back to Material's) and static-i18n's search settings at their defaults. Edited as YAML with the
    round trip scripts/bench.py uses (keeps mkdocs.yml's !ENV and !!python/name tags)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import dump_config, load_config, plugin_name
    cfg = load_config(source)
    assert SEARCH_HOOK in cfg["hooks"], f"{SEARCH_HOOK} is not in {source}'s hooks"
    cfg["hooks"] = [hook for hook in cfg["hooks"] if hook != SEARCH_HOOK]
    for plugin in cfg["plugins"]:
        if plugin_name(plugin) == "i18n" and isinstance(plugin, dict):
            plugin["i18n"].pop("reconfigure_search", None)   # its default: one index for both languages, as stock
    assert any(plugin_name(p) == "search" for p in cfg["plugins"]), "no search plugin in the stock configuration"
    dump_config(cfg, dest)
    return dest


def load_baseline(path=BASELINE_FILE):
    return json.loads(path.read_text(encoding="utf-8"))


def baseline_problems(lang, rows, baseline, queries):
    """Queries that hit in the baseline and miss now, and baseline queries no longer in the evaluation set."""
    now = {q: (hit, expected, top) for q, expected, top, hit in rows}
    asked = {item["q"] for item in queries}
    out = [f"{lang}: {q!r} is in {BASELINE_FILE.name} but not in {EVAL_FILE.name}: run tests/search_eval.py "
           "--baseline after changing the set" for q in baseline[lang] if q not in asked]
    out += [f"{lang}: {q!r} hit in the baseline and misses now: expected {now[q][1]}, got {now[q][2]}"
            for q in baseline[lang] if q in now and not now[q][0]]
    return out


def write_baseline(results, path=BASELINE_FILE):
    """{lang: [queries that hit, in the evaluation set's order]}, from a run of every language."""
    data = {lang: [q for q, _, _, hit in rows if hit] for lang, rows in results.items()}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: " + ", ".join(f"{lang} {len(q)}" for lang, q in data.items()))


def main(argv):
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, _site, mkdocs_build, open_guarded_page, serve
    from playwright.sync_api import sync_playwright
    stock = "--stock" in argv
    if stock and "--baseline" in argv:
        sys.exit("--baseline records our search, not stock Material's")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        config = ROOT / "mkdocs.yml"
        if stock:
            config = ROOT / f".mkdocs-stock-search-{Path(tmp).name}.yml"
            stock_config(ROOT / "mkdocs.yml", config)
        try:
            result = mkdocs_build(Path(tmp) / "site", config=config)
        finally:
            if stock:
                config.unlink()
        if result.returncode:
            sys.exit(result.stderr)
        server, base_url = serve(Path(tmp) / "site")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=_site.chromium_args())
            for lang, queries in load_eval().items():
                context, page, guard = open_guarded_page(browser)
                rows, wrong, latencies = run(page, base_url, lang, queries)
                report(lang, rows, latencies)
                results[lang] = rows
                print(f"   results in the other language: {len(wrong)}; page problems: {len(guard.problems())}")
                context.close()
            browser.close()
        server.shutdown()
    if "--baseline" in argv:
        write_baseline(results)
    elif not stock and BASELINE_FILE.exists():
        baseline = load_baseline()
        for lang, rows in results.items():
            for problem in baseline_problems(lang, rows, baseline, load_eval()[lang]):
                print("NEWLY MISSED: " + problem)


if __name__ == "__main__":
    main(sys.argv[1:])
