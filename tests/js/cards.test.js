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

/* Just enough of a DOM for drawCard: the golden model card parsed into elements that clone, find
 * a descendant by class or tag, and serialise as the server's templates escape. */
const VOID = new Set(["img", "input", "br"]);
const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  .replace(/"/g, "&#34;").replace(/'/g, "&#39;");
const unescape = (text) => text.replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<")
  .replace(/&gt;/g, ">").replace(/&amp;/g, "&");

class FakeText {
  constructor(text) { this.text = text; this.parent = null; }
  cloneNode() { return new FakeText(this.text); }
  get outerHTML() { return escape(this.text); }
}

class FakeElement {
  constructor(tag, attributes = []) { this.tag = tag; this.attributes = attributes; this.children = []; this.parent = null; }
  getAttribute(name) { const found = this.attributes.find(([n]) => n === name); return found ? found[1] : null; }
  setAttribute(name, value) {
    const found = this.attributes.find(([n]) => n === name);
    if (found) found[1] = String(value);
    else this.attributes.push([name, String(value)]);
  }
  append(...nodes) { for (const node of nodes) { node.parent = this; this.children.push(node); } }
  remove() { this.parent.children.splice(this.parent.children.indexOf(this), 1); this.parent = null; }
  set textContent(text) { this.children = []; this.append(new FakeText(text)); }
  get firstElementChild() { return this.children.find((c) => c instanceof FakeElement) || null; }
  cloneNode(deep) {
    const copy = new FakeElement(this.tag, this.attributes.map(([n, v]) => [n, v]));
    if (deep) copy.append(...this.children.map((c) => c.cloneNode(true)));
    return copy;
  }
  querySelector(selector) {
    const wanted = selector.startsWith(".")
      ? (e) => (e.getAttribute("class") || "").split(" ").includes(selector.slice(1))
      : (e) => e.tag === selector;
    for (const child of this.children) {
      if (!(child instanceof FakeElement)) continue;
      if (wanted(child)) return child;
      const found = child.querySelector(selector);
      if (found) return found;
    }
    return null;
  }
  get outerHTML() {
    const open = this.attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join("");
    return VOID.has(this.tag) ? `<${this.tag}${open}>` : `<${this.tag}${open}>${this.children.map((c) => c.outerHTML).join("")}</${this.tag}>`;
  }
}

/* Well-formed markup of our own templates (no comments, no unquoted attributes) into a tree. */
function parse(html) {
  const top = new FakeElement("#fragment");
  let at = top;
  for (const [, closing, tag, rest, text] of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (text !== undefined) at.append(new FakeText(unescape(text)));
    else if (closing) at = at.parent;
    else {
      const attributes = Array.from(rest.matchAll(/([a-z-]+)(?:="([^"]*)")?/g), ([, name, value]) => [name, unescape(value ?? "")]);
      const node = new FakeElement(tag, attributes);
      at.append(node);
      if (!VOID.has(tag)) at = node;
    }
  }
  return top;
}

test("a drawn card is the card the server draws (golden gallery page), cloned from the golden model", async () => {
  const { window, table } = await golden();
  const template = parse(fs.readFileSync(path.join(GOLDEN, "card-template.html"), "utf8").trim()).firstElementChild;
  assert.equal(template.getAttribute("data-card-template"), "");
  const model = template.firstElementChild;
  const before = model.outerHTML;
  const page = fs.readFileSync(path.join(GOLDEN, "gallery.html"), "utf8");
  for (let i = 0; i < table.count; i++) {
    const served = page.match(new RegExp(`<li class="mg-card[^"]*" data-mentor="${table.slug(i)}".*?</p></li>`))[0];
    assert.equal(window.mentorGalleryCards.drawCard(table, i, "../", model).outerHTML, served);
  }
  assert.equal(model.outerHTML, before); // the model stays as the server drew it
});
