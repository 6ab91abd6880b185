// Progressive enhancement for the events listings and the home page: an event that has
// ended by the reader's clock is no longer "upcoming", so hide it (and a month left empty;
// when none is left, show the "no upcoming events" note). Each card carries its end as an
// ISO 8601 instant in data-event-end. Without JavaScript the nightly build does the same.
// Loaded in <head> without defer: it watches the page being parsed and hides each ended
// card as it arrives, before the first paint, so the listing never jumps.
(() => {
  "use strict";

  function refresh() {
    const now = Date.now();
    const parsed = document.readyState !== "loading";
    for (const list of document.querySelectorAll("[data-event-list]")) {
      for (const card of list.querySelectorAll("[data-event-end]")) {
        const ended = Date.parse(card.dataset.eventEnd) <= now;
        card.hidden = ended;
        card.classList.toggle("is-ended", ended);
      }
      for (const month of list.querySelectorAll("[data-event-month]")) {
        // A month still being parsed may have cards to come: judge it once it is whole.
        if (parsed || month.nextElementSibling) {
          month.hidden = !month.querySelector("[data-event-end]:not([hidden])");
        }
      }
      const none = list.querySelector("[data-events-none]");
      if (none) {
        none.hidden = Boolean(list.querySelector("[data-event-end]:not([hidden])"));
      }
    }
  }

  // Mutation records are delivered before the browser renders what was parsed.
  const watcher = new MutationObserver(refresh);
  watcher.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    watcher.disconnect();
    refresh();
    setInterval(refresh, 60 * 1000); // a page left open stays true
  });
})();
