/* Folding as the Python slugs fold (tests/fixtures/folding_cases.json, held to slugs.py by
 * tests/unit/test_js_data.py): the search's fold and queryWords, and the slugs gallery-cards.js
 * computes for the cards gallery-cards.json leaves to it. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { FIXTURES, load, plain, readJson } = require("./scripts.js");

const FOLDING = readJson(path.join(FIXTURES, "folding_cases.json"));

function search() {
  const window = load(["gallery-search.js"]);
  window.mentorGallerySearch.setExtraFolds(FOLDING.extra_folds); // as the gallery page hands it over
  return window.mentorGallerySearch;
}

test("fold agrees with slugs.fold on every case", () => {
  const { fold } = search();
  for (const c of FOLDING.cases) assert.equal(fold(c.text), c.fold, c.text);
});

test("letters without a decomposition fold only with the page's table", () => {
  const window = load(["gallery-search.js"]);
  assert.equal(window.mentorGallerySearch.fold("Ørsted"), "ørsted");
  window.mentorGallerySearch.setExtraFolds(FOLDING.extra_folds);
  assert.equal(window.mentorGallerySearch.fold("Ørsted"), "orsted");
});

test("queryWords: folded runs of letters and digits, each once", () => {
  const { queryWords } = search();
  assert.deepEqual(plain(queryWords("  Díaz, DIAZ & Straße/2024 ")), ["diaz", "strasse", "2024"]);
  assert.deepEqual(plain(queryWords("— · —")), []);
});

test("a card whose slug the data file leaves out gets slugs.slugify of its name", async () => {
  const names = FOLDING.cases.map((c) => c.text);
  const cards = { count: names.length, profile: ["mentors/", "/"], columns: { slug: names.map(() => 0), name: names, data: {} } };
  const window = load(["gallery-search.js", "gallery-cards.js"], { "gallery-cards.json": cards });
  window.mentorGallerySearch.setExtraFolds(FOLDING.extra_folds);
  const table = await window.mentorGalleryCards.loadCards(`${window.location.href}gallery-cards.json`);
  FOLDING.cases.forEach((c, i) => assert.equal(table.slug(i), c.slug, c.text));
});
