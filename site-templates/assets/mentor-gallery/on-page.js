/* Runs each script's set-up on every page: once the page is there, and again on each page that
   Material's instant navigation shows (it swaps pages without reloading the scripts and announces
   each on document$).
   The scripts may be listed in mkdocs.yml in any order (a site that lists them adds a new one at
   the end): each hands its set-up to window.mentorGalleryOnPage.push(...), an array that holds
   them until this script runs and then becomes an object whose push starts a set-up at once:
       (window.mentorGalleryOnPage = window.mentorGalleryOnPage || []).push(init); */
(function () {
  "use strict";

  /** @param {() => void} setUp */
  function onEachPage(setUp) {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
    else setUp();
  }

  // Still the array here: this script replaces it only below.
  var queued = /** @type {Array<() => void>} */ (window.mentorGalleryOnPage || []);
  window.mentorGalleryOnPage = { push: onEachPage };
  queued.forEach(onEachPage);
})();
