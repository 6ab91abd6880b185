"""events: event listings, pages, calendars and a feed from ``content/events/*.yml``.

``generate_context`` reads and validates every events file once and publishes
``events`` (every :class:`~events.model.Event`), ``event_listing`` (upcoming
and past occurrences, types) and ``upcoming_events`` into the shared context,
so the home page can show the next few. ``generate_output`` writes:

- ``events/``: upcoming events by month, with a filter by type (one page per
  type, ``events/<type>/``, so it works without JavaScript);
- ``events/past/``: the archive;
- ``events/<slug>/``: one page per event, every date of a repeating event on it;
- ``events/calendar.ics``, ``events/<type>.ics``, ``events/<slug>/<slug>.ics``;
- ``events/upcoming.json``: a JSON Feed of upcoming events.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import Generator

from .feed import upcoming_feed
from .ics import Calendars
from .jsonld import event_objects, script_json
from .listing import Listing, by_month
from .loader import load_events
from .model import BuildFacts

EVENTS_PATH = "events"  # the folder of events files, inside content/
EVENTS_HOME_COUNT = 3  # how many upcoming events the home page shows


class EventsGenerator(Generator):
    """Read the events files, then write the event pages, calendars and feed."""

    def generate_context(self) -> None:
        """Load and validate every events file; publish the events into the context."""
        settings = self.settings
        chapter = settings.get("CHAPTER")
        base = settings.get("CANONICAL_BASE", "")
        self.facts = BuildFacts(
            chapter_zone=chapter.timezone if chapter else settings.get("TIMEZONE") or "UTC",
            now=settings["BUILD_DATETIME"],
            host=urlsplit(base).hostname or "localhost",
        )
        folder = Path(self.path) / settings.get("EVENTS_PATH", EVENTS_PATH)
        events = (
            load_events(folder, settings["SITE_PROBLEMS"], self.facts) if folder.is_dir() else []
        )
        self.listing = Listing(events, self.facts.now)
        self.context["events"] = events
        self.context["event_listing"] = self.listing
        self.context["upcoming_events"] = self.listing.upcoming[
            : settings.get("EVENTS_HOME_COUNT", EVENTS_HOME_COUNT)
        ]

    def _write_page(self, writer, save_as: str, template: str, **values) -> None:
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            url=save_as.removesuffix("index.html"),
            **values,
        )

    def generate_output(self, writer) -> None:
        """Write the listings, one page per event, the calendars and the JSON feed."""
        output = Path(self.output_path)
        base = self.settings.get("CANONICAL_BASE", "")
        self.write_listings(writer)
        self.write_event_pages(writer, base)
        self.write_calendars(output, base)
        self.write_feed(output, base)

    def write_listings(self, writer) -> None:
        """Write /events/, one page per type, and /events/past/."""
        listing = self.listing
        self._write_page(
            writer,
            "events/index.html",
            "events/index",
            months=by_month(listing.upcoming),
            event_type=None,
        )
        for event_type in listing.types:
            self._write_page(
                writer,
                f"{event_type.url}index.html",
                "events/index",
                months=by_month(listing.upcoming_of(event_type.slug)),
                event_type=event_type,
            )
        self._write_page(
            writer, "events/past/index.html", "events/past", months=by_month(listing.past)
        )

    def write_event_pages(self, writer, base: str) -> None:
        """Write one page per event, with its schema.org data."""
        listing = self.listing
        settings = self.settings
        chapter = settings.get("CHAPTER")
        image = (
            f"{base}/{settings.get('THEME_STATIC_DIR', 'theme')}/{settings.get('SHARE_IMAGE', '')}"
        )
        for event in listing.events:
            page_url = f"{base}/{event.url}"
            jsonld = event_objects(event, page_url=page_url, chapter=chapter, image=image)
            upcoming, past = listing.split(event)
            self._write_page(
                writer,
                event.save_as,
                "events/event",
                event=event,
                upcoming=upcoming,
                past=past,
                jsonld=script_json(jsonld),
            )

    def write_calendars(self, output: Path, base: str) -> None:
        """Write calendar.ics, one calendar per type and one per event."""
        listing = self.listing
        sitename = self.settings.get("SITENAME", "")
        calendars = Calendars(
            listing.events, now=self.facts.now, base_url=base, chapter_zone=self.facts.chapter_zone
        )
        folder = output / "events"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "calendar.ics").write_bytes(
            calendars.calendar(f"{sitename}: events", listing.events)
        )
        for event_type in listing.types:
            (output / event_type.ics_url).write_bytes(
                calendars.calendar(
                    f"{sitename}: {event_type.plural.lower()}", listing.events_of(event_type.slug)
                )
            )
        for event in listing.events:
            target = output / event.ics_url
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(calendars.calendar(event.title, [event]))

    def write_feed(self, output: Path, base: str) -> None:
        """Write /events/upcoming.json."""
        sitename = self.settings.get("SITENAME", "")
        folder = output / "events"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "upcoming.json").write_bytes(
            upcoming_feed(
                self.listing.upcoming,
                title=f"{sitename}: upcoming events",
                base_url=base,
                language=self.settings.get("DEFAULT_LANG", "en"),
            )
        )


def get_generators(pelican) -> type[Generator]:
    """Add the events generator to Pelican's."""
    return EventsGenerator


def register() -> None:
    """Connect the events plugin to Pelican's signals."""
    signals.get_generators.connect(get_generators)
