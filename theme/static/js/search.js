// Progressive enhancement for /search/ (and /es/search/): mount Pagefind's UI (served from
// /pagefind/) in the box the page keeps for it, named by the page's visible label. Pagefind's
// UI takes its own words and the index it searches from <html lang>; the label is the page's,
// in its language. Without JavaScript the page offers the guide's contents and the site map.
window.addEventListener("DOMContentLoaded", () => {
  if (typeof PagefindUI === "undefined") return;
  new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
  document.querySelector("#search .pagefind-ui__search-input")
    ?.setAttribute("aria-labelledby", "search-label");
});
