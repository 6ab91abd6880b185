"""events: event listings, pages, calendars and a feed from ``content/events/*.yml``.

``generate_context`` reads and validates every events file once and publishes
``events`` (every :class:`~events.event.Event`), ``event_listing`` (upcoming
and past occurrences, types) and ``upcoming_events`` into the shared context,
so the home page can show the next few. ``generate_output`` writes:

- ``events/``: upcoming events by month, with a filter by type (one page per
  type, ``events/<type>/``, so it works without JavaScript), and one page per
  working group with events (``events/group/<charter slug>/``);
- ``events/past/``: the archive;
- ``events/<slug>/``: one page per event, every date of a repeating event on it;
  for an upcoming event also its share image (``share.png``) and, unless it is
  cancelled or postponed, a printable flyer with a QR code (``flyer/``);
- ``events/calendar.ics``, ``events/<type>.ics``, ``events/<slug>.ics``;
- ``events/upcoming.json``: a JSON Feed of upcoming events.

On a site in several languages every one of them is written again under each other
language's folder (``es/events/…``), for every event, translated or not
(``events.languages``), in that language's words and dates (the Writer renders a
page in the language of its path; calendars, feed and share images are made inside
``use_language``). Every page is registered in the build's ``Alternates`` when the
context is made, and every event is one unit of the gap report per other language.

With Pelican's content cache on, unchanged files are not read again and
unchanged output is linked from the published site instead of being
rendered (``events.cache``). Event templates are given the context of
``fingerprint.site_view`` (settings and plain values, not other content),
with or without the cache, so what they show is always in the cache's keys.
"""

from __future__ import annotations

from collections import ChainMap
from dataclasses import dataclass
from functools import partial
import logging
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import Generator

from site_core.i18n import Alternates, gettext as _, site_languages, use_language
from site_core.plugin import build_of, content_read, output_committed
from site_core.published import match, read_record
from site_core.share_images import ShareImages
from site_core.translations import TranslationRecord

from .cache import OutputCache, ReadCache, event_digest, upcoming_mask
from .event import Event
from .feed import upcoming_feed
from .fingerprint import catalog_fingerprint, code_fingerprint, combine, site_view
from .flyer import FLYER_DATES, FLYER_TABS, QrCodes, flyer_save_as
from .groups import check_working_groups
from .ics import Calendars
from .jsonld import event_objects
from .languages import in_language, translation_units
from .listing import Listing, by_month
from .loader import load_events
from .rules import BuildFacts, postponed_with_a_new_date
from .share import SHARE_FILE, share_card

EVENTS_PATH = "events"  # the folder of events files, inside content/
EVENTS_HOME_COUNT = 3  # how many upcoming events the home page shows
#: What this plugin puts into the context: the page keys cover it (site_view).
OWN_CONTEXT = frozenset(
    {"events", "event_listing", "event_listings", "upcoming_events", "upcoming_events_in"}
)

logger = logging.getLogger(__name__)


class EventsGenerator(Generator):
    """Read the events files, then write the event pages, calendars and feed."""

    def generate_context(self) -> None:
        """Load and validate every events file; publish the events into the context."""
        settings = self.settings
        chapter = settings.get("CHAPTER")
        base = settings.get("CANONICAL_BASE", "")
        self.languages = languages = site_languages(settings)
        self.facts = BuildFacts(
            chapter_zone=chapter.timezone if chapter else settings.get("TIMEZONE") or "UTC",
            now=settings["BUILD_DATETIME"],
            host=urlsplit(base).hostname or "localhost",
            languages=languages,
        )
        folder = Path(self.path) / settings.get("EVENTS_PATH", EVENTS_PATH)
        report = settings["SITE_PROBLEMS"]
        cache = ReadCache(
            settings, self.facts.chapter_zone, self.facts.host, str(report.root), *languages.all
        )
        events = (
            load_events(
                folder,
                report,
                self.facts,
                cache if cache.enabled else None,
                tuple(settings["IGNORE_FILES"]),
            )
            if folder.is_dir()
            else []
        )
        self.digests = cache.digests  # of the events the cache read or kept
        if cache.enabled:
            cache.save()
        events = self.keep_recorded_uids(events, report)
        #: The listing of each language, its events as that language shows them.
        self.listings = {
            lang: Listing(
                [in_language(e, lang, languages) for e in events],
                self.facts.now,
                languages.prefix(lang),
            )
            for lang in languages.all
        }
        self.listing = self.listings[languages.default]
        count = settings.get("EVENTS_HOME_COUNT", EVENTS_HOME_COUNT)
        self.context["events"] = events
        self.context["event_listing"] = self.listing
        self.context["event_listings"] = self.listings
        self.context["upcoming_events"] = self.listing.upcoming[:count]
        self.context["upcoming_events_in"] = {
            lang: listing.upcoming[:count] for lang, listing in self.listings.items()
        }
        build = build_of(settings)
        self.register_pages(build.state(Alternates))
        build.state(TranslationRecord).units.extend(translation_units(events, languages))

    def printable(self, event: Event) -> bool:
        """Whether an event has a flyer: it has an upcoming date and still happens."""
        return event.is_active and bool(self.listing.split(event)[0])

    def register_pages(self, alternates: Alternates) -> None:
        """Say that every events page is written in every language (the switcher, hreflang)."""
        listing = self.listing
        pages = [listing.url, f"{listing.url}past/", *(t.url for t in listing.types)]
        pages += listing.group_urls.values()
        for event in listing.events:
            pages.append(event.url)
            if self.printable(event):
                pages.append(flyer_save_as(event.save_as).removesuffix("index.html"))
        for url in pages:
            alternates.add_everywhere(self.languages, url)

    def keep_recorded_uids(self, events: list[Event], report) -> list[Event]:
        """The events, each with the calendar UID recorded at its first publication (content/
        addresses.yml), even if its date or address changed since: calendars move it.

        A recorded event whose start changed while its status says 'postponed' gets a
        warning: a new date is 'rescheduled'.
        """
        record = [
            (e, line) for e, line in read_record(Path(self.path), report) if e.kind == "event"
        ]
        if not record:
            return events
        matching = match(record, (event.published for event in events))
        kept = []
        for event in events:
            kept.append(event)
            published = event.published
            entry = matching.recorded.get(published.address)
            if entry is None:
                continue
            if entry.uid and entry.uid != published.uid:
                kept[-1] = event.with_first_uid(entry.uid)
                self.digests.pop(event.slug, None)  # worked out with the UID it had
            if event.status == "postponed" and entry.start and entry.start != published.start:
                postponed_with_a_new_date(event, entry.start, published.start, report)
        return kept

    def top_level_paths(self) -> dict[str, str]:
        """The folder of the site the events are in (site_core's address check)."""
        return {"events": "the events pages"}

    def _write_page(self, writer, save_as: str, template: str, **values) -> None:
        writer.write_file(
            save_as,
            self.get_template(template),
            self.page_context,
            url=save_as.removesuffix("index.html"),
            **values,
        )

    def generate_output(self, writer) -> None:
        """Write the listings, one page per event, the calendars and the JSON feed."""
        output = Path(self.output_path)
        base = self.settings.get("CANONICAL_BASE", "")
        view = site_view(self.settings, self.context, OWN_CONTEXT)
        self.page_context = view.context
        self.outputs = OutputCache(self.settings, output, view.key is not None)
        build_of(self.settings).state(PendingRecord).outputs = self.outputs
        if view.refused and (
            self.settings.get("CACHE_CONTENT") or self.settings.get("LOAD_CONTENT_CACHE")
        ):
            logger.info("events: nothing reused in this build: %s", view.refused)
        self.keys = Keys(self.outputs.enabled, view.key, self.settings, self.facts.now, base)
        self.keys.digests.update(self.digests)
        build = build_of(self.settings)
        for listing in self.listings.values():
            (output / listing.url).mkdir(parents=True, exist_ok=True)
            language = build.language_view(listing.url)
            with use_language(language.lang, language.translations):
                # First: the listings' keys are made of the pages'.
                self.write_event_pages(writer, base, listing, language.context)
                self.write_listings(writer, listing)
        self.write_calendars(base)
        self.write_feed(base)

    def _reuse_page(self, save_as: str, key: str | None, carry: bool = False, **values) -> bool:
        """Reuse an unchanged page of the published site and tell the sitemaps about it.

        ``carry``: the page is alone in its folder (an event's), carried over whole.
        """
        outputs = self.outputs
        path = outputs.carry(save_as, key) if carry else outputs.reuse(save_as, key)
        if path is None:
            return False
        local = {"output_file": save_as, "url": save_as.removesuffix("index.html"), **values}
        language = build_of(self.settings).language_view(save_as).context  # as the Writer's
        signals.content_written.send(path, context=ChainMap(local, language, self.page_context))
        return True

    def _page(self, writer, save_as: str, template: str, key: str | None, **values) -> None:
        """Write one page through the Writer, unless it can be reused."""
        if not self._reuse_page(save_as, key):
            self._write_page(writer, save_as, template, **values)
            self.outputs.wrote(save_as, key)

    def write_listings(self, writer, listing: Listing) -> None:
        """Write /events/, one page per type and per working group, and /events/past/, of
        one language."""
        keys = self.keys

        def key(save_as: str, *shown: str) -> str | None:
            return keys.listing(listing.prefix, save_as, *shown)

        save_as = f"{listing.url}index.html"
        self._page(
            writer,
            save_as,
            "events/index",
            key(save_as),
            months=by_month(listing.upcoming),
            event_type=None,
            listing=listing,
        )
        for event_type in listing.types:
            save_as = f"{event_type.url}index.html"
            self._page(
                writer,
                save_as,
                "events/index",
                key(save_as),
                months=by_month(listing.upcoming_of(event_type.slug)),
                event_type=event_type,
                listing=listing,
            )
        charters = {c.slug: c for c in self.context.get("charters", [])}
        alternates = build_of(self.settings).state(Alternates)
        lang = self.languages.of_path(listing.url)
        for slug, url in listing.group_urls.items():
            charter = charters[slug]  # checked on content_read
            # The charter's page in this language if it is translated, else the original.
            charter_url = alternates.of(charter.url).get(lang, charter.url)
            charter_lang = self.languages.of_path(charter_url)
            save_as = f"{url}index.html"
            self._page(
                writer,
                save_as,
                "events/index",
                key(save_as, charter.working_group, charter_url),
                months=by_month(listing.upcoming_in_group(slug)),
                event_type=None,
                group=charter,
                group_url=charter_url,
                group_lang=charter_lang,
                listing=listing,
            )
        save_as = f"{listing.url}past/index.html"
        self._page(
            writer,
            save_as,
            "events/past",
            key(save_as),
            months=by_month(listing.past),
            listing=listing,
        )

    def write_event_pages(self, writer, base: str, listing: Listing, language: dict) -> None:
        """Write one page per event of one language's listing, with its schema.org data; and
        for upcoming events, the share image and the flyer (in the event's folder, so they
        share its key). ``language``: the context values of the language (its DATE_STYLE...).
        """
        settings = self.settings
        chapter = language.get("CHAPTER") or settings.get("CHAPTER")
        site_image = (
            f"{base}/{settings.get('THEME_STATIC_DIR', 'theme')}/{settings.get('SHARE_IMAGE', '')}"
        )
        images, codes = ShareImages(settings), QrCodes(settings)
        tabs = settings.get("EVENTS_FLYER_TABS", FLYER_TABS)
        footer = language.get("SITENAME", settings.get("SITENAME", ""))
        style = language.get("DATE_STYLE", settings["DATE_STYLE"])
        multilingual = self.languages.multilingual
        for event in listing.events:
            key = self.keys.page(event)
            if self._reuse_page(event.save_as, key, carry=True, event=event):
                continue
            page_url = f"{base}/{event.url}"
            upcoming, past = listing.split(event)
            card = share_card(event, upcoming[0], footer, style) if upcoming else None
            if card:
                images.write(card, self.outputs.building / event.url / SHARE_FILE)
            image = f"{page_url}{SHARE_FILE}" if card else site_image
            jsonld = event_objects(
                event,
                page_url=page_url,
                chapter=chapter,
                image=image,
                language=event.text_lang if multilingual else None,
            )
            printable = bool(upcoming) and event.is_active
            flyer_page = flyer_save_as(event.save_as)
            self._write_page(
                writer,
                event.save_as,
                "events/event",
                event=event,
                upcoming=upcoming,
                past=past,
                jsonld=jsonld,
                page_share_image=card and {"url": image, "alt": card.alt},
                flyer_url=flyer_page.removesuffix("index.html") if printable else None,
            )
            if printable:
                self._write_page(
                    writer,
                    flyer_page,
                    "events/flyer",
                    event=event,
                    dates=upcoming[:FLYER_DATES],
                    more_dates=len(upcoming) > FLYER_DATES,
                    flyer=codes.flyer(page_url, tabs),
                    noindex=True,
                )
            self.outputs.wrote(event.save_as, key)

    def _bytes(self, relative: str, key: str | None, content) -> None:
        """Write a file of bytes (``content()``) unless it can be reused."""
        if self.outputs.reuse(relative, key):
            return
        (self.outputs.building / relative).write_bytes(content())
        self.outputs.wrote(relative, key)

    def write_calendars(self, base: str) -> None:
        """Write calendar.ics, one calendar per type and one per event, in every language."""
        outputs, keys = self.outputs, self.keys
        calendars = Calendars(
            self.listing.events,
            now=self.facts.now,
            base_url=base,
            chapter_zone=self.facts.chapter_zone,
        )
        shared = calendars.fingerprint()
        build = build_of(self.settings)
        for lang, listing in self.listings.items():
            language = build.language_view(listing.url)
            with use_language(language.lang, language.translations):
                calendars.add(
                    listing.events,
                    cached=lambda e: outputs.vevent(e.ref, keys.vevent(e)),
                    language=None if lang == self.languages.default else lang,
                )
                for event in listing.events:
                    data = calendars.serialised[event.ref]
                    outputs.keep_vevent(event.ref, keys.vevent(event), data)
                sitename = language.context.get("SITENAME", self.settings.get("SITENAME", ""))
                self.write_calendars_of(listing, calendars, shared, sitename)

    def write_calendars_of(
        self, listing: Listing, calendars: Calendars, shared: bytes, sitename: str
    ) -> None:
        """Write the calendars of one language (in the language being written)."""
        key = self.keys.calendar
        name = _("{site}: events").format(site=sitename)
        self._bytes(
            f"{listing.url}calendar.ics",
            key(shared, name, listing.events),
            lambda: calendars.calendar(name, listing.events),
        )
        for event_type in listing.types:
            name = f"{sitename}: {event_type.plural.lower()}"
            events = listing.events_of(event_type.slug)
            self._bytes(
                event_type.ics_url,
                key(shared, name, events),
                lambda name=name, events=events: calendars.calendar(name, events),
            )
        for event in listing.events:
            self._bytes(
                event.ics_url,
                key(shared, event.title, [event]),
                lambda event=event: calendars.calendar(event.title, [event]),
            )

    def write_feed(self, base: str) -> None:
        """Write /events/upcoming.json in every language."""
        build = build_of(self.settings)
        for lang, listing in self.listings.items():
            language = build.language_view(listing.url)
            with use_language(language.lang, language.translations):
                sitename = language.context.get("SITENAME", self.settings.get("SITENAME", ""))
                style = language.context.get("DATE_STYLE", self.settings["DATE_STYLE"])
                feed = partial(
                    upcoming_feed,
                    listing.upcoming,
                    title=_("{site}: upcoming events").format(site=sitename),
                    base_url=base,
                    language=lang,
                    style=style,
                    prefix=listing.prefix,
                )
                save_as = f"{listing.url}upcoming.json"
                self._bytes(save_as, self.keys.listing(listing.prefix, save_as), feed)


class Keys:
    """The cache keys of one build's events output; all None when the cache is off."""

    def __init__(self, enabled: bool, site: str | None, settings: dict, now, base: str):
        self.enabled = enabled
        self.now = now
        self.site = site or ""
        self.code = f"{code_fingerprint(tuple(settings.get('PLUGINS', ())))}|{base}"
        languages = site_languages(settings)
        #: The interface catalog of each language, by its folder ("" or "es/").
        self.catalogs = {
            languages.prefix(lang): catalog_fingerprint(settings["THEME"], lang)
            for lang in languages.all
        }
        #: Of each event in each language, by its ref (slug, es/slug).
        self.digests: dict[str, str] = {}
        self.vevents: dict[str, str] = {}
        #: The keys of the event pages of each language, by its folder.
        self.pages: dict[str, list[str]] = {}

    def _digest(self, event: Event) -> str:
        digest = self.digests.get(event.ref)
        if digest is None:
            digest = self.digests[event.ref] = event_digest(event)
        return digest

    def page(self, event: Event) -> str | None:
        """An event's page: its data (in its language), which dates are upcoming, the site."""
        if not self.enabled:
            return None
        key = combine("page", self.site, self._digest(event), upcoming_mask(event, self.now))
        self.pages.setdefault(event.prefix, []).append(key)
        return key

    def listing(self, prefix: str, save_as: str, *shown: str) -> str | None:
        """A listing page or the feed of one language (``prefix``): the key of each event
        page of that language (the pages come first), and what else it shows (a working
        group's name and charter)."""
        if not self.enabled:
            return None
        return combine("listing", save_as, self.site, *shown, *self.pages.get(prefix, ()))

    def vevent(self, event: Event) -> str | None:
        """An event's VEVENTs (placeholder DTSTAMP): its data in its language, that
        language's catalog, the code, the site's address."""
        if not self.enabled:
            return None
        key = self.vevents.get(event.ref)
        if key is None:
            catalog = self.catalogs.get(event.prefix, "")
            key = combine("vevent", self.code, catalog, self._digest(event))
            self.vevents[event.ref] = key
        return key

    def calendar(self, shared: bytes, name: str, events: list[Event]) -> str | None:
        """A calendar file: its name, its events' VEVENTs, what all calendars share."""
        if not self.enabled:
            return None
        return combine("ics", self.code, shared, name, *(self.vevent(e) or "" for e in events))


@dataclass
class PendingRecord:
    """The output record of the build in progress, saved once its output is swapped in."""

    outputs: OutputCache | None = None


def get_generators(pelican) -> type[Generator]:
    """Add the events generator to Pelican's."""
    return EventsGenerator


def check_groups(generators, report, **_) -> None:
    """Check every event's working group against the charters (site_core's content_read)."""
    context = generators[0].context
    check_working_groups(context.get("events", []), context.get("charters", []), report)


def save_output_record(final: Path, settings: dict, **_) -> None:
    """Save the record of the events output just published (site_core's output_committed)."""
    outputs = build_of(settings).state(PendingRecord).outputs
    if outputs is not None:
        outputs.save(final)


def register() -> None:
    """Connect the events plugin to Pelican's signals."""
    signals.get_generators.connect(get_generators)
    content_read.connect(check_groups)
    output_committed.connect(save_output_record)
