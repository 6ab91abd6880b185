// Progressive enhancement for /search/: mount Pagefind's UI (served from /pagefind/) and give
// its input a visible label. Without JavaScript the page offers the guide's contents and the
// site map instead.
window.addEventListener("DOMContentLoaded", () => {
  if (typeof PagefindUI === "undefined") return;
  new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
  const input = document.querySelector("#search .pagefind-ui__search-input");
  if (input) {
    input.id = "search-input";
    const label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "search-label";
    label.textContent = "Search the site for a word or phrase";
    document.querySelector("#search").before(label);
  }
  document.querySelector(".no-js-only")?.remove();
});
