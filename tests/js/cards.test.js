/* The card table of a long roster (gallery-cards.js) over the golden gallery-cards.json, which
 * tests/unit/test_js_data.py keeps equal to what the server publishes: every column read back as
 * the server wrote it, the data- attributes as the filters read them, and a drawn card equal,
 * character for character, to the card the server drew in the golden gallery page. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { GOLDEN, load, plain, readJson } = require("./scripts.js");

const CARDS = readJson(path.join(GOLDEN, "gallery-cards.json"));
const URL_OF_CARDS = "https://example.org/mentor-gallery/mentors/gallery-cards.json";

async function golden() {
  const window = load(["gallery-search.js", "gallery-cards.js"], { "gallery-cards.json": CARDS });
  return { window, table: await window.mentorGalleryCards.loadCards(URL_OF_CARDS) };
}

test("every card's fields read back from their columns", async () => {
  const { table } = await golden();
  assert.equal(table.count, 3);
  assert.deepEqual([0, 1, 2].map((i) => table.slug(i)), ["ana-diaz", "bo-lee", "cy-ng"]);
  assert.deepEqual([0, 1, 2].map((i) => table.value("region", i)), ["Western", "Piedmont", "Western"]);
  assert.equal(table.value("place_detail", 1), null);
  assert.equal(table.value("photo_url", 0), null); // a column no card has is left out of the file
  assert.equal(table.value("availability", 1), "0Not accepting new mentees");
  assert.deepEqual(plain(table.values("areas", 0)), [["Finance", "mentors/?expertise=finance"],
    ["Fire/Emergency Medical Services", "mentors/?expertise=fire-ems"]]);
  assert.deepEqual(plain(table.values("roles", 0)), []);
});

test("a data- attribute as the filters read it: words, and per card its positions in them", async () => {
  const { table } = await golden();
  const meeting = plain(table.attribute("meeting"));
  assert.deepEqual(meeting.words, ["video", "phone", ""]);
  assert.deepEqual(meeting.offsets, [0, 2, 3, 4]);
  assert.deepEqual(meeting.values, [0, 1, 2, 2]);
  // "same": accepting shares the program column's positions.
  const accepting = plain(table.attribute("accepting"));
  assert.deepEqual(accepting.words, ["1", "0"]);
  assert.deepEqual(accepting.values, [0, 1, 1]);
  const missing = plain(table.attribute("no-such-attribute"));
  assert.deepEqual([missing.words, missing.values], [[], []]);
  assert.equal(table.dataValue(table.data.find((c) => c.key === "expertise"), 0), "finance fire-ems");
});

test("a column naming an unknown column is refused", async () => {
  const broken = structuredClone(CARDS);
  broken.columns.data.accepting.same = "data.nothing";
  const window = load(["gallery-search.js", "gallery-cards.js"], { "gallery-cards.json": broken });
  await assert.rejects(window.mentorGalleryCards.loadCards(URL_OF_CARDS), /unknown data.nothing/);
});

test("a failed fetch is tried again on the next visit; a good one is kept", async () => {
  const window = load(["gallery-search.js", "gallery-cards.js"], {});
  await assert.rejects(window.mentorGalleryCards.loadCards(URL_OF_CARDS), /HTTP 404/);
  await assert.rejects(window.mentorGalleryCards.loadCards(URL_OF_CARDS), /HTTP 404/);
  assert.equal(window.fetch.asked.length, 2);
  const { window: good } = await golden();
  await good.mentorGalleryCards.loadCards(URL_OF_CARDS);
  assert.equal(good.fetch.asked.length, 1);
});

/* Just enough of a document for drawCard, serialised as the server's templates escape. */
function fakeDocument() {
  const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&#34;").replace(/'/g, "&#39;");
  function createElement(tag) {
    const attributes = [];
    const children = [];
    return {
      setAttribute(name, value) { attributes.push([name, String(value)]); },
      append(...nodes) { children.push(...nodes); },
      set textContent(text) { children.splice(0, children.length, { outerHTML: escape(text) }); },
      get outerHTML() {
        const open = attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join("");
        return `<${tag}${open}>${children.map((child) => child.outerHTML).join("")}</${tag}>`;
      },
    };
  }
  return { createElement };
}

test("a drawn card is the card the server draws (golden gallery page)", async () => {
  const { window, table } = await golden();
  window.document = fakeDocument();
  const page = fs.readFileSync(path.join(GOLDEN, "gallery.html"), "utf8");
  for (let i = 0; i < table.count; i++) {
    const served = page.match(new RegExp(`<li class="mg-card[^"]*" data-mentor="${table.slug(i)}".*?</p></li>`))[0];
    assert.equal(window.mentorGalleryCards.drawCard(table, i, "../", "h3").outerHTML, served);
  }
});
