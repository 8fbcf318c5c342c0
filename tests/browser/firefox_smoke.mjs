// Firefox smoke test (run by tests/browser/test_offline.py): Debian's firefox-esr driven over WebDriver BiDi by the pinned
// puppeteer-core. Usage: node tests/browser/firefox_smoke.mjs <spec.json>; prints what Firefox saw as JSON, the checks are in
// Python. spec: {firefox, searches: [{start, query, pace}], switches: [{start, hreflang}]}. Each search reports the
// results and any "did you mean" words an empty result offers.
import { readFileSync } from "node:fs"
import puppeteer from "puppeteer-core"

const spec = JSON.parse(readFileSync(process.argv[2], "utf-8"))
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const seen = { version: "", searches: [], switches: [], errors: [], offhost: [] }

function watch(page) {
  page.on("console", m => { if (m.type() === "error") seen.errors.push(`console error on ${page.url()}: ${m.text()}`) })
  page.on("pageerror", e => seen.errors.push(`page error on ${page.url()}: ${e.message}`))
  page.on("request", r => {
    const url = new URL(r.url())
    if (!["file:", "data:", "blob:", "about:"].includes(url.protocol) && url.hostname !== "127.0.0.1")
      seen.offhost.push(r.url())
  })
}

// The result list once it has held still for 1 s (the answer to the last key), or what is there at the timeout;
// with what an empty result offers instead ("did you mean", tillit.js)
async function settledResults(page, timeout = 8000) {
  const read = () => page.evaluate(() => ({
    meta: document.querySelector(".md-search-result__meta")?.textContent.trim() ?? "",
    results: [...document.querySelectorAll(".md-search-result__list .md-search-result__link")].map(a =>
      [(a.querySelector("h1, h2") || a).textContent.trim(), a.href]),
    suggested: [...document.querySelectorAll(".tillit-search-help a[data-tillit-query]")].map(a => a.textContent),
  }))
  const end = Date.now() + timeout
  let last = await read(), since = Date.now()
  while (Date.now() < end) {
    await sleep(100)
    const now = await read()
    if (JSON.stringify(now) !== JSON.stringify(last)) { last = now; since = Date.now() }
    else if ((now.results.length || now.suggested.length) && Date.now() - since >= 1000) break
  }
  return last
}

const browser = await puppeteer.launch({
  browser: "firefox", protocol: "webDriverBiDi", executablePath: spec.firefox, headless: true,
  // no update checks, telemetry or remote settings: the test must not reach any other host
  extraPrefsFirefox: { "app.update.enabled": false, "network.connectivity-service.enabled": false,
    "browser.safebrowsing.update.enabled": false, "datareporting.policy.dataSubmissionEnabled": false },
})
try {
  seen.version = await browser.version()
  const page = await browser.newPage()
  watch(page)
  for (const search of spec.searches) {
    await page.goto(search.start, { waitUntil: "load" })
    await page.keyboard.press("/")
    await page.keyboard.type(search.query, { delay: search.pace })
    seen.searches.push({ ...search, ...await settledResults(page) })
  }
  for (const change of spec.switches) {
    // once the page has fetched what it needs (the search index): leaving earlier aborts that fetch, and Firefox
    // reports the abort (NS_BINDING_ABORTED) as a page error although a reader sees nothing
    await page.goto(change.start, { waitUntil: ["load", "networkidle0"] })
    const link = await page.$(`.md-select a[hreflang="${change.hreflang}"]`)
    // and the page it lands on too, before the next goto leaves it
    await Promise.all([page.waitForNavigation({ waitUntil: ["load", "networkidle0"] }), link.evaluate(a => a.click())])
    seen.switches.push({ ...change, landed: page.url(), lang: await page.evaluate(() => document.documentElement.lang) })
  }
} finally {
  await browser.close()
}
console.log(JSON.stringify(seen))
