/* Not a test to run: `tsc --checkJs` (jsconfig.json) reads it, and holds each golden data file
 * (written by the server for the golden roster, tests/golden/expected/) to the shape the browser
 * scripts are typed with (types/mentor-gallery.d.ts). A field renamed, dropped or retyped on
 * either side fails the check. */
"use strict";

/** @type {MentorGalleryData.MatchData} */
const matchData = require("../golden/expected/match-data.json");
/** @type {MentorGalleryData.SearchManifest} */
const searchManifest = require("../golden/expected/search-index.json");
/** @type {MentorGalleryData.SearchChunk} */
const searchChunk = require("../golden/expected/search-index-0.json");
/** @type {MentorGalleryData.Cards} */
const galleryCards = require("../golden/expected/gallery-cards.json");

module.exports = { matchData, searchManifest, searchChunk, galleryCards };
