// Tillit search worker: Material's own search worker, with queries stemmed like the index (hooks/search_i18n.py).
// Loaded as new Worker(".../search-tillit.js?worker=search.<hash>.min.js") from overrides/main.html.
// - Material appends a wildcard to every query word and lunr then skips its stemmer, so "styrningen*" never met
//   the stemmed index term "styrning". Here each word is stemmed first, with the stemmer the index uses.
// - Whole words match exactly (as stems); only the last word, which may still be being typed, gets the wildcard.
// - Pages with a section that matches more of the query's words come first, then pages that match more of them
//   across sections; among equals, Material's order.
(function () {
  "use strict"
  var SETUP = 0, QUERY = 2, RESULT = 3
  var script = typeof document !== "undefined" && document.currentScript   // iframe-worker (file://)
    ? document.currentScript.src : self.location.href
  var material = (new URL(script).searchParams.get("worker") || "").split("?")[0]   // iframe-worker appends ?<time>
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
    throw new Error("search-tillit.js: missing or bad ?worker= parameter")
  var lang = "en"

  // Swedish: also drop the definite endings Snowball keeps ("listan" -> "list", "utskottet" -> "utskott"), then
  // stem again so the result meets the stem of the plain form ("utskott" -> "utskot", like "utskott" itself)
  function swedishEndings(snowball) {
    return function (word) {
      var plain = word.replace(/^(.{3,}?)(an|et)$/, "$1")
      return plain === word ? word : snowball(plain)
    }
  }

  // While Material answers one query: the whole-word stems terms() made. lunr runs its search pipeline (stemmer
  // included) on every term without a wildcard, and stemming is not idempotent ("gyllene" -> "gyllen" -> "gyll"), so
  // these pass through once stemmed. Set and cleared around Material's handler, whose search runs synchronously.
  var exact = null
  function once(stem) {
    var stemmer = function (token) { return exact && exact[token.toString()] ? token : stem(token) }
    stemmer.tillit = true
    return stemmer
  }

  // Runs after each importScripts (Material's worker, then lunr's language files): English and Swedish stemmers
  // wrapped by once(); lunr.sv's also drops the definite endings (index and queries alike)
  function patchStemmer() {
    var lunr = self.lunr, sv = lunr && lunr.sv
    if (lunr && lunr.stemmer && !lunr.stemmer.tillit) {
      lunr.stemmer = once(lunr.stemmer)
      lunr.Pipeline.registerFunction(lunr.stemmer, "stemmer-tillit")
    }
    if (!sv || !sv.stemmer || sv.stemmer.tillit) return
    var snowball = sv.stemmer
    sv.stemmer = once(function (token) { return snowball(token).update(swedishEndings(snowball)) })
    lunr.Pipeline.registerFunction(sv.stemmer, "stemmer-sv-tillit")
  }
  var load = self.importScripts
  self.importScripts = function () {
    var done = load.apply(self, arguments)
    return done && typeof done.then === "function" ? done.then(patchStemmer) : (patchStemmer(), done)
  }

  // Query -> terms: plain words, stop words dropped, each stemmed; a leading + or - on a word is kept
  function terms(query) {
    // lunr itself is English; every other language is lunr.<lang> (lang comes from the index's config)
    var fns = lang === "en" ? self.lunr : self.lunr[lang], kept = [], all = []
    String(query).slice(0, 200).toLowerCase().split(/\s+/).forEach(function (chunk) {
      var op = /^[+-]/.test(chunk) ? chunk.charAt(0) : ""
      chunk.slice(op.length).split(/[^\p{L}\p{N}]+/u).forEach(function (word, i) {
        if (!word) return
        var term = { op: i === 0 ? op : "", stem: fns.stemmer(new self.lunr.Token(word.slice(0, 50))).toString() }
        if (!term.stem) return
        all.push(term)
        if (term.op || fns.stopWordFilter(new self.lunr.Token(word))) kept.push(term)
      })
    })
    var found = kept.length ? kept : all              // a query of stop words only still searches for them
    var open = found.length && !/\s$/.test(query)    // the last word may be unfinished: match it as a prefix
    return found.map(function (t, i) {
      return { op: t.op, stem: t.stem, wildcard: open && i === found.length - 1 }
    })
  }

  // Material appends "*" (prefix match) to each plain term; "^1" (boost 1) or a leading +/- keeps a term exact
  function lunrQuery(list) {
    return list.map(function (t) {
      return t.op + t.stem + (t.wildcard || t.op ? "" : "^1")
    }).join(" ")
  }

  // How many of the query's terms the best section matches, counting what its page's title and intro match, and
  // how many the page matches in all its sections (Material marks matched terms per section)
  function coverage(group) {
    function matched(item) {
      return Object.keys(item.terms || {}).filter(function (term) { return item.terms[term] })
    }
    var article = group.filter(function (item) { return item.location.indexOf("#") < 0 })[0]
    var inherited = article ? matched(article) : [], page = {}, best = 0
    group.forEach(function (item) {
      var own = {}
      matched(item).concat(inherited).forEach(function (term) { own[term] = page[term] = true })
      best = Math.max(best, Object.keys(own).length)
    })
    return [best, Object.keys(page).length]
  }

  // Pages with a section that matches more of the query's words first (Material marks matched terms per item)
  function reorder(items) {
    return items
      .map(function (group, rank) { return { group: group, rank: rank, covered: coverage(group) } })
      .sort(function (a, b) {
        return b.covered[0] - a.covered[0] || b.covered[1] - a.covered[1] || a.rank - b.rank
      })
      .map(function (entry) { return entry.group })
  }

  // Every RESULT Material's worker posts is reordered on its way out. Stateless on purpose: iframe-worker (file://)
  // dispatches queued messages back to back in one microtask checkpoint, not one task each as a real Worker does,
  // so per-query state (a postMessage swapped while a query is answered) mixes up queries and loses every later
  // result. Material answers each QUERY with exactly one RESULT, in order.
  var post = self.postMessage
  self.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments)
    if (message && message.type === RESULT && message.data && Array.isArray(message.data.items))
      args[0] = Object.assign({}, message, { data: Object.assign({}, message.data, { items: reorder(message.data.items) }) })
    return post.apply(self, args)
  }

  // Wrap the message listener Material's worker registers: queries go in stemmed (see terms())
  var listen = self.addEventListener
  self.addEventListener = function (type, fn, options) {
    if (type !== "message") return listen.call(self, type, fn, options)
    return listen.call(self, type, function (ev) {
      var message = ev.data
      if (message && message.type === SETUP && message.data && message.data.config)
        lang = message.data.config.lang[0]
      if (message && message.type === QUERY) {
        var list
        try {
          list = terms(message.data)
        } catch (err) {
          console.warn("search-tillit.js: query left as typed", err)
        }
        if (list) {
          exact = {}
          list.forEach(function (t) { if (!t.wildcard) exact[t.stem] = true })
          try {
            return fn.call(this, { data: { type: QUERY, data: lunrQuery(list) } })
          } finally {
            exact = null
          }
        }
      }
      return fn.call(this, ev)
    }, options)
  }
  importScripts(new URL(material, script).href)      // next to this file, also inside iframe-worker's iframe
})()
