/* The gallery's filter panel, for people: long lists fold to their first options with a
 * "Show all" button, and the filters in force show above the results as chips that remove them.
 * It only reads and ticks the form; gallery.js does the filtering (and tells us, by the
 * "mg:filtered" event, when it has applied a state). */
(function () {
  "use strict";

  function foldLongLists(root) {
    root.querySelectorAll(".mg-facet--long").forEach((fieldset) => {
      const button = fieldset.querySelector("[data-facet-more]");
      if (!button || button.dataset.ready) return;
      button.dataset.ready = "1";
      button.hidden = false;
      const label = button.textContent;
      const show = (open) => {
        button.setAttribute("aria-expanded", String(open));
        button.textContent = open ? "Show fewer" : label;
        fieldset.classList.toggle("mg-facet--open", open);
      };
      button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
      show(false);
    });
  }

  function labelOf(box) {
    const text = box.closest("label").querySelector(".mg-facet__label");
    return text ? text.textContent : box.value;
  }

  function chip(text, remove) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "mg-chip mg-chip--active";
    button.setAttribute("aria-label", `Remove filter: ${text}`);
    button.textContent = text;
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = " ×";
    button.append(cross);
    button.addEventListener("click", remove);
    item.append(button);
    return item;
  }

  function showActive(root) {
    const list = root.querySelector("[data-active-filters]");
    const form = root.querySelector("[data-filters]");
    if (!list || !form) return;
    const items = [];
    const search = form.querySelector("[data-filter-search]");
    if (search && search.value.trim()) {
      items.push(chip(`“${search.value.trim()}”`, () => {
        search.value = "";
        search.dispatchEvent(new Event("input", { bubbles: true }));
      }));
    }
    form.querySelectorAll("[data-facet] input[type=checkbox]:checked").forEach((box) => {
      // A ticked option of a folded list stays in sight.
      box.closest("label").classList.add("mg-facet__option--chosen");
      items.push(chip(labelOf(box), () => {
        box.checked = false;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }));
    });
    form.querySelectorAll(".mg-facet__option--chosen input:not(:checked)").forEach((box) => {
      box.closest("label").classList.remove("mg-facet__option--chosen");
    });
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
  }

  function init() {
    document.querySelectorAll("[data-gallery]").forEach((root) => {
      foldLongLists(root);
      showActive(root);
    });
  }

  document.addEventListener("mg:filtered", (event) => showActive(event.target));
  (window.mentorGalleryOnPage = window.mentorGalleryOnPage || []).push(init); // on every page: on-page.js
})();
