/* The gallery's word index (gallery-search.js) over the golden index the server wrote for the
 * golden roster (positions in the gallery's order: 0 Ana Díaz, 1 Bo Lee, 2 Cy Ng), and over a
 * small index of several chunks written out here, in the format site/word_index.py documents. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { GOLDEN, load, plain, readJson } = require("./scripts.js");

const MANIFEST = "https://example.org/mentor-gallery/mentors/search-index.json";

function index(files) {
  const window = load(["gallery-search.js"], files);
  return { window, index: window.mentorGallerySearch.wordIndex(MANIFEST) };
}

async function positions(index, text) {
  const words = index.window.mentorGallerySearch.queryWords(text);
  if (index.index.hits(words) === null) await index.index.load(words);
  const hits = plain(index.index.hits(words));
  return hits.flatMap((hit, i) => (hit ? [i] : []));
}

function golden() {
  return index({
    "search-index.json": readJson(path.join(GOLDEN, "search-index.json")),
    "search-index-0.json": readJson(path.join(GOLDEN, "search-index-0.json")),
  });
}

test("a mentor matches when every query word begins one of its words", async () => {
  const g = golden();
  assert.deepEqual(await positions(g, "ana"), [0]);
  assert.deepEqual(await positions(g, "fin"), [0, 1]); // Finance (Ana's area, Bo's title)
  assert.deepEqual(await positions(g, "FIRE chief"), [2]); // Ana has fire, not chief
  assert.deepEqual(await positions(g, "of"), [0, 1, 2]); // a word every mentor has: written as a bitmap
  assert.deepEqual(await positions(g, "Díaz"), [0]);
  assert.deepEqual(await positions(g, "zzz"), []);
  assert.deepEqual(await positions(g, ""), [0, 1, 2]);
});

test("nothing is known before the manifest and the chunks arrive", async () => {
  const g = golden();
  assert.equal(g.index.hits(["ana"]), null);
  await g.index.load(["ana"]);
  assert.notEqual(g.index.hits(["ana"]), null);
  assert.deepEqual(g.window.fetch.asked, ["search-index.json", "search-index-0.json"]);
});

// Three chunks of a roster of 20: gaps in base 36 ("0,a" is positions 0 and 11), or "~" and a
// base64 bitmap ("AIAI": bytes 0x00 0x80 0x08, positions 15 and 19).
const CHUNKED = {
  "search-index.json": { count: 20, chunks: [["", "c0.json"], ["fire", "c1.json"], ["planning", "c2.json"]] },
  "c0.json": { words: ["budget", "finance", "finances"], mentors: ["3", "0,a", "j"] },
  "c1.json": { words: ["fire", "first", "fiscal"], mentors: ["1", "2", "~AIAI"] },
  "c2.json": { words: ["planning", "police"], mentors: ["0,0,0", "5"] },
};

test("a word is looked up in the chunks its range falls in, and only those are fetched", async () => {
  const c = index(CHUNKED);
  assert.deepEqual(await positions(c, "budget"), [3]);
  assert.deepEqual(c.window.fetch.asked, ["search-index.json", "c0.json"]);
  assert.deepEqual(await positions(c, "finance"), [0, 11, 19]); // finance and finances
  // "fi" begins words of the first two chunks: both are read, the positions united.
  assert.deepEqual(await positions(c, "fi"), [0, 1, 2, 11, 15, 19]);
  assert.deepEqual(c.window.fetch.asked, ["search-index.json", "c0.json", "c1.json"]);
  assert.deepEqual(await positions(c, "pl"), [0, 1, 2]);
  assert.deepEqual(await positions(c, "po fin"), []); // police is 5; finance 0, 11, 19
  assert.deepEqual(await positions(c, "fis"), [15, 19]); // a bitmap: bit i of byte i >> 3
});
