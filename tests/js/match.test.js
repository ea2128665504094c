/* The browser's scorer and team builder (match.js): the shared scoring cases (the same fixture
 * tests/unit/test_scoring.py holds scoring.py to), with the constants the golden match-data.json
 * carries, and the advisory team's smallest cover and its tie-breaks. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { BASE, FIXTURES, GOLDEN, load, plain, readJson } = require("./scripts.js");

const CASES = readJson(path.join(FIXTURES, "scoring_cases.json")).cases;
const MATCH_DATA = readJson(path.join(GOLDEN, "match-data.json"));
const WEIGHTS = { needs: 50, region: 20, frequency: 10, meeting: 10, program: 10, remote_region: 50 }; // scoring.Weights()

async function matcher() {
  const window = load(["match.js"], { "match-data.json": MATCH_DATA });
  const data = await window.MentorMatch.load(`${BASE}match-data.json`);
  return { match: window.MentorMatch, data };
}

test("the scorer reproduces every shared scoring case", async () => {
  const { match, data } = await matcher();
  for (const c of CASES) {
    const options = { ...data.options, weights: c.weights, maxAreas: c.max_areas };
    const got = match.score(c.mentor, c.applicant, options);
    assert.deepEqual(plain({ score: got.value, reasons: got.reasons, admissible: match.admissible(c.mentor, c.applicant) }),
      c.expected, c.case);
  }
});

test("ranked: the admissible only, best first, then by slug", async () => {
  const { match, data } = await matcher();
  const finance = data.expertise.finance;
  const mentors = [
    mentor("zed", ["finance"]), mentor("amy", ["finance"]), mentor("bob", ["police"]), { ...mentor("cat", ["finance"]), available: false },
    mentor("dan", ["finance"], [], "piedmont"),
  ];
  const applicant = { name: "", needs: [finance], region: data.regions.western, remote: true, frequency: null, meeting: [], program: null };
  const results = match.ranked(mentors, applicant, { ...data.options, weights: WEIGHTS });
  assert.deepEqual(plain(results.map((r) => r.mentor.slug)), ["amy", "zed", "dan"]);
  assert.ok(results[0].score.value > results[2].score.value);
});

function mentor(slug, areas, roles = [], region = "western", organization = slug) {
  const term = (s) => ({ slug: s, label: s[0].toUpperCase() + s.slice(1) });
  return { slug, name: slug, title: "Manager", organization, expertise: areas.map(term), region: term(region), frequency: null,
    meeting: [], programs: [], roles: roles.map(term), available: true };
}

function teamOf(match, data, mentors, areas) {
  const terms = areas.map((s) => ({ slug: s, label: s }));
  const options = { ...data.options, weights: WEIGHTS, roles: ["coach", "sponsor", "expert"].map((s) => ({ slug: s, label: s })) };
  const result = match.team(mentors, terms, options);
  return plain({ members: result.members.map((m) => m.mentor.slug), uncovered: result.uncovered.map((t) => t.slug),
    roles: result.roles.map((t) => t.slug), complete: result.complete });
}

test("a team: the fewest available mentors who cover the areas", async () => {
  const { match, data } = await matcher();
  const mentors = [mentor("a", ["finance", "hr"]), mentor("b", ["police"]), mentor("c", ["finance", "hr", "police"]),
    { ...mentor("d", ["finance", "hr", "police", "fire"]), available: false }];
  assert.deepEqual(teamOf(match, data, mentors, ["finance", "hr", "police"]),
    { members: ["c"], uncovered: [], roles: [], complete: true });
  assert.deepEqual(teamOf(match, data, mentors, ["police", "fire"]),
    { members: ["b"], uncovered: ["fire"], roles: [], complete: true }); // d would cover fire, but is full
  assert.deepEqual(teamOf(match, data, mentors, ["fire"]), { members: [], uncovered: ["fire"], roles: [], complete: true });
});

test("among teams of one size: more ways of helping, then more organizations", async () => {
  const { match, data } = await matcher();
  const mentors = [mentor("a", ["finance"], ["coach"]), mentor("b", ["police"], ["coach"]), mentor("c", ["police"], ["sponsor"])];
  assert.deepEqual(teamOf(match, data, mentors, ["finance", "police"]).members, ["a", "c"]);
  const same = [mentor("a", ["finance"], [], "western", "Town"), mentor("b", ["police"], [], "western", " town "),
    mentor("c", ["police"], [], "western", "County")];
  assert.deepEqual(teamOf(match, data, same, ["finance", "police"]).members, ["a", "c"]);
});
