// Tillit search worker: Material's own search worker, with queries stemmed like the index (tillit/search.py).
// Loaded as new Worker(".../search-tillit.js?worker=search.<hash>.min.js") from overrides/main.html.
// - Material appends a wildcard to every query word and lunr then skips its stemmer, so "styrningen*" never met
//   the stemmed index term "styrning". Here each word is stemmed first, with the stemmer the index uses.
// - Whole words match exactly (as stems); only the last word, which may still be being typed, gets the wildcard.
// - A word the site does not have also searches for the site's words it matches without å/ä/ö or with one typo
//   (five letters or more); pages with a section that matches more of the query's words come first, then better
//   matches (as written before a typo match), then pages that match more words across sections; else Material's order.
// - A query that finds nothing gets "did you mean" words in its result (tillit.js shows them).
// The pure functions for all this are in search-core.js, loaded next to this file (and unit-tested in tests/js/).
(function () {
  "use strict"
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
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

  // The pure part (query terms, folding, typos, ranking, suggestions) is workers/search-core.js (self.tillitSearch).
  // config.tillit (tillit/search.py): the folding table, the site's words, the question words.
  var extra = { fold: {}, words: [], question_words: [] }, vocab = null
  function language() { return lang === "en" ? self.lunr : self.lunr[lang] }   // lunr itself is English
  function tools() {
    var fns = language(), questions = {}
    extra.question_words.forEach(function (w) { questions[w] = true })
    return {
      stem: function (word) { return fns.stemmer(new self.lunr.Token(word)).toString() },
      isStopWord: function (word) { return questions[word] || !fns.stopWordFilter(new self.lunr.Token(word)) }
    }
  }
  function vocabulary() {   // after Material's SETUP has loaded lunr.<lang>: the words stemmed like the index
    if (!vocab) vocab = self.tillitSearch.vocabulary(extra.words, tools().stem, extra.fold)
    return vocab
  }

  // Every RESULT Material's worker posts is reordered on its way out. Stateless on purpose: iframe-worker (file://)
  // dispatches queued messages back to back in one microtask checkpoint, not one task each as a real Worker does,
  // so per-query state (a postMessage swapped while a query is answered) mixes up queries and loses every later
  // result. Material answers each QUERY with exactly one RESULT, in order.
  // The one piece of per-query state is a queue of what each QUERY asked for (its terms, for the ranking and the
  // suggestion), taken off in order by the RESULT that answers it.
  var asked = []
  var post = self.postMessage
  self.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments)
    if (message && message.type === READY) vocabulary()   // stemmed once, before the first query
    if (message && message.type === RESULT && message.data && Array.isArray(message.data.items)) {
      var query = asked.shift() || { list: [] }, core = self.tillitSearch, data = {}
      try {
        data.items = core.reorder(message.data.items, core.kinds(query.list))
        // nothing found: "did you mean" (the page shows it: tillit.js, from the result's tillit.suggest)
        if (!data.items.length && query.list.length) data.tillit = { suggest: core.suggest(query.text, query.list, vocabulary()) }
      } catch (err) {
        console.warn("search-tillit.js: result left as Material made it", err)
      }
      args[0] = Object.assign({}, message, { data: Object.assign({}, message.data, data) })
    }
    return post.apply(self, args)
  }

  // Wrap the message listener Material's worker registers: queries go in stemmed (see terms())
  var listen = self.addEventListener
  self.addEventListener = function (type, fn, options) {
    if (type !== "message") return listen.call(self, type, fn, options)
    return listen.call(self, type, function (ev) {
      var message = ev.data
      if (message && message.type === SETUP && message.data && message.data.config) {
        lang = message.data.config.lang[0]
        extra = Object.assign(extra, message.data.config.tillit)
        vocab = null
      }
      if (message && message.type === QUERY) {
        var list, core = self.tillitSearch
        try {
          list = core.terms(message.data, tools(), vocabulary())
        } catch (err) {
          console.warn("search-tillit.js: query left as typed", err)
        }
        asked.push({ text: String(message.data), list: list || [] })   // one entry per QUERY, even a failed one
        if (list) {
          exact = {}
          list.forEach(function (t) {
            if (!t.wildcard) exact[t.stem] = true
            t.alternatives.forEach(function (a) { if (!a.wildcard) exact[a.stem] = true })
          })
          try {
            return fn.call(this, { data: { type: QUERY, data: core.lunrQuery(list) } })
          } finally {
            exact = null
          }
        }
      }
      return fn.call(this, ev)
    }, options)
  }
  // next to this file, also inside iframe-worker's iframe (whose importScripts loads one call's scripts in order)
  importScripts(new URL("search-core.js", script).href, new URL(material, script).href)
})()
