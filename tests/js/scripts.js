/* The gallery's browser scripts, run in Node as the page runs them: each is a plain script that
 * hands its functions to the others on `window`, so they are loaded into one sandbox whose global
 * is that window, with no page around them (document.querySelector finds nothing, so no tool
 * starts) and fetch answered from files on disk. */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..", "..");
const ASSETS = path.join(ROOT, "site-templates", "assets", "mentor-gallery");
const GOLDEN = path.join(ROOT, "tests", "golden", "expected");
const FIXTURES = path.join(ROOT, "tests", "fixtures");
const BASE = "https://example.org/mentor-gallery/mentors/"; // where the data files are fetched from

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/* A fetch that serves `files` (name beside BASE -> JSON value) and counts what was asked for. */
function fakeFetch(files) {
  const asked = [];
  function fetch(url) {
    const name = String(url).startsWith(BASE) ? String(url).slice(BASE.length) : String(url);
    asked.push(name);
    const found = Object.prototype.hasOwnProperty.call(files, name);
    return Promise.resolve({ ok: found, status: found ? 200 : 404, json: () => Promise.resolve(structuredClone(files[name])) });
  }
  fetch.asked = asked;
  return fetch;
}

/* Runs the named scripts (in page order) in a fresh sandbox; returns its window. */
function load(names, files = {}) {
  const listeners = () => {};
  const window = vm.createContext({
    console, URL, URLSearchParams, atob, setTimeout, clearTimeout, structuredClone,
    fetch: fakeFetch(files),
    addEventListener: listeners,
    location: new URL(BASE),
    document: { readyState: "complete", querySelector: () => null, querySelectorAll: () => [], addEventListener: listeners },
  });
  window.window = window;
  for (const name of names) {
    vm.runInContext(fs.readFileSync(path.join(ASSETS, name), "utf8"), window, { filename: name });
  }
  return window;
}

/* A value made in the sandbox (its arrays and typed arrays) as plain arrays of this realm, so that
   deepStrictEqual compares contents, not realms. */
function plain(value) {
  return JSON.parse(JSON.stringify(value, (key, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v)));
}

module.exports = { BASE, FIXTURES, GOLDEN, load, plain, readJson };
