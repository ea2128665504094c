/* on-page.js: every script's set-up runs on each page, whichever order mkdocs.yml lists the
 * scripts in (a site that lists them gets a new script at the end of its list). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { load } = require("./scripts.js");

const ON_PAGE = fs.readFileSync(path.join(__dirname, "..", "..", "site-templates", "assets", "mentor-gallery", "on-page.js"), "utf8");

/* Runs `code` in the page's sandbox, as one more script would. */
function run(window, code) {
  vm.runInContext(code, window);
}

const SET_UP = "(window.mentorGalleryOnPage = window.mentorGalleryOnPage || []).push(function () { window.ran.push(NAME); });";

test("a set-up handed over before on-page.js runs when on-page.js arrives", () => {
  const window = load([]);
  run(window, "window.ran = [];");
  run(window, SET_UP.replace("NAME", "'first'"));
  run(window, SET_UP.replace("NAME", "'second'"));
  assert.deepEqual([...window.ran], []);
  run(window, ON_PAGE);
  assert.deepEqual([...window.ran], ["first", "second"]);
});

test("a set-up handed over after on-page.js runs at once", () => {
  const window = load(["on-page.js"]);
  run(window, "window.ran = [];");
  run(window, SET_UP.replace("NAME", "'late'"));
  assert.deepEqual([...window.ran], ["late"]);
});

test("under instant navigation each set-up runs again on every page", () => {
  const window = load([]);
  run(window, `window.ran = []; var pages = [];
    window.document$ = { subscribe: function (f) { pages.push(f); f(); } };
    window.showPage = function () { pages.forEach(function (f) { f(); }); };`);
  run(window, SET_UP.replace("NAME", "'forms'"));
  run(window, ON_PAGE);
  run(window, SET_UP.replace("NAME", "'rounds'"));
  run(window, "window.showPage();");
  assert.deepEqual([...window.ran], ["forms", "rounds", "forms", "rounds"]);
});
