/* Mentors Gallery: the cards of a long roster, read from gallery-cards.json and drawn on demand.
 *
 * Above a thousand mentors the gallery page holds only the first cards; the server writes every
 * card's fields into gallery-cards.json (site/gallery_data.py) from the very view it draws its
 * cards from, and a model card drawn by _card.html into the page's <template data-card-template>;
 * `drawCard` here clones the model and fills it in (a browser test compares every drawn card with
 * the server's). Profile text only ever goes in as textContent or an attribute value, never as
 * HTML.
 */
(() => {
  "use strict";
  if (window.mentorGalleryCards) return;

  /* A column of gallery-cards.json: a value per card, or a table with a position (or a list of
     positions) per card, or a table sharing another column's positions ("same"). */
  function readColumn(column, indexes, name) {
    if (column === undefined || column === null) return { plain: null };
    if (Array.isArray(column)) return { plain: column };
    const index = column.same !== undefined ? indexes.get(column.same) : column.index;
    if (!index) throw new Error(`gallery cards: column ${name} refers to an unknown ${column.same}`);
    indexes.set(name, index);
    return { table: column.table, index };
  }

  class CardTable {
    /** @param {MentorGalleryData.Cards} document */
    constructor(document) {
      this.count = document.count;
      this.profile = document.profile; // [prefix, suffix] around a slug: routes.profile
      const columns = document.columns;
      const indexes = new Map();
      this.columns = new Map();
      for (const [name, column] of Object.entries(columns)) {
        if (name !== "data") this.columns.set(name, readColumn(column, indexes, name));
      }
      // The data- attributes, in the card's order: each a table of words and positions per card.
      this.data = Object.entries(columns.data || {}).map(([key, column]) => ({ key, ...readColumn(column, indexes, `data.${key}`) }));
      this.slugs = new Array(this.count);
    }

    /* A field's value for card i, or null. */
    value(name, i) {
      const column = this.columns.get(name);
      if (!column) return null;
      if (column.plain) return column.plain[i] ?? null;
      if (column.table) return column.table[column.index[i]];
      return null;
    }

    /* A field of several values (the area or role chips) for card i. */
    values(name, i) {
      const column = this.columns.get(name);
      if (!column || !column.table) return [];
      return positions(column.index[i]).map((p) => column.table[p]);
    }

    slug(i) {
      let slug = this.slugs[i];
      if (slug === undefined) {
        const given = this.value("slug", i);
        // 0: the slug is the name's slug (slugs.slugify), which the server checked folds alike here.
        slug = given === 0 ? slugify(this.value("name", i)) : given;
        this.slugs[i] = slug;
      }
      return slug;
    }

    /* One data- attribute as the filters read it: its words, and per card their positions in
       them (offsets[i] to offsets[i + 1] in values). */
    attribute(key) {
      const column = this.data.find((c) => c.key === key);
      const offsets = new Uint32Array(this.count + 1);
      if (!column) return { words: [], offsets, values: new Uint32Array(0) };
      const found = [];
      for (let i = 0; i < this.count; i++) {
        offsets[i] = found.length;
        const p = column.index[i];
        if (Array.isArray(p)) found.push(...p);
        else if (p !== null) found.push(p); // null: the card has no such attribute
      }
      offsets[this.count] = found.length;
      return { words: column.table, offsets, values: Uint32Array.from(found) };
    }

    /* A data- attribute's value on card i; null where the card has none. */
    dataValue(column, i) {
      const p = column.index[i];
      return p === null ? null : positions(p).map((q) => column.table[q]).join(" ");
    }
  }

  function positions(p) {
    return Array.isArray(p) ? p : [p];
  }

  function slugify(name) {
    return window.mentorGallerySearch.fold(name).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /* ---- Drawing: a clone of the page's model card ------------------------------------------ */

  /* Sets a text, keeping the node: the model's own node is filled, never rebuilt. */
  function fill(node, text) {
    node.textContent = text;
  }

  /* A chip list: its model chip cloned per link, then the model taken out. */
  function fillChips(list, links, root) {
    const model = list.firstElementChild;
    for (const [text, url] of links) {
      const item = model.cloneNode(true);
      const link = item.firstElementChild;
      link.setAttribute("href", root + url);
      link.setAttribute("title", text);
      fill(link, text);
      list.append(item);
    }
    model.remove();
  }

  /* One class of `node` for another, in place. */
  function swapClass(node, from, to) {
    node.setAttribute("class", node.getAttribute("class").split(" ").map((name) => (from.test(name) ? to : name)).join(" "));
  }

  /* Card i, cloned from `model` (the card _card.html draws into the page's <template
     data-card-template>, every optional part present and empty) and filled with the card's fields;
     links are prefixed with `root`, the page's way back to the site root. */
  function drawCard(table, i, root, model) {
    const card = model.cloneNode(true);
    const part = (name) => card.querySelector(`.${name}`);
    const availability = table.value("availability", i); // "1…" open, "0…" not, with its text; null on a roster card
    const open = availability !== null && availability[0] === "1";
    if (availability !== null && !open) card.setAttribute("class", `${card.getAttribute("class")} mg-card--unavailable`);
    card.setAttribute("data-mentor", table.slug(i));
    for (const column of table.data) {
      const value = table.dataValue(column, i);
      if (value !== null) card.setAttribute(`data-${column.key}`, value);
    }

    const photo = table.value("photo_url", i);
    const initials = part("mg-avatar--initials");
    if (photo) {
      part("mg-avatar").setAttribute("src", root + photo);
      initials.remove();
    } else {
      card.querySelector("img").remove();
      swapClass(initials, /^mg-avatar--tone-/, `mg-avatar--tone-${table.value("tone", i)}`);
      fill(initials, table.value("initials", i));
    }
    const name = part("mg-card__name").firstElementChild;
    name.setAttribute("href", root + table.profile[0] + table.slug(i) + table.profile[1]);
    fill(name, table.value("name", i));
    const role = table.value("role_line", i);
    if (role) fill(part("mg-card__role"), role);
    else part("mg-card__role").remove();

    const detail = table.value("place_detail", i);
    fill(part("mg-card__place"), table.value("region", i) + (detail ? ` \u00b7 ${detail}` : ""));
    const summary = table.value("summary", i);
    if (summary) fill(part("mg-card__summary"), summary);
    else part("mg-card__summary").remove();
    fillChips(part("mg-chips"), table.values("areas", i), root);
    const roles = table.values("roles", i);
    if (roles.length) fillChips(part("mg-chips--roles"), roles, root);
    else part("mg-chips--roles").remove();
    const status = part("mg-status");
    if (availability === null) status.remove();
    else {
      if (!open) swapClass(status, /^mg-status--open$/, "mg-status--closed");
      fill(status, availability.slice(1));
    }
    return card;
  }

  /* One table per URL, kept across Material's instant navigations. */
  const tables = new Map();

  function loadCards(url) {
    if (!tables.has(url)) {
      const request = fetch(url, { credentials: "same-origin" })
        .then((response) => {
          if (!response.ok) throw new Error(`gallery cards: HTTP ${response.status}`);
          return response.json();
        })
        .then((document) => new CardTable(document));
      request.catch(() => tables.delete(url)); // a later visit may try again
      tables.set(url, request);
    }
    return tables.get(url);
  }

  window.mentorGalleryCards = { loadCards, drawCard };
})();
