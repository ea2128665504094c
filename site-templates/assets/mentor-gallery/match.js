/* Matching tools: "Find my mentor" (mentors/find/) and "Build your advisory team" (mentors/team/).
 *
 * The scorer below is the twin of generator/mentor_gallery/matching/scoring.py: same JSON shapes, same
 * integer arithmetic, same reasons, so the gallery ranks mentors exactly as `mentor-gallery match`
 * scores them (tests/fixtures/scoring_cases.json holds the cases both reproduce).
 * Profile text reaches the page through textContent only. No-op on pages without the tools.
 */
(function () {
  "use strict";

  var SHOWN = 25; // results listed before "Show all"
  var SEARCH_BUDGET = 200000; // team search nodes; far above what a roster of hundreds needs

  // --- scoring (mirrors scoring.py) ----------------------------------------------------------

  /* The weight of the applicant's need at this position (1st counts most): from match-data.json. */
  function needWeight(position, weights) {
    return weights[Math.min(position, weights.length - 1)];
  }

  function slugs(terms) {
    var set = new Set();
    (terms || []).forEach(function (t) { set.add(typeof t === "string" ? t : t.slug); });
    return set;
  }

  function sharedNeeds(mentor, applicant) {
    var areas = slugs(mentor.expertise);
    return applicant.needs.filter(function (t) { return areas.has(t.slug); });
  }

  /** @param {MentorGalleryData.MatchMentor} mentor @param {MentorGalleryData.Applicant} applicant */
  function admissible(mentor, applicant) {
    if (!mentor.available || sharedNeeds(mentor, applicant).length === 0) return false;
    if (applicant.program && !slugs(mentor.programs).has(applicant.program.slug)) return false;
    if (applicant.remote === false && applicant.region && mentor.region.slug !== applicant.region.slug) return false;
    return true;
  }

  var IN_PERSON = "in-person"; // the one meeting mode that needs both people in one region

  function sameRegion(mentor, applicant) {
    return !!applicant.region && mentor.region.slug === applicant.region.slug;
  }

  function wantsInPerson(applicant) {
    return (applicant.meeting || []).indexOf(IN_PERSON) >= 0;
  }

  /* The ways to meet both want, in the vocabulary's order; in person only within the member's region. */
  function commonModes(mentor, applicant, options) {
    var offered = slugs(mentor.meeting);
    var asked = slugs(applicant.meeting);
    var distant = applicant.region && !sameRegion(mentor, applicant);
    return options.meeting.filter(function (t) {
      return offered.has(t.slug) && asked.has(t.slug) && !(distant && t.slug === IN_PERSON);
    });
  }

  /** options: {weights, maxAreas, frequency: [{slug, label}] in order, meeting: [{slug, label, phrase}]}
     @param {MentorGalleryData.MatchMentor} mentor @param {MentorGalleryData.Applicant} applicant
     @param {MentorGalleryData.MatchOptions} options */
  function score(mentor, applicant, options) {
    var w = options.weights;
    var needs = applicant.needs;
    var best = 0;
    for (var i = 0; i < Math.min(needs.length, Math.max(options.maxAreas, 1)); i++) best += needWeight(i, options.needWeights);
    var positions = {};
    needs.forEach(function (t, index) { positions[t.slug] = index; });
    var shared = sharedNeeds(mentor, applicant);
    var matched = 0;
    shared.forEach(function (t) { matched += needWeight(positions[t.slug], options.needWeights); });
    matched = Math.min(matched, best);
    // Fractions over the common denominator best * 200, as in scoring.py: exact integers.
    var unit = 200;
    var totalWeight = w.needs;
    var points = w.needs * matched * unit;
    var reasons = [];
    if (shared.length && w.needs) reasons.push("shares " + shared.map(function (t) { return t.label; }).join(", "));

    function part(weight, fractionOfUnit, reason) {
      totalWeight += weight;
      points += weight * fractionOfUnit * best;
      if (reason && weight && fractionOfUnit) reasons.push(reason);
    }

    var common = commonModes(mentor, applicant, options);
    if (applicant.region) {
      if (sameRegion(mentor, applicant)) part(w.region, unit, "same region (" + mentor.region.label + ")");
      else if (applicant.remote !== false && (common.length || !wantsInPerson(applicant))) {
        part(w.region, 2 * w.remote_region, "other region (" + mentor.region.label + "), remote");
      } else part(w.region, 0, null);
    }
    if (applicant.frequency) {
      var order = options.frequency.map(function (t) { return t.slug; });
      var mine = options.frequency[order.indexOf(applicant.frequency)];
      var theirs = mentor.frequency ? options.frequency[order.indexOf(mentor.frequency)] : null;
      var gap = theirs ? Math.abs(order.indexOf(mine.slug) - order.indexOf(theirs.slug)) : null;
      if (gap === 0) part(w.frequency, unit, "both " + mine.label.toLowerCase());
      else if (gap === 1) part(w.frequency, unit / 2, theirs.label.toLowerCase() + " (close to " + mine.label.toLowerCase() + ")");
      else part(w.frequency, 0, null);
    }
    if (applicant.meeting && applicant.meeting.length) {
      part(w.meeting, common.length ? unit : 0, "meets " + common.map(function (t) { return t.phrase; }).join(" or "));
    }
    if (applicant.program) {
      var member = slugs(mentor.programs).has(applicant.program.slug);
      part(w.program, member ? unit : 0, "program: " + applicant.program.label);
    }
    var denominator = best * unit * totalWeight;
    if (!denominator) return { value: 0, reasons: reasons, shared: shared };
    // Round half up of 100 * points / denominator; every operand is an integer below 2^53.
    var value = Math.floor((200 * points + denominator) / (2 * denominator));
    return { value: value, reasons: reasons, shared: shared };
  }

  function ranked(mentors, applicant, options) {
    return mentors
      .filter(function (m) { return admissible(m, applicant); })
      .map(function (m) { return { mentor: m, score: score(m, applicant, options) }; })
      .sort(function (a, b) {
        // At equal scores the member's own region first, then by slug, as scoring.ranked does.
        return b.score.value - a.score.value || (Number(sameRegion(b.mentor, applicant)) - Number(sameRegion(a.mentor, applicant))) ||
          (a.mentor.slug < b.mentor.slug ? -1 : a.mentor.slug > b.mentor.slug ? 1 : 0);
      });
  }

  // --- advisory team: exact smallest cover ---------------------------------------------------

  function popcount(n) { var c = 0; while (n) { n &= n - 1; c++; } return c; }

  /* How much a team spreads: the ways of helping (roles) it has between its members, then its
   * organizations, then its regions, each counted once. A team of advisors serves best when its
   * members help in different ways and see the work from different places. */
  function spread(chosen) {
    var roles = new Set(), organizations = new Set(), regions = new Set();
    chosen.forEach(function (e) {
      (e.mentor.roles || []).forEach(function (t) { roles.add(t.slug); });
      organizations.add(String(e.mentor.organization || "").trim().toLowerCase());
      regions.add(e.mentor.region.slug);
    });
    return [roles.size, organizations.size, regions.size];
  }

  /* Among the fewest available mentors who cover the areas (terms): the most roles between them
   * (so two members who help in one and the same single way give way to a mentor who helps in a
   * way the team lacks), then the most organizations, the most regions, the highest summed
   * score, the first slugs. Returns {members, uncovered, roles, complete}. */
  function team(mentors, areas, options) {
    var pool = mentors.filter(function (m) { return m.available; }).map(function (m) {
      var have = slugs(m.expertise);
      var mask = 0;
      areas.forEach(function (t, i) { if (have.has(t.slug)) mask |= 1 << i; });
      return { mentor: m, mask: mask };
    }).filter(function (entry) { return entry.mask; });
    var reachable = pool.reduce(function (all, entry) { return all | entry.mask; }, 0);
    var uncovered = areas.filter(function (t, i) { return !(reachable & (1 << i)); });
    if (!reachable) return { members: [], uncovered: uncovered, roles: [], complete: true };
    var applicant = { needs: areas, region: null, remote: null, frequency: null, meeting: [], program: null };
    pool.forEach(function (entry) { entry.score = score(entry.mentor, applicant, options).value; });
    pool.sort(function (a, b) { return a.mentor.slug < b.mentor.slug ? -1 : 1; });

    // The smallest team size: breadth-first over the sets of covered areas.
    var size = {};
    size[0] = 0;
    var frontier = [0];
    while (!(reachable in size)) {
      var next = [];
      frontier.forEach(function (covered) {
        pool.forEach(function (entry) {
          var after = covered | entry.mask;
          if (!(after in size)) { size[after] = size[covered] + 1; next.push(after); }
        });
      });
      frontier = next;
    }
    var k = size[reachable];
    var widest = pool.reduce(function (most, entry) { return Math.max(most, popcount(entry.mask)); }, 1);

    // Every team of k: branch on the lowest area not yet covered, over mentors who cover it.
    /** @type {{mentor: MentorGalleryData.MatchMentor, mask: number, score: number}[] | null} */
    var bestTeam = null;
    var bestKey = null;
    var nodes = 0;
    var chosen = [];
    function better(key) {
      if (!bestKey) return true;
      for (var i = 0; i < key.length; i++) {
        if (key[i] !== bestKey[i]) return typeof key[i] === "number" ? key[i] > bestKey[i] : key[i] < bestKey[i];
      }
      return false;
    }
    function search(covered) {
      if (++nodes > SEARCH_BUDGET && bestTeam) return;
      if (covered === reachable) {
        var total = chosen.reduce(function (sum, e) { return sum + e.score; }, 0);
        var names = chosen.map(function (e) { return e.mentor.slug; }).sort().join(" ");
        var key = spread(chosen).concat([total, names]);
        if (better(key)) { bestKey = key; bestTeam = chosen.slice(); }
        return;
      }
      var missing = reachable & ~covered;
      if (chosen.length + Math.ceil(popcount(missing) / widest) > k) return;
      var lowest = missing & -missing;
      pool.forEach(function (entry) {
        if (!(entry.mask & lowest) || chosen.indexOf(entry) >= 0) return;
        chosen.push(entry);
        search(covered | entry.mask);
        chosen.pop();
      });
    }
    search(0);
    var members = bestTeam.map(function (entry) {
      return { mentor: entry.mentor, covers: areas.filter(function (t, i) { return entry.mask & (1 << i); }), score: entry.score };
    }).sort(function (a, b) { return b.covers.length - a.covers.length || (a.mentor.slug < b.mentor.slug ? -1 : 1); });
    // The team's ways of helping, in the taxonomy's order (options.roles), each once.
    var held = new Set();
    members.forEach(function (m) { (m.mentor.roles || []).forEach(function (t) { held.add(t.slug); }); });
    var roles = (options.roles || []).filter(function (t) { return held.has(t.slug); });
    return { members: members, uncovered: uncovered, roles: roles, complete: nodes <= SEARCH_BUDGET };
  }

  // --- data ----------------------------------------------------------------------------------

  var loaded = {};

  function load(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("match data: HTTP " + response.status);
        return response.json();
      }).then(hydrate);
    }
    return loaded[url];
  }

  /** The compact JSON as the scorer's shapes, plus lookups by slug.
      @param {MentorGalleryData.MatchData} data */
  function hydrate(data) {
    function bySlug(list) { var map = {}; list.forEach(function (t) { map[t.slug] = t; }); return map; }
    return {
      options: { maxAreas: data.max_areas, needWeights: data.need_weights, frequency: data.frequency, meeting: data.meeting,
                 roles: data.roles || [] },
      maxTeamAreas: data.max_team_areas,
      mentors: data.mentors,
      expertise: bySlug(data.expertise),
      regions: bySlug(data.regions),
      programs: bySlug(data.programs),
      frequency: bySlug(data.frequency),
      meeting: bySlug(data.meeting)
    };
  }

  function optionsFor(root, data) {
    var weights = JSON.parse(root.getAttribute("data-match-weights"));
    return Object.assign({}, data.options, { weights: weights });
  }

  function dataUrl(root) {
    return new URL(root.getAttribute("data-match-data"), window.location.href).href;
  }

  /* Marks the results busy until the mentor list has arrived; says so if it never does. */
  function loading(root, promise) {
    var results = root.querySelector(".mg-match__results");
    var status = root.querySelector("[data-match-status]");
    results.setAttribute("aria-busy", "true");
    function done() { results.removeAttribute("aria-busy"); }
    promise.then(done, function (error) {
      status.textContent = "The mentor list could not be loaded. Reload the page, or browse the Mentors Gallery.";
      done();
      throw error; // still reported on the console
    });
  }

  /* A tool's form ([data-match-form]), never submitted: once the mentor list has arrived, a
     shared link's query sets it (without one, the form keeps what the member may already have
     chosen) and the results are drawn; then again on every change. Returns redraw(write), a no-op
     until the list is there.
     @param {Element} root
     @param {{changed?: function(): void, restore: function(URLSearchParams, any): void,
              update: function(any, any, boolean): void}} tool */
  function connect(root, tool) {
    var form = root.querySelector("[data-match-form]");
    var ready = null; // {data, options} once the mentor list has arrived
    function redraw(write) { if (ready) tool.update(ready.data, ready.options, write); }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () { if (tool.changed) tool.changed(); redraw(true); });
    loading(root, load(dataUrl(root)).then(function (data) {
      ready = { data: data, options: optionsFor(root, data) };
      if (window.location.search) tool.restore(new URLSearchParams(window.location.search), data);
      redraw(true);
    }));
    return redraw;
  }

  function setQuery(params) {
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function listText(labels) {
    return labels.length < 2 ? labels.join("") : labels.slice(0, -1).join(", ") + " or " + labels[labels.length - 1];
  }

  function andList(labels) {
    return labels.length < 2 ? labels.join("") : labels.slice(0, -1).join(", ") + " and " + labels[labels.length - 1];
  }

  function mentorHeading(root, mentor) {
    var heading = el("h3", "mg-match__name");
    var link = el("a", null, mentor.name);
    if (mentor.card) link.href = siteUrl(root, mentor.card.url); // the server's address for the profile
    heading.appendChild(link);
    return heading;
  }

  // --- a result: the card's header and the profile's request controls ------------------------
  // Drawn as _card.html draws a card's header and _request.html a profile's controls, from the
  // "card" entry match-data.json gives each mentor (site/match_cards.py).

  /* A site-relative address (routes.py) as seen from this page. */
  function siteUrl(root, path) {
    return new URL(path, new URL(root.getAttribute("data-match-root"), window.location.href)).href;
  }

  function avatar(root, mentor) {
    var card = mentor.card || {};
    if (card.photo) {
      var image = el("img", "mg-avatar");
      [["src", siteUrl(root, card.photo)], ["alt", ""], ["width", "48"], ["height", "48"], ["loading", "lazy"],
       ["decoding", "async"]].forEach(function (pair) { image.setAttribute(pair[0], pair[1]); });
      return image;
    }
    var initials = el("span", "mg-avatar mg-avatar--initials mg-avatar--tone-" + (card.tone || 0), card.initials || "");
    initials.setAttribute("aria-hidden", "true");
    return initials;
  }

  /* Photo or initials, the name (its link covers the whole result), a line about the mentor, availability. */
  function resultHead(root, mentor, detail) {
    var head = el("div", "mg-card__head mg-match__head");
    head.appendChild(avatar(root, mentor));
    var who = el("div", "mg-card__who");
    who.appendChild(mentorHeading(root, mentor));
    if (detail) who.appendChild(el("p", "mg-match__role", detail));
    if (mentor.card && mentor.card.availability) {
      who.appendChild(el("p", "mg-status " + (mentor.available ? "mg-status--open" : "mg-status--closed"), mentor.card.availability));
    }
    head.appendChild(who);
    return head;
  }

  /* _request.html's request_control: a live link or form, or a disabled control with its reason. */
  function requestControl(r, id, whom) {
    var item = el("div", "mg-request__item" + (r.reason ? " mg-request__item--disabled" : ""));
    var control;
    if (r.reason) {
      if (r.kind === "form") {
        control = el("button", "md-button mg-request__control", r.label);
        control.type = "button";
        control.disabled = true;
      } else {
        control = el("a", "md-button mg-request__control", r.label); // no href: it cannot navigate
        control.setAttribute("role", "link");
        control.setAttribute("tabindex", "0");
      }
      control.setAttribute("data-request", "");
      control.setAttribute("aria-disabled", "true");
      control.setAttribute("aria-describedby", id + "-reason");
      item.appendChild(control);
      var reason = el("p", "mg-request__reason", r.reason);
      reason.id = id + "-reason";
      item.appendChild(reason);
      return item;
    }
    if (r.kind === "form") {
      var form = el("form", "mg-request__form");
      form.setAttribute("method", "post");
      form.setAttribute("action", r.url);
      r.fields.forEach(function (pair) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = pair[0];
        input.value = pair[1];
        form.appendChild(input);
      });
      control = el("button", "md-button md-button--primary mg-request__control", r.label);
      control.type = "submit";
      form.appendChild(control);
      item.appendChild(form);
    } else {
      control = el("a", "md-button md-button--primary mg-request__control", r.label);
      control.setAttribute("href", r.url);
      item.appendChild(control);
    }
    control.setAttribute("data-request", "");
    control.setAttribute("aria-describedby", id + "-note");
    var note = el("p", "mg-request__note");
    note.id = id + "-note";
    var where = el("strong", null, r.destination);
    if (r.by_email) note.append("Opens a message to ", where, " in your email program, naming " + whom + ".");
    else if (r.kind === "form") note.append("Sends your request for " + whom + " to ", where, ".");
    else note.append("Opens the request form at ", where, ", with " + whom + " filled in.");
    item.appendChild(note);
    return item;
  }

  function requestControls(mentor) {
    var box = el("div", "mg-match__request");
    ((mentor.card && mentor.card.requests) || []).forEach(function (r, i) {
      box.appendChild(requestControl(r, "mg-result-" + mentor.slug + "-request-" + (i + 1), mentor.name));
    });
    return box;
  }

  // --- "Find my mentor" ----------------------------------------------------------------------

  function initFind(root) {
    var needs = Array.prototype.slice.call(root.querySelectorAll("[data-match-need]"));
    var region = root.querySelector("[data-match-region]");
    var remote = root.querySelector("[data-match-remote]");
    var frequency = root.querySelector("[data-match-frequency]");
    var modes = Array.prototype.slice.call(root.querySelectorAll("[data-match-meeting]"));
    var program = root.querySelector("[data-match-program]");
    var status = root.querySelector("[data-match-status]");
    var list = root.querySelector("[data-match-results]");
    var more = root.querySelector("[data-match-more]");
    var showAll = false;

    var redraw = connect(root, {
      changed: function () { showAll = false; },
      restore: restore,
      update: update,
    });
    more.addEventListener("click", function () { showAll = true; redraw(false); });

    function restore(params, data) {
      var wanted = params.getAll("needs").filter(function (s) { return data.expertise[s]; });
      needs.forEach(function (select, i) { select.value = wanted[i] || ""; });
      region.value = data.regions[params.get("region")] ? params.get("region") : "";
      remote.checked = params.get("remote") !== "no";
      frequency.value = data.frequency[params.get("frequency")] ? params.get("frequency") : "";
      var meeting = params.getAll("meeting");
      modes.forEach(function (box) { box.checked = meeting.indexOf(box.value) >= 0; });
      if (program) program.value = data.programs[params.get("program")] ? params.get("program") : "";
    }

    function applicantFrom(data) {
      var chosen = [];
      needs.forEach(function (select) {
        if (select.value && chosen.indexOf(select.value) < 0 && data.expertise[select.value]) chosen.push(select.value);
      });
      return {
        name: "",
        needs: chosen.map(function (s) { return data.expertise[s]; }),
        region: data.regions[region.value] || null,
        remote: remote.checked ? true : false,
        frequency: data.frequency[frequency.value] ? frequency.value : null,
        meeting: modes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; }),
        program: program && data.programs[program.value] ? data.programs[program.value] : null
      };
    }

    function update(data, options, write) {
      var applicant = applicantFrom(data);
      if (write) {
        var params = new URLSearchParams();
        applicant.needs.forEach(function (t) { params.append("needs", t.slug); });
        if (applicant.region) params.set("region", applicant.region.slug);
        if (!remote.checked) params.set("remote", "no");
        if (applicant.frequency) params.set("frequency", applicant.frequency);
        applicant.meeting.forEach(function (s) { params.append("meeting", s); });
        if (applicant.program) params.set("program", applicant.program.slug);
        setQuery(params);
      }
      list.textContent = "";
      more.hidden = true;
      if (!applicant.needs.length) {
        status.textContent = "Choose your first need to see the mentors who fit.";
        return;
      }
      var results = ranked(data.mentors, applicant, options);
      var busy = data.mentors.filter(function (m) { return !m.available && sharedNeeds(m, applicant).length; }).length;
      var needText = listText(applicant.needs.map(function (t) { return t.label; }));
      var message;
      if (!results.length) {
        message = "No available mentor lists " + needText + (applicant.program ? " in the " + applicant.program.label : "") +
          (applicant.remote === false && applicant.region ? " in the region " + applicant.region.label : "") + ".";
        if (applicant.remote === false && applicant.region) message += " Allow a mentor from another region to see more.";
      } else {
        message = results.length + (results.length === 1 ? " mentor fits" : " mentors fit") + ", best first.";
      }
      if (busy) {
        message += " " + busy + (results.length ? " more" : "") + (busy === 1 ? " mentor lists " : " mentors list ") + needText +
          " but " + (busy === 1 ? "is" : "are") + " full or not accepting at present.";
      }
      if (applicant.remote === false && !applicant.region) message += " Choose your region to keep to mentors near you.";
      status.textContent = message;
      var shown = showAll ? results : results.slice(0, SHOWN);
      shown.forEach(function (result, index) { list.appendChild(resultItem(result, index + 1)); });
      if (shown.length < results.length) {
        more.hidden = false;
        more.textContent = "Show all " + results.length + " mentors";
      }
    }

    function resultItem(result, rank) {
      var mentor = result.mentor;
      var item = el("li", "mg-match__result");
      item.setAttribute("data-match-result", mentor.slug);
      var body = el("div", "mg-match__body");
      body.appendChild(resultHead(root, mentor, mentor.title));
      body.appendChild(el("p", "mg-match__reasons", result.score.reasons.join("; ")));
      var figure = el("p", "mg-match__score");
      figure.setAttribute("data-match-score", String(result.score.value));
      figure.appendChild(el("span", "mg-match__score-value", String(result.score.value)));
      figure.appendChild(el("span", "mg-match__score-unit", " of 100"));
      var bar = el("span", "mg-match__bar");
      bar.setAttribute("aria-hidden", "true");
      var fill = el("span", "mg-match__bar-fill");
      fill.style.width = result.score.value + "%";
      bar.appendChild(fill);
      figure.appendChild(bar);
      item.appendChild(el("span", "mg-match__rank", String(rank)));
      item.appendChild(body);
      item.appendChild(figure);
      item.appendChild(requestControls(mentor));
      return item;
    }
  }

  // --- "Build your advisory team" -------------------------------------------------------------

  function initTeam(root) {
    var boxes = Array.prototype.slice.call(root.querySelectorAll("[data-match-area]"));
    var status = root.querySelector("[data-match-status]");
    var list = root.querySelector("[data-match-results]");
    var uncoveredNote = root.querySelector("[data-match-uncovered]");
    var rolesNote = root.querySelector("[data-match-roles]");
    var share = root.querySelector("[data-match-share]");
    var shareLink = root.querySelector("[data-match-share-link]");

    connect(root, {
      restore: function (params) {
        var wanted = params.getAll("areas");
        boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
      },
      update: update,
    });

    function update(data, options, write) {
      var picked = boxes.filter(function (box) { return box.checked && data.expertise[box.value]; });
      var full = picked.length >= data.maxTeamAreas;
      boxes.forEach(function (box) { box.disabled = full && !box.checked; });
      var areas = picked.slice(0, data.maxTeamAreas).map(function (box) { return data.expertise[box.value]; });
      if (write) {
        var params = new URLSearchParams();
        areas.forEach(function (t) { params.append("areas", t.slug); });
        setQuery(params);
      }
      list.textContent = "";
      uncoveredNote.hidden = true;
      rolesNote.hidden = true;
      share.hidden = true;
      if (!areas.length) {
        status.textContent = "Pick at least one area to see a team.";
        return;
      }
      var result = team(data.mentors, areas, options);
      var covered = areas.length - result.uncovered.length;
      if (!result.members.length) {
        status.textContent = "No available mentor covers " + listText(areas.map(function (t) { return t.label; })) + " at present.";
      } else {
        status.textContent = result.members.length + (result.members.length === 1 ? " mentor covers " : " mentors together cover ") +
          (covered === areas.length ? "all " + areas.length + (areas.length === 1 ? " area" : " areas") : covered + " of your " + areas.length + " areas") +
          (full ? " (the most a team can be built for)." : ".");
      }
      result.members.forEach(function (member) { list.appendChild(memberItem(member)); });
      if (result.roles.length) {
        rolesNote.hidden = false;
        rolesNote.textContent = "Between them they can help as " + andList(result.roles.map(function (t) { return t.label; })) + ".";
      }
      if (result.uncovered.length) {
        uncoveredNote.hidden = false;
        uncoveredNote.textContent = "No available mentor covers " + listText(result.uncovered.map(function (t) { return t.label; })) +
          " at present. Check the gallery again later, or ask the mentoring committee.";
      }
      share.hidden = false;
      shareLink.href = window.location.href;
    }

    function memberItem(member) {
      var mentor = member.mentor;
      var item = el("li", "mg-match__result mg-match__result--team");
      item.setAttribute("data-match-result", mentor.slug);
      var body = el("div", "mg-match__body");
      body.appendChild(resultHead(root, mentor, mentor.title ? mentor.title + " · " + mentor.region.label : mentor.region.label));
      body.appendChild(el("p", "mg-match__reasons", "covers " + member.covers.map(function (t) { return t.label; }).join(", ")));
      if (mentor.roles && mentor.roles.length) {
        var helps = el("p", "mg-match__helps", "helps as " + mentor.roles.map(function (t) { return t.label; }).join(", "));
        helps.setAttribute("data-match-helps", mentor.roles.map(function (t) { return t.slug; }).join(" "));
        body.appendChild(helps);
      }
      item.appendChild(body);
      item.appendChild(requestControls(mentor));
      return item;
    }
  }

  // --- wiring ----------------------------------------------------------------------------------

  function init() {
    var find = document.querySelector("[data-match-find]");
    if (find && !find.hasAttribute("data-match-ready")) { find.setAttribute("data-match-ready", ""); initFind(find); }
    var builder = document.querySelector("[data-match-team]");
    if (builder && !builder.hasAttribute("data-match-ready")) { builder.setAttribute("data-match-ready", ""); initTeam(builder); }
  }

  window.MentorMatch = { score: score, admissible: admissible, ranked: ranked, team: team, load: load };

  (window.mentorGalleryOnPage = window.mentorGalleryOnPage || []).push(init); // on every page: on-page.js
})();
