// Progressive enhancement for the events listings and the home page: an event that has
// ended by the reader's clock is no longer "upcoming", so hide it (and a month left empty;
// when none is left, show the "no upcoming events" note). Each card carries its end as an
// ISO 8601 instant in data-event-end. Without JavaScript the nightly build does the same.
(() => {
  "use strict";

  function refresh() {
    const now = Date.now();
    for (const list of document.querySelectorAll("[data-event-list]")) {
      for (const card of list.querySelectorAll("[data-event-end]")) {
        const ended = Date.parse(card.dataset.eventEnd) <= now;
        card.hidden = ended;
        card.classList.toggle("is-ended", ended);
      }
      for (const month of list.querySelectorAll("[data-event-month]")) {
        month.hidden = !month.querySelector("[data-event-end]:not([hidden])");
      }
      const none = list.querySelector("[data-events-none]");
      if (none) {
        none.hidden = Boolean(list.querySelector("[data-event-end]:not([hidden])"));
      }
    }
  }

  refresh();
  setInterval(refresh, 60 * 1000); // a page left open stays true
})();
