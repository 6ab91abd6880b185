// Progressive enhancement for /search/ (and /es/search/): mount Pagefind's UI (served from
// /pagefind/) and give its input a visible label. Pagefind's UI takes its own words and the
// index it searches from <html lang>; the label's words come from the page (data-label), in
// its language. Without JavaScript the page offers the guide's contents and the site map.
window.addEventListener("DOMContentLoaded", () => {
  if (typeof PagefindUI === "undefined") return;
  const box = document.querySelector("#search");
  new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
  const input = box.querySelector(".pagefind-ui__search-input");
  if (input) {
    input.id = "search-input";
    const label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-label";
    label.textContent = box.dataset.label;
    box.before(label);
  }
  document.querySelector(".no-js-only")?.remove();
});
