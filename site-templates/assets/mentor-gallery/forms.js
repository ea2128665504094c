/* Forms, agreements and request controls: small behaviours the browser lacks.
   - A required multichoice (a group of checkboxes) needs at least one box ticked: HTML cannot
     say so, so the first box carries a custom validity message while none is ticked.
   - [data-print] buttons print the page (a blank form, an agreement).
   - A disabled request control never navigates, even if a script or extension adds an href.
   Works with Material's instant navigation: listeners are delegated on the document once,
   and each newly shown page is set up through document$. */
(function () {
  "use strict";

  var MESSAGE = "Choose at least one option.";

  function checkGroup(group) {
    var boxes = group.querySelectorAll('input[type="checkbox"]');
    if (!boxes.length) return;
    var ticked = Array.prototype.some.call(boxes, function (box) { return box.checked; });
    boxes[0].setCustomValidity(ticked ? "" : MESSAGE);
  }

  function setUp(root) {
    root.querySelectorAll("fieldset[data-required-group]").forEach(checkGroup);
  }

  function onChange(event) {
    var group = event.target.closest && event.target.closest("fieldset[data-required-group]");
    if (group) checkGroup(group);
  }

  function onClick(event) {
    var target = event.target.closest && event.target.closest("[data-print], [data-request][aria-disabled='true'], [data-program-request][aria-disabled='true']");
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
  // Capture phase: decided before any other click handler (instant navigation) sees the click.
  document.addEventListener("click", onClick, true);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setUp(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
