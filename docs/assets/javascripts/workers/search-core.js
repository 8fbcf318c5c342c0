// Tillit search, the pure part: query terms, accent folding, typo matching, ranking and "did you mean" suggestions.
// No DOM, no lunr: the stemmer and stop-word filter are passed in. Loaded by search-tillit.js with importScripts
// (it sets self.tillitSearch) and by the unit tests (tests/js/search-core.test.js) with require().
// The folding table is not here: tillit/search.py writes it (FOLD) into each index with the site's words, so the
// index side and this side fold the same way from one table.
(function (root) {
  "use strict"

  var MAX_QUERY = 200, MAX_WORD = 50   // longer input is cut (odd input: a 60-letter word)
  var FUZZY_MIN = 5                    // a typo is forgiven in words of five letters or more
  var MAX_ALTERNATIVES = 6             // alternative terms per query word (folded or fuzzy)
  var ENDING = 4                       // letters of an inflection ending after a stem ("-arna", "-ing")

  function fold(word, table) {
    var out = ""
    for (var i = 0; i < word.length; i++) out += table[word.charAt(i)] || word.charAt(i)
    return out
  }

  // Optimal string alignment distance: wrong, missing, extra or two swapped letters each count one
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1
    var prev2 = null, prev = [], i, j
    for (j = 0; j <= b.length; j++) prev.push(j)
    for (i = 1; i <= a.length; i++) {
      var row = [i], low = i
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1))
          d = Math.min(d, prev2[j - 2] + 1)
        row.push(d)
        low = Math.min(low, d)
      }
      if (low > max) return max + 1
      prev2 = prev
      prev = row
    }
    return prev[b.length]
  }

  // distance(a, b, 1) <= 1 in one pass (typo matching runs over every word of the site on each keystroke)
  function withinOne(a, b) {
    var la = a.length, lb = b.length, i = 0
    if (la - lb > 1 || lb - la > 1) return false
    while (i < la && i < lb && a.charAt(i) === b.charAt(i)) i++
    if (la > lb) return a.slice(i + 1) === b.slice(i)
    if (lb > la) return a.slice(i) === b.slice(i + 1)
    return i === la || a.slice(i + 1) === b.slice(i + 1) ||
      (a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2))
  }

  // The site's words (tillit/search.py: one surface form per stem, most frequent first), stemmed with the stemmer
  // the index uses. Built once per index.
  function vocabulary(words, stem, table) {
    var entries = [], stems = {}, byFold = {}
    words.forEach(function (word, rank) {
      var s = stem(word)
      if (!s) return
      var entry = { word: word, stem: s, folded: fold(word, table), foldedStem: fold(s, table), rank: rank }
      var key = stem(entry.folded)
      entries.push(entry)
      stems[s] = true
      ;(byFold[key] = byFold[key] || []).push(entry)
    })
    return { entries: entries, stems: stems, byFold: byFold, table: table, stem: stem }
  }

  // Does the site have this word (as a stem; as the start of a stem while it is still being typed)?
  function known(stem, wildcard, vocab) {
    if (!wildcard) return !!vocab.stems[stem]
    return vocab.entries.some(function (e) { return e.stem.lastIndexOf(stem, 0) === 0 })
  }

  function uniquePush(list, seen, term, wildcard, kind) {
    var key = term + (wildcard ? "*" : "")
    if (!term || seen[key] || list.length >= MAX_ALTERNATIVES) return
    seen[key] = true
    list.push({ stem: term, wildcard: wildcard, kind: kind })
  }

  // Alternatives for a word the site does not have: the same word with or without å/ä/ö/é (folded), else, in a word
  // of FUZZY_MIN letters or more, a word one typo away (fuzzy). A word the site has gets none: folding never turns
  // "andra" into "ändra" or "far" into "får" when the site has the word as typed.
  function alternatives(term, vocab) {
    var out = [], seen = {}, word = term.word, f = fold(word, vocab.table), n = word.length
    seen[term.stem + (term.wildcard ? "*" : "")] = true
    if (known(term.stem, term.wildcard, vocab)) return out
    ;(vocab.byFold[vocab.stem(f)] || []).forEach(function (e) { uniquePush(out, seen, e.stem, false, "folded") })
    if (term.wildcard) {
      vocab.entries.forEach(function (e) {
        if (e.folded.lastIndexOf(f, 0) === 0) uniquePush(out, seen, vocab.stem(e.word.slice(0, n)), true, "folded")
      })
      // typed past the one written form the vocabulary keeps ("förvaltningarn" -> förvaltning): the longest stems
      // the typed word starts with, followed by no more than an ending (not "tillit" in "tillitsdelegationn")
      vocab.entries
        .filter(function (e) {
          return e.foldedStem.length >= 4 && n - e.foldedStem.length <= ENDING && f.lastIndexOf(e.foldedStem, 0) === 0
        })
        .sort(function (a, b) { return b.foldedStem.length - a.foldedStem.length || a.rank - b.rank })
        .forEach(function (e) { uniquePush(out, seen, e.stem, false, "folded") })
    }
    if (out.length || n < FUZZY_MIN) return out
    var fs = fold(term.stem, vocab.table)
    vocab.entries.forEach(function (e) {
      var near = withinOne(f, e.folded) || withinOne(fs, e.foldedStem)
      if (!near && term.wildcard)   // the start of a longer word, typed with a typo
        for (var len = n - 1; len <= n + 1 && !near; len++) near = withinOne(f, e.folded.slice(0, len))
      if (near) uniquePush(out, seen, e.stem, false, "fuzzy")
    })
    return out
  }

  // Query -> words: plain words, stop words dropped, each stemmed; a leading + or - on a word is kept; the last word,
  // which may still be being typed, is a prefix. tools: {stem(word), isStopWord(word)}, and vocab for alternatives.
  function terms(query, tools, vocab) {
    var kept = [], all = []
    String(query).slice(0, MAX_QUERY).toLowerCase().split(/\s+/).forEach(function (chunk) {
      var op = /^[+-]/.test(chunk) ? chunk.charAt(0) : ""
      chunk.slice(op.length).split(/[^\p{L}\p{N}]+/u).forEach(function (word, i) {
        if (!word) return
        word = word.slice(0, MAX_WORD)
        var term = { op: i === 0 ? op : "", word: word, stem: tools.stem(word) }
        if (!term.stem) return
        all.push(term)
        if (term.op || !tools.isStopWord(word)) kept.push(term)
      })
    })
    var found = kept.length ? kept : all              // a query of stop words only still searches for them
    var open = found.length && !/\s$/.test(query)    // the last word may be unfinished: match it as a prefix
    return found.map(function (t, i) {
      var term = { op: t.op, word: t.word, stem: t.stem, wildcard: open && i === found.length - 1 }
      term.alternatives = vocab && !term.op ? alternatives(term, vocab) : []
      return term
    })
  }

  // Material appends "*" (prefix match) to each plain term; "^1" (boost 1) or a leading +/- keeps a term exact.
  // A word's alternatives follow it as plain (optional) terms.
  function lunrQuery(list) {
    function one(op, t) { return op + t.stem + (t.wildcard ? "" : op ? "" : "^1") }
    return list.map(function (t) {
      return [one(t.op, t)].concat(t.alternatives.map(function (a) { return one("", a) })).join(" ")
    }).join(" ")
  }

  // Material marks, per result, which query terms (clause terms: stems and prefixes) it matched. kinds maps each of
  // them to its query word and how it was found (exact, folded, fuzzy).
  function kinds(list) {
    var out = {}
    list.forEach(function (t, i) {
      if (!out[t.stem]) out[t.stem] = { word: i, kind: "exact" }
      t.alternatives.forEach(function (a) { if (!out[a.stem]) out[a.stem] = { word: i, kind: a.kind } })
    })
    return out
  }

  var QUALITY = { exact: 2, folded: 2, fuzzy: 1 }   // a word as written (with or without accents) beats a typo match

  // [query words the best section matches (counting its page's title and intro), quality of the page's matches,
  //  query words the page matches in all its sections]
  function coverage(group, map) {
    function matched(item) {
      var words = {}
      Object.keys(item.terms || {}).forEach(function (term) {
        if (!item.terms[term]) return
        var k = map && map[term] ? map[term] : { word: term, kind: "exact" }
        words[k.word] = Math.max(words[k.word] || 0, QUALITY[k.kind])
      })
      return words
    }
    var article = group.filter(function (item) { return item.location.indexOf("#") < 0 })[0]
    var inherited = article ? matched(article) : {}, page = {}, best = 0
    group.forEach(function (item) {
      var own = matched(item), count = 0
      Object.keys(inherited).forEach(function (w) { own[w] = Math.max(own[w] || 0, inherited[w]) })
      Object.keys(own).forEach(function (w) { count++; page[w] = Math.max(page[w] || 0, own[w]) })
      best = Math.max(best, count)
    })
    var quality = Object.keys(page).reduce(function (sum, w) { return sum + page[w] }, 0)
    return [best, quality, Object.keys(page).length]
  }

  // Pages with a section that matches more of the query's words first, then better matches (exact before typo),
  // then pages that match more words across sections; among equals, Material's order
  function reorder(items, map) {
    return items
      .map(function (group, rank) { return { group: group, rank: rank, covered: coverage(group, map) } })
      .sort(function (a, b) {
        return b.covered[0] - a.covered[0] || b.covered[1] - a.covered[1] || b.covered[2] - a.covered[2] ||
          a.rank - b.rank
      })
      .map(function (entry) { return entry.group })
  }

  // "Did you mean": for a query that found nothing, the query as typed with each word the site lacks replaced by
  // the site's closest word (accents ignored; one typo away in a word under five letters, two in longer ones); up to
  // `limit` such queries, closest first. [] when there is nothing to correct.
  function suggest(query, list, vocab, limit) {
    limit = limit || 3
    var replace = {}, lead = null, failed = false
    list.forEach(function (t) {
      if (known(t.stem, false, vocab) || t.word.length < 3 || replace[t.word]) return
      var f = fold(t.word, vocab.table), fs = fold(t.stem, vocab.table), max = t.word.length < FUZZY_MIN ? 1 : 2
      var near = []
      vocab.entries.forEach(function (e) {
        var d = Math.min(distance(f, e.folded, max), distance(fs, e.foldedStem, max))
        if (d <= max) near.push({ word: e.word, d: d, rank: e.rank })
      })
      near.sort(function (a, b) { return a.d - b.d || a.rank - b.rank })
      if (!near.length) failed = true
      else replace[t.word] = near.map(function (n) { return n.word })
      if (near.length && lead === null) lead = t.word
    })
    if (failed || lead === null) return []
    var parts = String(query).slice(0, MAX_QUERY).toLowerCase().trim().split(/([^\p{L}\p{N}]+)/u)
    return replace[lead].slice(0, limit).map(function (word) {
      return parts.map(function (part) {
        var key = part.slice(0, MAX_WORD)
        return key === lead ? word : replace[key] ? replace[key][0] : part
      }).join("")
    })
  }

  var api = { fold: fold, distance: distance, withinOne: withinOne, vocabulary: vocabulary, alternatives: alternatives, terms: terms,
              lunrQuery: lunrQuery, kinds: kinds, coverage: coverage, reorder: reorder, suggest: suggest }
  root.tillitSearch = api
  if (typeof module === "object" && module.exports) module.exports = api
})(typeof self !== "undefined" ? self : globalThis)
