/* Mentors Gallery: folding text as the server does, and the gallery's word index in chunks.
 *
 * The server writes the index (site/word_index.py): a manifest naming chunks of consecutive
 * words, and per word the positions, in the gallery's default order, of the mentors who have it.
 * A query word needs only the chunks whose range of words it begins, so a search fetches the
 * manifest and a chunk or two, not the whole index. A mentor matches when every query word begins
 * one of its words: per query word, the union of the positions of the words it begins; across the
 * query words, the intersection. gallery.js asks for `hits(words)` and, when that says the chunks
 * are not here yet, for `load(words)`.
 */
(() => {
  "use strict";
  if (window.mentorGallerySearch) return;

  /* ---- Folding: the same rule as slugs.fold in Python --------------------------------------
   * NFKD, drop combining marks, lowercase, then the letters without a decomposition (ø, ß, …),
   * whose table the page carries (data-extra-folds) from slugs.EXTRA_FOLDS. Python drops marks
   * with a non-zero combining class; \p{Mn} differs from that only for a few marks of non-Latin
   * scripts, which the search drops anyway since it matches runs of [a-z0-9]. */
  const MARKS = /\p{Mn}/gu;
  let extraFolds = {};
  let extraFoldPattern = null;

  function setExtraFolds(table) {
    extraFolds = table || {};
    const keys = Object.keys(extraFolds).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    extraFoldPattern = keys.length ? new RegExp(keys.join("|"), "g") : null;
  }

  function fold(text) {
    const folded = String(text).normalize("NFKD").replace(MARKS, "").toLowerCase();
    return extraFoldPattern ? folded.replace(extraFoldPattern, (ch) => extraFolds[ch]) : folded;
  }

  function queryWords(text) {
    const words = fold(text).split(/[^a-z0-9]+/).filter(Boolean);
    return [...new Set(words)];
  }

  /* ---- Reading the index ----------------------------------------------------------------- */

  const TILDE = 126; // "~": a bitmap follows; it also sorts after every [a-z0-9]
  const COMMA = 44;

  /* Mark the positions one word's entry lists: base-36 gaps ("0,4,1c" is 0, 5, 54) or "~" and
     a base64 bitmap (bit i of byte i >> 3, least significant first). */
  function markPositions(encoded, hits) {
    if (encoded.charCodeAt(0) === TILDE) {
      const bytes = atob(encoded.slice(1));
      const limit = hits.length;
      for (let b = 0; b < bytes.length; b++) {
        const byte = bytes.charCodeAt(b);
        if (byte === 0) continue;
        for (let bit = 0; bit < 8; bit++) {
          if (byte & (1 << bit) && (b << 3) + bit < limit) hits[(b << 3) + bit] = 1;
        }
      }
      return;
    }
    let position = -1;
    let gap = 0;
    for (let i = 0, n = encoded.length; i <= n; i++) {
      const code = i < n ? encoded.charCodeAt(i) : COMMA;
      if (code === COMMA) {
        position += gap + 1;
        hits[position] = 1;
        gap = 0;
      } else {
        gap = gap * 36 + (code <= 57 ? code - 48 : code - 87); // 0-9, then a-z
      }
    }
  }

  /* The first position in a sorted list of words whose word is >= word. */
  function lowerBound(words, word) {
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (words[middle] < word) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function fetchJson(url, what) {
    return fetch(url, { credentials: "same-origin" }).then((response) => {
      if (!response.ok) throw new Error(`${what}: HTTP ${response.status}`);
      return response.json();
    });
  }

  class WordIndex {
    constructor(url) {
      this.url = url; // the manifest's
      this.manifest = null; // {count, firsts: [first word per chunk], files: [URL per chunk]}
      this.manifestRequest = null;
      this.chunks = []; // per chunk: {words, mentors} once fetched
      this.requests = new Map(); // chunk number -> its fetch, while under way
      this.wordHits = new Map(); // query word -> Uint8Array of positions, for the words typed lately
    }

    /* The chunks that hold every word beginning with `word` (site/word_index.chunks_for). */
    chunksFor(word) {
      const { firsts } = this.manifest;
      const start = Math.max(lowerBound(firsts, word + "\0") - 1, 0); // the last chunk starting at or before word
      const end = lowerBound(firsts, word + "~");
      const numbers = [];
      for (let n = start; n < Math.max(end, start + 1); n++) numbers.push(n);
      return numbers;
    }

    missing(words) {
      if (!this.manifest) return null;
      const wanted = new Set();
      for (const word of words) {
        for (const n of this.chunksFor(word)) if (!this.chunks[n]) wanted.add(n);
      }
      return [...wanted];
    }

    /* Fetch what these query words need; resolves once all of it is here. */
    load(words) {
      if (!this.manifestRequest) {
        this.manifestRequest = fetchJson(this.url, "search index").then((/** @type {MentorGalleryData.SearchManifest} */ manifest) => {
          this.manifest = {
            count: manifest.count,
            firsts: manifest.chunks.map((chunk) => chunk[0]),
            files: manifest.chunks.map((chunk) => new URL(chunk[1], this.url).href),
          };
        });
        this.manifestRequest.catch(() => { this.manifestRequest = null; }); // a later query tries again
      }
      return this.manifestRequest.then(() => Promise.all(this.missing(words).map((n) => this.loadChunk(n))));
    }

    loadChunk(n) {
      if (!this.requests.has(n)) {
        const request = fetchJson(this.manifest.files[n], "search index").then((/** @type {MentorGalleryData.SearchChunk} */ chunk) => {
          this.chunks[n] = chunk;
          this.requests.delete(n);
        });
        request.catch(() => this.requests.delete(n));
        this.requests.set(n, request);
      }
      return this.requests.get(n);
    }

    /* Per position in the default order: 1 where the mentor matches every word; null while a
       chunk these words need has not arrived (then call load). */
    hits(words) {
      const missing = this.missing(words);
      if (missing === null || missing.length) return null;
      let result = null;
      for (const word of words) {
        const hits = this.hitsOf(word);
        if (result === null) {
          result = Uint8Array.from(hits);
        } else {
          for (let i = 0; i < result.length; i++) result[i] &= hits[i];
        }
      }
      return result || new Uint8Array(this.manifest.count).fill(1);
    }

    hitsOf(word) {
      let hits = this.wordHits.get(word);
      if (!hits) {
        hits = new Uint8Array(this.manifest.count);
        for (const n of this.chunksFor(word)) {
          const { words, mentors } = this.chunks[n];
          for (let i = lowerBound(words, word); i < words.length && words[i].startsWith(word); i++) {
            markPositions(mentors[i], hits);
          }
        }
        if (this.wordHits.size >= 32) this.wordHits.clear(); // the words of a few recent queries
        this.wordHits.set(word, hits);
      }
      return hits;
    }
  }

  /* One index per URL, kept across Material's instant navigations. */
  const indexes = new Map();

  function wordIndex(url) {
    if (!indexes.has(url)) indexes.set(url, new WordIndex(url));
    return indexes.get(url);
  }

  window.mentorGallerySearch = { fold, setExtraFolds, queryWords, wordIndex };
})();
