/* Forms, agreements and request controls: small behaviours the browser lacks.
   - A required multichoice (a group of checkboxes) needs at least one box ticked: HTML cannot
     say so, so the first box carries a custom validity message while none is ticked.
   - A ranked field (fieldset[data-ranked]: one drop-down per place) refuses an option chosen in
     two places, and the places left empty are not sent, so the handler receives only the chosen
     labels, in order. Without this script the browser sends empty places as empty values and
     cannot refuse a repetition; `match` ignores both (an area counts once, at its first place).
   - [data-print] buttons print the page (a blank form, an agreement).
   - A disabled request control (or Apply button) never navigates, even if a script or extension adds an href.
   - A form's text, email and choice fields take a value from the page's query string by their
     name (?name=...&email=...), so a survey link can arrive with the person's details filled in;
     a field already filled is left alone.
   Works with Material's instant navigation: listeners are delegated on the document once,
   and each newly shown page is set up through document$. */
(function () {
  "use strict";

  var MESSAGE = "Choose at least one option.";
  // The place's name as its label says it: 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st.
  function ordinal(n) {
    if (n % 100 >= 11 && n % 100 <= 13) return n + "th";
    return n + ({1: "st", 2: "nd", 3: "rd"}[n % 10] || "th");
  }

  function checkGroup(group) {
    var boxes = group.querySelectorAll('input[type="checkbox"]');
    if (!boxes.length) return;
    var ticked = Array.prototype.some.call(boxes, function (box) { return box.checked; });
    boxes[0].setCustomValidity(ticked ? "" : MESSAGE);
  }

  // A place repeating an earlier place's option is invalid, with a message naming that place.
  function checkRanked(fieldset) {
    var first = {};
    fieldset.querySelectorAll("select").forEach(function (select, index) {
      var value = select.value;
      if (value && Object.prototype.hasOwnProperty.call(first, value)) {
        select.setCustomValidity("You already chose " + value + " as your " + ordinal(first[value] + 1) +
          " choice; choose another option, or No choice.");
      } else {
        select.setCustomValidity("");
        if (value) first[value] = index;
      }
    });
  }

  // Drop the empty places of ranked fields from what the form sends; every other entry keeps
  // its value and its order.
  function onFormData(event) {
    var ranked = {};
    event.target.querySelectorAll("fieldset[data-ranked] select").forEach(function (select) { ranked[select.name] = true; });
    if (!Object.keys(ranked).length) return;
    var data = event.formData;
    var entries = [];
    data.forEach(function (value, name) { entries.push([name, value]); });
    entries.forEach(function (entry) { data.delete(entry[0]); });
    entries.forEach(function (entry) {
      if (!(ranked[entry[0]] && entry[1] === "")) data.append(entry[0], entry[1]);
    });
  }

  function prefill(root) {
    var params = new URLSearchParams(window.location.search);
    root.querySelectorAll("form[data-form]").forEach(function (form) {
      params.forEach(function (value, name) {
        var field = form.elements.namedItem(name);
        if (!field || field.value || !("value" in field)) return;
        var kind = field.tagName === "SELECT" ? "select" : field.type;
        if (kind === "select" && !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) return;
        if (["text", "email", "tel", "date", "number", "select"].indexOf(kind) >= 0) field.value = value;
      });
    });
  }

  function setUp(root) {
    prefill(root);
    root.querySelectorAll("fieldset[data-required-group]").forEach(checkGroup);
    root.querySelectorAll("fieldset[data-ranked]").forEach(checkRanked);
  }

  function onChange(event) {
    var group = event.target.closest && event.target.closest("fieldset[data-required-group]");
    if (group) checkGroup(group);
    var ranked = event.target.closest && event.target.closest("fieldset[data-ranked]");
    if (ranked) checkRanked(ranked);
  }

  function onClick(event) {
    var target = event.target.closest && event.target.closest("[data-print], [data-request][aria-disabled='true'], [data-program-request][aria-disabled='true'], [data-apply][aria-disabled='true']");
    if (!target) return;
    event.preventDefault();
    if (target.hasAttribute("data-print")) {
      window.print();
    } else {
      // Instant navigation would otherwise try to follow a link that has no href, and throw.
      event.stopPropagation();
    }
  }

  document.addEventListener("change", onChange);
  document.addEventListener("formdata", onFormData);
  // Capture phase: decided before any other click handler (instant navigation) sees the click.
  document.addEventListener("click", onClick, true);

  (window.mentorGalleryOnPage = window.mentorGalleryOnPage || []).push(function () { setUp(document); }); // on every page: on-page.js
})();
