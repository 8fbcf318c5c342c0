// Unit tests of the search worker's pure functions (docs/assets/javascripts/workers/search-core.js), without a
// browser or lunr: `node --test tests/js/` (tests/test_search.py runs it). The stemmer is a stand-in that strips a
// few Swedish endings; the folding table is the one tillit/search.py writes into the index (read from there).
"use strict"
const test = require("node:test")
const assert = require("node:assert/strict")
const fs = require("node:fs")
const path = require("node:path")
const core = require("../../docs/assets/javascripts/workers/search-core.js")

// FOLD from tillit/search.py, so the tests use the site's one table
const hook = fs.readFileSync(path.join(__dirname, "../../tillit/search.py"), "utf8")
const FOLD = JSON.parse(hook.match(/^FOLD = (\{.*\})$/m)[1])

const STOP = new Set(["och", "i", "är", "en", "vad", "för", "att"])
const stem = word => word.replace(/(arna|erna|en|et|ar|er|na|n)$/, "") || word
const tools = { stem, isStopWord: w => STOP.has(w) }
// the site's words, most frequent first (as vocabulary() in the hook writes them)
const WORDS = ["falköping", "återremiss", "förvaltningen", "kompetensförsörjning", "tillitsdelegationen",
               "andra", "ändra", "styrning", "gråzon", "palindrom", "borås", "workshop"]
const vocab = core.vocabulary(WORDS, stem, FOLD)

const stems = list => list.map(t => [t.stem, t.wildcard, t.alternatives.map(a => `${a.kind}:${a.stem}${a.wildcard ? "*" : ""}`)])

test("fold takes å, ä, ö (and é) off, letter for letter", () => {
  assert.equal(core.fold("falköping", FOLD), "falkoping")
  assert.equal(core.fold("återremiss", FOLD), "aterremiss")
  assert.equal(core.fold("förvaltning", FOLD), "forvaltning")
  assert.equal(core.fold("idé", FOLD), "ide")
  assert.equal(core.fold("styrning", FOLD), "styrning")
})

test("distance counts a wrong, missing, extra or swapped letter as one", () => {
  assert.equal(core.distance("återemiss", "återremiss", 2), 1)             // missing
  assert.equal(core.distance("tillitsdelegationenn", "tillitsdelegationen", 2), 1)   // extra
  assert.equal(core.distance("palindorm", "palindrom", 2), 1)              // swapped
  assert.equal(core.distance("styrnibg", "styrning", 2), 1)                // wrong
  assert.equal(core.distance("strynign", "styrning", 2), 2)
  assert.equal(core.distance("abc", "abcdefgh", 2), 3)                      // capped: max + 1
  for (const [a, b] of [["återemiss", "återremiss"], ["palindorm", "palindrom"], ["styrnibg", "styrning"],
                        ["workshopp", "workshop"], ["strynign", "styrning"], ["abc", "abc"], ["ab", "ba"], ["", "a"]])
    assert.equal(core.withinOne(a, b), core.distance(a, b, 1) <= 1, `${a} ${b}`)
})

test("terms: stop words dropped, the last word a prefix while typed, a trailing space closes it", () => {
  assert.deepEqual(stems(core.terms("vad är styrningen", tools)), [["styrning", true, []]])
  assert.deepEqual(stems(core.terms("styrningen och ", tools)), [["styrning", false, []]])
  assert.deepEqual(core.terms("+styrning -kontroll", tools).map(t => t.op + t.stem), ["+styrning", "-kontroll"])
  assert.deepEqual(core.terms("och", tools).map(t => t.stem), ["och"])     // only stop words: still searched
})

test("odd input makes no terms or harmless ones", () => {
  for (const odd of ["~", "*", '"', "^2", "+-", "\\", "   ", ""])
    assert.deepEqual(core.terms(odd, tools, vocab).filter(t => !/^[\p{L}\p{N}]+$/u.test(t.stem)), [], odd)
  const long = core.terms("å".repeat(60), tools, vocab)
  assert.equal(long.length, 1)
  assert.equal(long[0].word.length, 50)                                     // cut, not an error
  assert.equal(core.lunrQuery(core.terms("^2", tools, vocab)), "2")
})

test("a word without å/ä/ö finds the word with them; a word the site has is left alone", () => {
  assert.deepEqual(stems(core.terms("falkoping ", tools, vocab)), [["falkoping", false, ["folded:falköping"]]])
  assert.deepEqual(stems(core.terms("aterremiss ", tools, vocab)), [["aterremiss", false, ["folded:återremiss"]]])
  assert.deepEqual(stems(core.terms("forvaltningen ", tools, vocab)), [["forvaltning", false, ["folded:förvaltning"]]])
  // typed key by key: the start of a word, folded; past the word's written form in the vocabulary
  assert.deepEqual(stems(core.terms("falkop", tools, vocab)), [["falkop", true, ["folded:falköp*"]]])
  assert.deepEqual(stems(core.terms("forvaltningarn", tools, vocab)), [["forvaltningar", true, ["folded:förvaltning"]]])
  // "andra" (others) and "ändra" (to change) are both on the site: neither turns into the other
  assert.deepEqual(stems(core.terms("andra ", tools, vocab)), [["andra", false, []]])
  assert.deepEqual(stems(core.terms("ändra ", tools, vocab)), [["ändra", false, []]])
  assert.deepEqual(stems(core.terms("falköping ", tools, vocab)), [["falköping", false, []]])
})

test("one typo is forgiven in a word of five letters or more, not in a shorter one", () => {
  assert.deepEqual(stems(core.terms("återemiss ", tools, vocab)), [["återemiss", false, ["fuzzy:återremiss"]]])
  assert.deepEqual(stems(core.terms("kompetensförsörjnig", tools, vocab)),
                   [["kompetensförsörjnig", true, ["fuzzy:kompetensförsörjning"]]])
  assert.deepEqual(stems(core.terms("workshopp ", tools, vocab)), [["workshopp", false, ["fuzzy:workshop"]]])
  // its stem is the start of a word of the site: a prefix match already, no guess needed
  assert.deepEqual(stems(core.terms("tillitsdelegationn", tools, vocab)), [["tillitsdelegation", true, []]])
  assert.deepEqual(stems(core.terms("palindorm ", tools, vocab)), [["palindorm", false, ["fuzzy:palindrom"]]])
  assert.deepEqual(stems(core.terms("bors ", tools, vocab)), [["bors", false, []]])   // four letters: no guess
  // a stem at the start of a long typo is a part, not the word: the typo match wins
  const plain = core.vocabulary(["tillit", "tillitsdelegationen"], w => w, FOLD)
  assert.deepEqual(stems(core.terms("tillitsdelegationn", { stem: w => w, isStopWord: () => false }, plain)),
                   [["tillitsdelegationn", true, ["fuzzy:tillitsdelegationen"]]])
  assert.deepEqual(stems(core.terms("strynign ", tools, vocab)), [["strynig", false, []]])   // two typos: none
})

test("lunrQuery keeps whole words exact and puts the alternatives beside them", () => {
  assert.equal(core.lunrQuery(core.terms("falkoping styrning", tools, vocab)), "falkoping^1 falköping^1 styrning")
  assert.equal(core.lunrQuery(core.terms("+styrning falkop", tools, vocab)), "+styrning falkop falköp")
})

const item = (location, terms) => ({ location, terms })

test("ranking: the exact word above a typo match, more words above fewer, else Material's order", () => {
  const list = core.terms("förvaltning styrning ", tools, vocab)
  const map = core.kinds(list)
  map["förvaltnin"] = { word: 0, kind: "fuzzy" }   // as if "förvaltnin" had been a typo alternative of word 0
  const fuzzy = [item("a/", { "förvaltnin": true })]
  const exact = [item("b/", { "förvaltning": true })]
  const both = [item("c/", { "förvaltnin": true }), item("c/#x", { styrning: true })]
  const order = core.reorder([fuzzy, exact, both], map).map(group => group[0].location)
  assert.deepEqual(order, ["c/", "b/", "a/"])
  assert.deepEqual(core.reorder([exact, fuzzy], map).map(g => g[0].location), ["b/", "a/"])
  const equal = [[item("x/", { styrning: true })], [item("y/", { styrning: true })]]
  assert.deepEqual(core.reorder(equal, map).map(g => g[0].location), ["x/", "y/"])
})

test("did you mean: the closest words of the site, in the query as typed", () => {
  const ask = q => core.suggest(q, core.terms(q, tools, vocab), vocab)
  assert.deepEqual(ask("falkopinng"), ["falköping"])                        // two typos away: only suggested
  assert.deepEqual(ask("vad är gråzzonn"), ["vad är gråzon"])
  assert.deepEqual(ask("styrning i boraas"), ["styrning i borås"])
  assert.deepEqual(ask("styrning"), [])                                      // every word is on the site
  assert.deepEqual(ask("xqzvbn"), [])                                        // nothing near
  assert.deepEqual(ask("~"), [])
})
