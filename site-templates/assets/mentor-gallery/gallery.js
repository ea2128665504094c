/* Mentors Gallery: live facet filters, free-text search, sorting and shareable URLs.
 *
 * The cards are rendered on the server, so the page is complete without JavaScript. This reads
 * their data- attributes once into typed arrays; a filter change recomputes one facet's bit per
 * mentor and hides or shows only the cards whose visibility changed, so it stays fast with
 * thousands of cards. Profile text never goes into innerHTML: only numbers and fixed words are
 * written, with textContent.
 *
 * The state lives in the query string (the contract's keys: search, expertise, region, program,
 * frequency, meeting, accepting; plus sort). Material's instant navigation swaps the page without
 * reloading scripts, so the gallery is set up again on each `document$` emission.
 */
(() => {
  "use strict";
  if (window.mentorGallery) return; // the script was included twice: the first copy serves

  const TYPING_PAUSE_MS = 800; // a search typed without such a pause is one history entry
  // A filtered-out card gets this class (display: none), not the `hidden` attribute: Material's
  // stylesheet has `:not([hidden]) ~` selectors, so each change of `hidden` makes the browser
  // re-check every later sibling. With 10,000 cards that made the style update 5 to 7 times slower.
  const OUT = "mg-card--out";

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

  /* The search index: slug -> folded unique words. Kept across instant navigations. */
  const indexCache = new Map();

  function loadIndex(url) {
    if (!indexCache.has(url)) {
      const request = fetch(url, { credentials: "same-origin" })
        .then((response) => {
          if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
          return response.json();
        });
      request.catch(() => indexCache.delete(url)); // a later keystroke may try again
      indexCache.set(url, request);
    }
    return indexCache.get(url);
  }

  /* ---- One gallery page ------------------------------------------------------------------ */

  class Gallery {
    constructor(root) {
      this.root = root;
      this.path = location.pathname;
      this.form = root.querySelector("[data-filters]");
      this.searchInput = root.querySelector("[data-filter-search]");
      this.sortSelect = root.querySelector("[data-sort]");
      this.list = root.querySelector("[data-cards]");
      this.countOut = root.querySelector("[data-result-count]");
      this.empty = root.querySelector("[data-empty]");
      this.toggle = root.querySelector("[data-filter-toggle]");
      this.panel = root.querySelector("[data-facets]");
      this.activeOut = root.querySelector("[data-active-count]");
      this.doneButton = root.querySelector("[data-filter-done]");
      this.doneOut = root.querySelector("[data-done-count]");
      this.searchFailed = false; // the index could not be fetched
      this.typing = false;
      this.typingTimer = 0;
      this.lastFilterMs = 0;
      this.readCards();
      this.bind();
      this.restore(location.search);
    }

    /* Everything the filters need from the cards, read once. */
    readCards() {
      this.cards = Array.from(this.list.querySelectorAll(":scope > [data-mentor]"));
      this.slugs = this.cards.map((card) => card.getAttribute("data-mentor"));
      this.facets = Array.from(this.root.querySelectorAll("[data-facet]"), (fieldset, bit) => this.readFacet(fieldset, bit));
      this.searchBit = 1 << this.facets.length;
      this.fail = new Uint32Array(this.cards.length); // per card: a bit per facet (and search) it fails
      this.visible = Uint8Array.from(this.cards, (card) => (card.classList.contains(OUT) ? 0 : 1)); // as on screen
      this.words = null; // per card: " " + its indexed words, once the index is loaded
      this.query = []; // folded words of the search, as applied to `fail`
      this.sort = ""; // the server's order
      this.orders = new Map();
    }

    /* A facet's options and, per card, the option indices it has (flat typed arrays). */
    readFacet(fieldset, bit) {
      const key = fieldset.getAttribute("data-facet");
      const boxes = Array.from(fieldset.querySelectorAll("input[type=checkbox]"));
      const option = new Map(boxes.map((box, i) => [box.value, i]));
      const offsets = new Uint32Array(this.cards.length + 1);
      const found = [];
      const attribute = `data-${key}`;
      this.cards.forEach((card, i) => {
        offsets[i] = found.length;
        const raw = card.getAttribute(attribute);
        if (raw) {
          for (const value of raw.split(" ")) {
            const index = option.get(value);
            if (index !== undefined) found.push(index);
          }
        }
      });
      offsets[this.cards.length] = found.length;
      return {
        key, bit: 1 << bit, boxes, option, offsets, values: Uint16Array.from(found),
        selected: new Uint8Array(boxes.length), chosen: 0,
        countOuts: boxes.map((box) => box.closest("label").querySelector("[data-count]")),
        shown: boxes.map(() => -1), // the counts on screen, to write only those that change
      };
    }

    bind() {
      this.form.addEventListener("submit", (event) => event.preventDefault()); // Enter in the search
      this.form.addEventListener("change", (event) => {
        const box = event.target;
        const facet = this.facets.find((f) => f.boxes.includes(box));
        if (!facet) return;
        this.endTyping();
        this.timed(() => {
          this.choose(facet, facet.option.get(box.value), box.checked);
          this.updateFacet(facet);
        });
        this.writeUrl("push");
      });
      this.searchInput.addEventListener("input", () => this.onSearchInput());
      this.sortSelect.addEventListener("change", () => {
        this.endTyping();
        this.applySort(this.sortSelect.value);
        this.writeUrl("push");
      });
      for (const button of this.root.querySelectorAll("[data-reset]")) {
        button.addEventListener("click", () => this.reset(button));
      }
      this.toggle.addEventListener("click", () => this.setPanelOpen(this.toggle.getAttribute("aria-expanded") !== "true"));
      this.doneButton.addEventListener("click", () => {
        this.setPanelOpen(false);
        this.toggle.focus(); // just above the results
      });
      // Links to this very page with other filters (a card's expertise chips) just apply them,
      // before Material's instant navigation (listening on <body>) would treat them as a new page.
      this.root.addEventListener("click", (event) => {
        const link = event.target.closest && event.target.closest("a[href]");
        if (!link || event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
        const url = new URL(link.href, location.href);
        if (url.origin !== location.origin || url.pathname !== this.path || !url.search) return;
        event.preventDefault();
        event.stopPropagation();
        this.restore(url.search);
        this.writeUrl("push");
      });
    }

    /* ---- State -------------------------------------------------------------------------- */

    /* Returns whether the choice changed. */
    choose(facet, index, on) {
      if (index === undefined || facet.selected[index] === (on ? 1 : 0)) return false;
      facet.selected[index] = on ? 1 : 0;
      facet.chosen += on ? 1 : -1;
      return true;
    }

    /* Show the view a query string describes; unknown keys and values are ignored. */
    restore(search) {
      const params = new URLSearchParams(search);
      this.endTyping();
      this.timed(() => {
        for (const facet of this.facets) {
          const wanted = new Set(params.getAll(facet.key));
          let changed = false;
          facet.boxes.forEach((box, i) => {
            box.checked = wanted.has(box.value);
            changed = this.choose(facet, i, box.checked) || changed;
          });
          if (changed) this.updateFacet(facet, false); // the others' bits still hold
        }
        this.searchInput.value = params.get("search") || "";
        this.setQuery(this.searchInput.value);
        this.render();
      });
      const sort = params.get("sort") || "";
      this.sortSelect.value = Array.from(this.sortSelect.options).some((o) => o.value === sort) ? sort : "";
      this.applySort(this.sortSelect.value);
    }

    /* Every filter and the search cleared; the order chosen stays. */
    reset(button) {
      const focusWasLost = button.closest("[data-empty]") !== null; // that message is about to hide
      this.restore(this.sort ? `?sort=${this.sort}` : "");
      this.writeUrl("push");
      if (focusWasLost) this.searchInput.focus();
    }

    /* The contract's query string, in its order, values in the form's order. */
    queryString() {
      const params = new URLSearchParams();
      const text = this.searchInput.value.trim();
      if (text) params.append("search", text);
      for (const facet of this.facets) {
        facet.boxes.forEach((box, i) => {
          if (facet.selected[i]) params.append(facet.key, box.value);
        });
      }
      if (this.sort) params.append("sort", this.sort);
      const query = params.toString();
      return query ? `?${query}` : "";
    }

    writeUrl(mode) {
      const url = this.path + this.queryString();
      if (url === location.pathname + location.search) return false;
      if (mode === "replace") history.replaceState(history.state, "", url);
      else history.pushState(null, "", url);
      return true;
    }

    onSearchInput() {
      this.timed(() => {
        this.setQuery(this.searchInput.value);
        this.render();
      });
      // One history entry per burst of typing: push at its start, then replace while typing.
      if (this.writeUrl(this.typing ? "replace" : "push")) this.typing = true;
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => { this.typing = false; }, TYPING_PAUSE_MS);
    }

    endTyping() {
      this.typing = false;
      clearTimeout(this.typingTimer);
    }

    setPanelOpen(open) {
      this.toggle.setAttribute("aria-expanded", String(open));
      this.panel.classList.toggle("mg-filters__facets--open", open);
    }

    /* ---- Filtering ---------------------------------------------------------------------- */

    /* Recompute one facet's bit for every card: set where the card has none of the chosen values. */
    updateFacet(facet, andRender = true) {
      const { bit, selected, offsets, values } = facet;
      const fail = this.fail;
      const keep = ~bit;
      if (facet.chosen === 0) {
        for (let i = 0; i < fail.length; i++) fail[i] &= keep;
      } else {
        for (let i = 0; i < fail.length; i++) {
          let hit = false;
          for (let j = offsets[i], end = offsets[i + 1]; j < end; j++) {
            if (selected[values[j]]) { hit = true; break; }
          }
          fail[i] = hit ? fail[i] & keep : fail[i] | bit;
        }
      }
      if (andRender) this.render();
    }

    setQuery(text) {
      const words = queryWords(text);
      if (words.join(" ") === this.query.join(" ")) return; // same words: the bits still hold
      this.query = words;
      if (this.query.length && !this.words) {
        const url = new URL(this.root.getAttribute("data-index-url"), location.href).href;
        this.root.setAttribute("aria-busy", "true");
        loadIndex(url).then((index) => {
          if (!this.root.isConnected) return; // the member has moved on to another page
          this.words = this.slugs.map((slug) => ` ${index[slug] || ""}`);
          this.searchFailed = false;
          this.root.removeAttribute("aria-busy");
          this.timed(() => { this.updateSearch(); this.render(); });
        }, () => {
          this.root.removeAttribute("aria-busy");
          this.searchFailed = true;
          this.render();
        });
      }
      this.updateSearch();
    }

    /* Every query word must begin some word of the mentor: " " + word finds word starts. */
    updateSearch() {
      const fail = this.fail;
      const bit = this.searchBit;
      const keep = ~bit;
      if (!this.query.length || !this.words) {
        for (let i = 0; i < fail.length; i++) fail[i] &= keep;
        return;
      }
      const needles = this.query.map((word) => ` ${word}`);
      for (let i = 0; i < fail.length; i++) {
        const words = this.words[i];
        let hit = true;
        for (const needle of needles) {
          if (words.indexOf(needle) === -1) { hit = false; break; }
        }
        fail[i] = hit ? fail[i] & keep : fail[i] | bit;
      }
    }

    /* Show the cards that fail nothing; count, per facet option, the cards that would show if
       that option were chosen with the other facets and the search as they are. */
    render() {
      const { fail, visible, cards, facets } = this;
      const counts = facets.map((f) => new Uint32Array(f.boxes.length));
      let shown = 0;
      for (let i = 0; i < fail.length; i++) {
        const missed = fail[i];
        const show = missed === 0 ? 1 : 0;
        if (show !== visible[i]) {
          visible[i] = show;
          cards[i].classList.toggle(OUT, !show);
        }
        if (show) {
          shown++;
          for (let f = 0; f < facets.length; f++) {
            const { offsets, values } = facets[f];
            const tally = counts[f];
            for (let j = offsets[i], end = offsets[i + 1]; j < end; j++) tally[values[j]]++;
          }
        } else if ((missed & (missed - 1)) === 0 && missed !== this.searchBit) {
          const f = 31 - Math.clz32(missed); // the one facet it fails
          const { offsets, values } = facets[f];
          const tally = counts[f];
          for (let j = offsets[i], end = offsets[i + 1]; j < end; j++) tally[values[j]]++;
        }
      }
      let chosen = 0;
      facets.forEach((facet, f) => {
        chosen += facet.chosen;
        facet.countOuts.forEach((out, k) => {
          const n = counts[f][k];
          if (out && facet.shown[k] !== n) {
            facet.shown[k] = n;
            out.textContent = String(n);
          }
        });
      });
      const total = cards.length;
      const noun = total === 1 ? "mentor" : "mentors";
      let text = shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
      if (this.query.length && !this.words) text += this.searchFailed ? " (search is unavailable)" : " (searching…)";
      if (this.countOut.textContent !== text) this.countOut.textContent = text;
      const done = `${shown} ${shown === 1 ? "mentor" : "mentors"}`;
      if (this.doneOut.textContent !== done) this.doneOut.textContent = done;
      this.empty.hidden = shown !== 0;
      const badge = chosen ? ` (${chosen})` : "";
      if (this.activeOut.textContent !== badge) this.activeOut.textContent = badge;
    }

    /* Runs a state change and records how long it took (for benchmarks: mentorGallery.lastFilterMs
       and the performance measure "mg-filter"). */
    timed(change) {
      const start = performance.now();
      change();
      this.lastFilterMs = performance.now() - start;
      performance.clearMeasures("mg-filter");
      performance.measure("mg-filter", { start, duration: this.lastFilterMs });
    }

    /* ---- Sorting ------------------------------------------------------------------------ */

    order(key) {
      if (!this.orders.has(key)) {
        const n = this.cards.length;
        const ids = Array.from({ length: n }, (_, i) => i); // server order: accepting first, then name
        if (key === "name") {
          const names = this.cards.map((card) => fold(card.querySelector(".mg-card__name").textContent.trim()));
          ids.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
        } else if (key === "region") {
          const region = this.facets.find((f) => f.key === "region");
          const rank = (i) => (region && region.offsets[i] < region.offsets[i + 1] ? region.values[region.offsets[i]] : 1e9);
          ids.sort((a, b) => rank(a) - rank(b) || a - b);
        } else if (key === "updated") {
          const dates = this.cards.map((card) => card.getAttribute("data-updated") || "");
          ids.sort((a, b) => (dates[a] > dates[b] ? -1 : dates[a] < dates[b] ? 1 : a - b)); // undated last
        }
        this.orders.set(key, ids);
      }
      return this.orders.get(key);
    }

    applySort(key) {
      if (key === this.sort) return;
      this.sort = key;
      // Each move inside the live page is costly (10,000 cards: seconds): take the list out,
      // reorder it, and put it back in one step (about twenty times faster).
      const { list } = this;
      const focused = list.contains(document.activeElement) ? document.activeElement : null;
      const parent = list.parentNode;
      const next = list.nextSibling;
      parent.removeChild(list);
      for (const i of this.order(key)) list.appendChild(this.cards[i]);
      parent.insertBefore(list, next);
      if (focused) focused.focus();
    }

    /* For tests and benchmarks: the slugs of the cards shown, in order. */
    shownSlugs() {
      return Array.from(this.list.querySelectorAll(`:scope > [data-mentor]:not(.${OUT})`), (c) => c.getAttribute("data-mentor"));
    }
  }

  /* ---- Page life ------------------------------------------------------------------------- */

  let current = null;

  function start() {
    const root = document.querySelector("[data-gallery]");
    if (!root) { current = null; return; }
    if (current && current.root === root) return; // this page is already set up
    try {
      setExtraFolds(JSON.parse(root.getAttribute("data-extra-folds") || "{}"));
    } catch (_) {
      setExtraFolds({});
    }
    current = new Gallery(root);
  }

  // Back and forward between filter states of the same page: Material reloads only when the
  // path changes, so these are ours to restore.
  window.addEventListener("popstate", () => {
    if (current && current.root.isConnected && location.pathname === current.path) current.restore(location.search);
  });

  window.mentorGallery = {
    fold,
    /* Apply a query string as if the page were opened with it; returns the milliseconds taken. */
    applyFilters(search) {
      if (!current) return null;
      current.restore(search || "");
      return current.lastFilterMs;
    },
    get lastFilterMs() { return current ? current.lastFilterMs : null; },
    shownSlugs() { return current ? current.shownSlugs() : []; },
    /* Read the cards again (after a benchmark adds some) and apply the URL's filters to them. */
    refresh() {
      if (!current) return;
      current.readCards();
      current.restore(location.search);
    },
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
