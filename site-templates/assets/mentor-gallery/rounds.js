/* Application windows decided in the reader's browser from today's date.
   The build drew each Apply control ([data-apply]) as of its own day; this script decides again
   from the date it is now where the program is (data-timezone), so a window opens and closes on
   time between two builds. Open: the control is a link to the application (data-href). Before or
   after: it has no href and says aria-disabled="true", and its status line ([data-apply-status])
   reads data-before or data-after. Home page rounds ([data-apply-window]) hide once closed.
   Dates compare as ISO text (YYYY-MM-DD), inclusive at both ends, as the build compares them. */
(function () {
  "use strict";

  // Today's date where the program is, as YYYY-MM-DD; the reader's own date if the zone is unknown.
  function today(zone) {
    var now = new Date();
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-US", {timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"})
        .formatToParts(now).forEach(function (part) { parts[part.type] = part.value; });
      return parts.year + "-" + parts.month + "-" + parts.day;
    } catch (error) {
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    }
  }

  function state(element) {
    var day = today(element.getAttribute("data-timezone") || "UTC");
    if (day < element.getAttribute("data-opens")) return "before";
    if (day > element.getAttribute("data-closes")) return "after";
    return "during";
  }

  function decide(control) {
    var now = state(control);
    if (now === "during") {
      control.setAttribute("href", control.getAttribute("data-href"));
      control.removeAttribute("aria-disabled");
      control.removeAttribute("role");
      control.removeAttribute("tabindex");
      control.classList.add("md-button--primary");
    } else {
      control.removeAttribute("href");
      control.setAttribute("role", "link");
      control.setAttribute("tabindex", "0");
      control.setAttribute("aria-disabled", "true");
      control.classList.remove("md-button--primary");
    }
    var status = document.getElementById(control.getAttribute("aria-describedby"));
    if (status) {
      status.textContent = control.getAttribute("data-" + now);
      status.setAttribute("data-state", now);
    }
  }

  function setUp(root) {
    root.querySelectorAll("[data-apply]").forEach(decide);
    root.querySelectorAll("[data-apply-window]").forEach(function (item) {
      item.hidden = state(item) !== "during";
    });
  }

  (window.mentorGalleryOnPage = window.mentorGalleryOnPage || []).push(function () { setUp(document); }); // on every page: on-page.js
})();
