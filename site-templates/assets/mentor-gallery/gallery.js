/* Mentors Gallery: live facet filters, free-text search, sorting and shareable URLs.
 *
 * Up to a thousand mentors the page holds every card, so it is complete without JavaScript; this
 * reads their data- attributes once into typed arrays, and a filter change recomputes one facet's
 * bit per mentor and hides or shows only the cards whose visibility changed (`AllCards`). Above
 * that the page holds the first cards only: the roster comes from gallery-cards.json
 * (gallery-cards.js), the filters and counts run over all of it the same way, and `CardWindow`
 * draws the first page of the results, and another page on "Show more". Profile text never goes
 * into innerHTML: only numbers and fixed words are written, with textContent.
 *
 * The state lives in the query string (the contract's keys: search and one per facet of the
 * form, such as expertise, region, program; plus sort). Material's instant navigation swaps the
 * page without reloading scripts, so the gallery is set up again on each `document$` emission.
 */
(() => {
  "use strict";
  if (window.mentorGallery) return; // the script was included twice: the first copy serves

  const TYPING_PAUSE_MS = 800; // a search typed without such a pause is one history entry
  // A chunk of the word index is fetched once typing pauses this long, not for every prefix typed.
  const FETCH_PAUSE_MS = 150;
  // A filtered-out card gets this class (display: none), not the `hidden` attribute: Material's
  // stylesheet has `:not([hidden]) ~` selectors, so each change of `hidden` makes the browser
  // re-check every later sibling. With 10,000 cards that made the style update 5 to 7 times slower.
  const OUT = "mg-card--out";
  const { fold, setExtraFolds, queryWords, wordIndex } = window.mentorGallerySearch;

  /* A query value as the filters spell it: people write accepting=true or accepting=yes for the
     contract's accepting=1. */
  function queryValue(key, value) {
    return key === "accepting" && /^(true|yes)$/i.test(value) ? "1" : value;
  }

  /* ---- The roster, as the filters read it -------------------------------------------------
   * Per mentor (its position in the default order): its slug, its name, and per data- attribute
   * the words it holds. From the cards in the page, or from gallery-cards.json. */

  class PageRoster {
    constructor(cards) {
      this.cards = cards;
      this.count = cards.length;
    }

    slug(i) { return this.cards[i].getAttribute("data-mentor"); }

    name(i) { return this.cards[i].querySelector(".mg-card__name").textContent.trim(); }

    attribute(key) {
      const positions = new Map();
      const offsets = new Uint32Array(this.count + 1);
      const found = [];
      const name = `data-${key}`;
      this.cards.forEach((card, i) => {
        offsets[i] = found.length;
        const raw = card.getAttribute(name);
        if (raw) {
          for (const word of raw.split(" ")) {
            if (!positions.has(word)) positions.set(word, positions.size);
            found.push(positions.get(word));
          }
        }
      });
      offsets[this.count] = found.length;
      return { words: [...positions.keys()], offsets, values: Uint32Array.from(found) };
    }
  }

  class TableRoster {
    constructor(table) {
      this.table = table;
      this.count = table.count;
    }

    slug(i) { return this.table.slug(i); }

    name(i) { return this.table.value("name", i); }

    attribute(key) { return this.table.attribute(key); }
  }

  /* ---- Showing the results ---------------------------------------------------------------- */

  /* Every card is in the page: hide the others, and reorder the list itself. */
  class AllCards {
    constructor(list, cards) {
      this.list = list;
      this.cards = cards;
      this.visible = Uint8Array.from(cards, (card) => (card.classList.contains(OUT) ? 0 : 1)); // as on screen
    }

    show(fail) {
      const { cards, visible } = this;
      for (let i = 0; i < fail.length; i++) {
        const show = fail[i] === 0 ? 1 : 0;
        if (show !== visible[i]) {
          visible[i] = show;
          cards[i].classList.toggle(OUT, !show);
        }
      }
    }

    arrange(order) {
      // Each move inside the live page is costly (10,000 cards: seconds): take the list out,
      // reorder it, and put it back in one step (about twenty times faster).
      const { list } = this;
      const focused = list.contains(document.activeElement) ? /** @type {HTMLElement} */ (document.activeElement) : null;
      const parent = list.parentNode;
      const next = list.nextSibling;
      parent.removeChild(list);
      for (const i of order) list.appendChild(this.cards[i]);
      parent.insertBefore(list, next);
      if (focused) focused.focus();
    }

    shown() {
      return Array.from(this.list.querySelectorAll(`:scope > [data-mentor]:not(.${OUT})`));
    }
  }

  /* A long roster: the first `limit` results are drawn, `step` more on "Show more". The cards the
     server drew are kept and reused; the others are drawn once, when first needed. */
  class CardWindow {
    constructor(root, list, table, serverCards) {
      this.root = root;
      this.list = list;
      this.table = table;
      this.step = Math.max(serverCards.length, 1);
      this.limit = this.step;
      this.pageRoot = root.getAttribute("data-root") || "";
      // The card _card.html draws, every optional part present, for drawCard to clone and fill.
      const template = /** @type {HTMLTemplateElement} */ (root.querySelector("template[data-card-template]"));
      this.model = template.content.firstElementChild;
      this.elements = new Map(); // position -> its card
      // The server drew the first cards of the default order; any other card is drawn afresh.
      serverCards.forEach((card, i) => {
        if (i < table.count && table.slug(i) === card.getAttribute("data-mentor")) this.elements.set(i, card);
      });
      this.drawn = serverCards.map((card, i) => (this.elements.get(i) === card ? i : -1));
      this.fail = null;
      this.order = null;
      this.matching = 0;
      this.more = root.querySelector("[data-more]");
      this.moreButton = root.querySelector("[data-more-button]");
      this.moreStatus = root.querySelector("[data-more-status]");
      this.moreButton.hidden = false;
      const all = root.querySelector("[data-more-all]");
      if (all) all.hidden = true; // the plain list stays linked from the foot of the page
      this.moreButton.addEventListener("click", () => this.showMore());
    }

    card(i) {
      let card = this.elements.get(i);
      if (!card) {
        card = window.mentorGalleryCards.drawCard(this.table, i, this.pageRoot, this.model);
        this.elements.set(i, card);
      }
      return card;
    }

    /* The results changed (filters, search or order): back to the first page of them. */
    show(fail, order, matching) {
      this.fail = fail;
      this.order = order;
      this.matching = matching;
      this.limit = this.step;
      this.draw();
    }

    arrange(order) {
      this.show(this.fail, order, this.matching);
    }

    draw() {
      const { fail, order, limit } = this;
      const wanted = [];
      for (let k = 0; k < order.length && wanted.length < limit; k++) {
        if (fail[order[k]] === 0) wanted.push(order[k]);
      }
      // Only what changes is touched: a card that stays keeps its place (the browser restyles
      // only the cards that come and go), and the others are inserted among them in order.
      const staying = new Set(wanted);
      for (const i of this.drawn) {
        if (!staying.has(i)) this.elements.get(i)?.remove();
      }
      const { list } = this;
      let next = list.firstElementChild;
      for (const i of wanted) {
        const card = this.card(i);
        if (card === next) next = next.nextElementSibling;
        else list.insertBefore(card, next);
      }
      this.drawn = wanted;
      this.updateMore();
    }

    updateMore() {
      const shown = this.drawn.length;
      const left = this.matching - shown;
      this.more.hidden = this.matching === 0;
      const noun = this.matching === 1 ? "mentor" : "mentors";
      const status = left > 0 ? `The first ${shown} of ${this.matching} ${noun} are shown.` : `All ${this.matching} ${noun} are shown.`;
      if (this.moreStatus.textContent !== status) this.moreStatus.textContent = status;
      this.moreButton.hidden = left <= 0;
      const label = `Show ${Math.min(left, this.step)} more`;
      if (this.moreButton.textContent !== label) this.moreButton.textContent = label;
    }

    /* "Show more": draw the next page and take the keyboard to its first card. */
    showMore() {
      const before = this.drawn.length;
      this.limit += this.step;
      this.draw();
      const first = this.drawn[before];
      if (first !== undefined) {
        const link = this.card(first).querySelector(".mg-card__name a");
        if (link) link.focus();
      }
    }

    shown() {
      return this.drawn.map((i) => this.card(i));
    }
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
      this.index = wordIndex(new URL(root.getAttribute("data-index-url"), location.href).href);
      this.searchFailed = false; // a chunk of the word index could not be fetched
      this.searching = false; // waiting for chunks of the word index
      this.fetchTimer = 0;
      this.typing = false;
      this.typingTimer = 0;
      this.lastFilterMs = null; // set by the first state applied: the gallery is ready
      this.ready = false;
      this.bind();
      const cardsUrl = root.getAttribute("data-cards-url");
      if (!cardsUrl) {
        this.setRoster(new PageRoster(this.serverCards()), new AllCards(this.list, this.serverCards()));
        this.restore(location.search);
        return;
      }
      // A long roster: the form shows the URL's state at once; the results follow the data.
      this.setForm(new URLSearchParams(location.search));
      root.setAttribute("aria-busy", "true");
      window.mentorGalleryCards.loadCards(new URL(cardsUrl, location.href).href).then((table) => {
        if (!root.isConnected) return; // the member has moved on to another page
        root.removeAttribute("aria-busy");
        this.setRoster(new TableRoster(table), new CardWindow(root, this.list, table, this.serverCards()));
        this.restore(this.formQuery()); // what the member may have chosen meanwhile
        this.writeUrl("replace");
      }, () => {
        root.removeAttribute("aria-busy");
        this.countOut.textContent += " (filters are unavailable: reload the page, or use the list of all mentors)";
      });
    }

    serverCards() {
      return Array.from(this.list.querySelectorAll(":scope > [data-mentor]"));
    }

    /* Everything the filters need, read once. */
    setRoster(roster, display) {
      this.roster = roster;
      this.display = display;
      this.total = roster.count;
      this.facets = Array.from(this.root.querySelectorAll("[data-facet]"), (fieldset, bit) => this.readFacet(fieldset, bit));
      this.searchBit = 1 << this.facets.length;
      this.fail = new Uint32Array(roster.count); // per mentor: a bit per facet (and search) it fails
      this.hits = null; // per mentor: 1 where it matches the search, once the index has answered
      this.query = []; // folded words of the search, as applied to `fail`
      this.sort = ""; // the server's order
      this.orders = new Map();
      this.ready = true;
    }

    /* A facet's options and, per mentor, the option indices it has (flat typed arrays). */
    readFacet(fieldset, bit) {
      const key = fieldset.getAttribute("data-facet");
      const boxes = Array.from(fieldset.querySelectorAll("input[type=checkbox]"));
      const option = new Map(boxes.map((box, i) => [box.value, i]));
      const { words, offsets: wordOffsets, values: wordValues } = this.roster.attribute(key);
      const optionOf = words.map((word) => (option.has(word) ? option.get(word) : -1));
      const offsets = new Uint32Array(this.roster.count + 1);
      const found = [];
      for (let i = 0; i < this.roster.count; i++) {
        offsets[i] = found.length;
        for (let j = wordOffsets[i], end = wordOffsets[i + 1]; j < end; j++) {
          const index = optionOf[wordValues[j]];
          if (index >= 0) found.push(index);
        }
      }
      offsets[this.roster.count] = found.length;
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
        if (!this.ready) { this.writeUrl("push"); return; } // applied once the roster is here
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
        if (!this.ready) { this.writeUrl("push"); return; }
        this.endTyping();
        this.applySort(this.sortSelect.value);
        this.writeUrl("push");
      });
      for (const button of this.root.querySelectorAll("[data-reset]")) {
        button.addEventListener("click", () => this.ready && this.reset(button));
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
        if (!link || event.defaultPrevented || event.button !== 0 || !this.ready) return;
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

    /* The controls as a query string describes them; unknown keys and values are ignored. */
    setForm(params) {
      for (const fieldset of this.root.querySelectorAll("[data-facet]")) {
        const key = fieldset.getAttribute("data-facet");
        const wanted = new Set(params.getAll(key).map((value) => queryValue(key, value)));
        for (const box of fieldset.querySelectorAll("input[type=checkbox]")) box.checked = wanted.has(box.value);
      }
      this.searchInput.value = params.get("search") || "";
      const sort = params.get("sort") || "";
      this.sortSelect.value = Array.from(this.sortSelect.options).some((o) => o.value === sort) ? sort : "";
    }

    /* Show the view a query string describes. */
    restore(search) {
      const params = new URLSearchParams(search);
      this.endTyping();
      this.setForm(params);
      this.timed(() => {
        for (const facet of this.facets) {
          let changed = false;
          facet.boxes.forEach((box, i) => {
            changed = this.choose(facet, i, box.checked) || changed;
          });
          if (changed) this.updateFacet(facet, false); // the others' bits still hold
        }
        this.setQuery(this.searchInput.value);
        this.applySort(this.sortSelect.value, false);
        this.render();
      });
    }

    /* Every filter and the search cleared; the order chosen stays. */
    reset(button) {
      const focusWasLost = button.closest("[data-empty]") !== null; // that message is about to hide
      this.restore(this.sort ? `?sort=${this.sort}` : "");
      this.writeUrl("push");
      if (focusWasLost) this.searchInput.focus();
    }

    /* The contract's query string, from the controls: search, then each facet's values in the
       form's order, then the order chosen. */
    formQuery() {
      const params = new URLSearchParams();
      const text = this.searchInput.value.trim();
      if (text) params.append("search", text);
      for (const box of this.root.querySelectorAll("[data-facet] input[type=checkbox]")) {
        if (box.checked) params.append(box.name, box.value);
      }
      if (this.sortSelect.value) params.append("sort", this.sortSelect.value);
      const query = params.toString();
      return query ? `?${query}` : "";
    }

    writeUrl(mode) {
      const url = this.path + this.formQuery();
      if (url === location.pathname + location.search) return false;
      if (mode === "replace") history.replaceState(history.state, "", url);
      else history.pushState(null, "", url);
      return true;
    }

    onSearchInput() {
      if (this.ready) {
        this.timed(() => {
          this.setQuery(this.searchInput.value, true);
          this.render();
        });
      }
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

    /* Recompute one facet's bit for every mentor: set where it has none of the chosen values. */
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

    /* typed: the member is typing, so chunks the words need are fetched once typing pauses. */
    setQuery(text, typed = false) {
      const words = queryWords(text);
      const same = words.join(" ") === this.query.join(" ");
      this.query = words;
      if (same && (this.hits || !words.length)) return; // the bits still hold
      this.hits = words.length ? this.index.hits(words) : null;
      clearTimeout(this.fetchTimer);
      if (words.length && !this.hits) {
        this.searching = true;
        this.searchFailed = false;
        this.root.setAttribute("aria-busy", "true");
        const fetchNow = () => this.index.load(words).then(() => {
          if (!this.root.isConnected || this.query.join(" ") !== words.join(" ")) return; // moved on
          this.timed(() => { this.setQuery(this.searchInput.value); this.render(); });
        }, () => {
          if (this.query.join(" ") !== words.join(" ")) return;
          this.searching = false;
          this.searchFailed = true;
          this.root.removeAttribute("aria-busy");
          this.render();
        });
        if (typed) this.fetchTimer = setTimeout(fetchNow, FETCH_PAUSE_MS);
        else fetchNow();
      } else if (this.searching) {
        this.searching = false;
        this.root.removeAttribute("aria-busy");
      }
      this.updateSearch();
    }

    /* Set the search bit where a mentor misses a query word; none while the index is on its way. */
    updateSearch() {
      const { fail, hits } = this;
      const bit = this.searchBit;
      const keep = ~bit;
      if (!this.query.length || !hits) {
        for (let i = 0; i < fail.length; i++) fail[i] &= keep;
        return;
      }
      for (let i = 0; i < fail.length; i++) fail[i] = hits[i] ? fail[i] & keep : fail[i] | bit;
    }

    /* Show the mentors that fail nothing; count, per facet option, the mentors that would show if
       that option were chosen with the other facets and the search as they are. */
    render() {
      const { fail, facets } = this;
      const counts = facets.map((f) => new Uint32Array(f.boxes.length));
      let shown = 0;
      for (let i = 0; i < fail.length; i++) {
        const missed = fail[i];
        if (missed === 0) {
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
      this.display.show(fail, this.order(this.sort), shown);
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
      const total = this.total;
      const noun = total === 1 ? "mentor" : "mentors";
      let text = shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
      if (this.query.length && !this.hits) text += this.searchFailed ? " (search is unavailable)" : " (searching…)";
      if (this.countOut.textContent !== text) this.countOut.textContent = text;
      const done = `${shown} ${shown === 1 ? "mentor" : "mentors"}`;
      if (this.doneOut.textContent !== done) this.doneOut.textContent = done;
      this.empty.hidden = shown !== 0;
      const badge = chosen ? ` (${chosen})` : "";
      if (this.activeOut.textContent !== badge) this.activeOut.textContent = badge;
      // gallery-panel.js shows the filters in force as removable chips.
      this.root.dispatchEvent(new CustomEvent("mg:filtered", { bubbles: true }));
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
        const n = this.roster.count;
        const ids = Array.from({ length: n }, (_, i) => i); // the server's order: accepting first, then name
        if (key === "name") {
          const names = ids.map((i) => fold(this.roster.name(i)));
          ids.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
        } else if (key === "region") {
          const region = this.facets.find((f) => f.key === "region");
          const rank = (i) => (region && region.offsets[i] < region.offsets[i + 1] ? region.values[region.offsets[i]] : 1e9);
          ids.sort((a, b) => rank(a) - rank(b) || a - b);
        } else if (key === "updated") {
          const { words, offsets, values } = this.roster.attribute("updated");
          const dates = ids.map((i) => (offsets[i] < offsets[i + 1] ? words[values[offsets[i]]] : ""));
          ids.sort((a, b) => (dates[a] > dates[b] ? -1 : dates[a] < dates[b] ? 1 : a - b)); // undated last
        }
        this.orders.set(key, ids);
      }
      return this.orders.get(key);
    }

    /* andRender false: the caller renders (which arranges the cards in this order) next. */
    applySort(key, andRender = true) {
      if (key === this.sort) return;
      this.sort = key;
      if (this.display instanceof AllCards) this.display.arrange(this.order(key));
      else if (andRender) this.display.arrange(this.order(key));
    }

    /* For tests and benchmarks: the slugs of the cards shown, in order. */
    shownSlugs() {
      return this.display.shown().map((card) => card.getAttribute("data-mentor"));
    }

    /* For tests: the slugs of every mentor the filters and search keep, in order, drawn or not. */
    matchingSlugs() {
      return this.order(this.sort).filter((i) => this.fail[i] === 0).map((i) => this.roster.slug(i));
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
    if (current && current.ready && current.root.isConnected && location.pathname === current.path) current.restore(location.search);
  });

  window.mentorGallery = {
    fold,
    /* Apply a query string as if the page were opened with it; returns the milliseconds taken. */
    applyFilters(search) {
      if (!current || !current.ready) return null;
      current.restore(search || "");
      return current.lastFilterMs;
    },
    get lastFilterMs() { return current ? current.lastFilterMs : null; },
    shownSlugs() { return current && current.ready ? current.shownSlugs() : []; },
    matchingSlugs() { return current && current.ready ? current.matchingSlugs() : []; },
    /* For tests: card i of the default order as gallery-cards.js draws it (a long roster only). */
    drawnCard(i) {
      if (!current || !(current.display instanceof CardWindow)) return null;
      return window.mentorGalleryCards.drawCard(current.display.table, i, current.display.pageRoot, current.display.model).outerHTML;
    },
    /* Read the cards again (after a benchmark adds some) and apply the URL's filters to them. */
    refresh() {
      if (!current || !(current.display instanceof AllCards)) return;
      const cards = current.serverCards();
      current.setRoster(new PageRoster(cards), new AllCards(current.list, cards));
      current.restore(location.search);
    },
  };

  (window.mentorGalleryOnPage = window.mentorGalleryOnPage || []).push(start); // on every page: on-page.js
})();
