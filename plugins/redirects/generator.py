"""redirects: every address the site has published keeps answering.

The record of published addresses (``content/addresses.yml``, ``site_core.published``)
is compared with what this build publishes: pages, news, events, guide chapters,
charters, questionnaires and candidates. An old address whose content moved gets a
redirect page (``redirect.html``: meta refresh, canonical, a plain link, ``noindex``),
written straight to the output folder, so it is in no sitemap, search index or feed.
A moved event's calendar file is copied to its old address too. A recorded address
nothing replaces is an error at its line of the record.
``RECORD_ADDRESSES`` (set by ``invoke publish``) writes the updated record after a
published build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
import shutil

from pelican import signals
from pelican.generators import Generator

from site_core.plugin import build_of, output_committed, output_ready
from site_core.published import (
    MISSING_HINT,
    RECORD_FILE,
    Published,
    RecordEntry,
    match,
    read_record,
    redirects_of,
    site_address,
    write_record,
)


@dataclass
class Pending:
    """What the build under way leaves for its last steps (kept on the build)."""

    #: The content folder and the updated record, written on ``output_committed``.
    record: tuple[Path, list[RecordEntry]] | None = None
    #: {old calendar file: the event's calendar file}, copied on ``output_ready``.
    calendars: dict[str, str] = field(default_factory=dict)


def published_now(context: dict, report) -> list[Published]:
    """Every page address of this build that a reader may have shared, and what it is."""
    items = [event.published for event in context.get("events", ())]
    for kind, key in (("page", "pages"), ("news", "articles")):
        items += [
            Published(site_address(c.url), kind, c.title, report.relative(c.source_path))
            for c in context.get(key, ())
            if c.save_as
        ]
    guide = context.get("guide")
    if guide is not None:
        items += [Published(site_address(c.url), "guide", c.title, c.source) for c in guide.written]
    items += [
        Published(site_address(c.url), "charter", c.working_group)
        for c in context.get("charters", ())
    ]
    for questionnaire in context.get("questionnaires", ()):
        items.append(
            Published(site_address(questionnaire.url), "questionnaire", questionnaire.title)
        )
        items += [
            Published(site_address(c.url), "candidate", f"{questionnaire.slug}: {c.name}")
            for c in questionnaire.candidates
        ]
    return items


def landing_pages(context: dict) -> set[str]:
    """Listings a ``redirect:`` may lead to besides the pages above."""
    pages = {"/", "/events/", "/news/"}
    guide = context.get("guide")
    if guide is not None:
        pages.add(site_address(guide.url))
    for key in ("CHARTERS_URL", "questionnaire_index_url", "SEARCH_URL", "SITE_MAP_URL"):
        if context.get(key):
            pages.add(site_address(context[key]))
    return pages


class RedirectsGenerator(Generator):
    """Compare the record with this build; write a redirect page at each moved address."""

    def generate_context(self):
        """Match the record with what the other generators publish; report lost addresses."""
        report = self.settings["SITE_PROBLEMS"]
        content = Path(self.path)
        record = read_record(content, report)
        current = published_now(self.context, report)
        self.matching = match(record, current, landing_pages(self.context))
        self.redirects = redirects_of(self.matching) if record else {}
        for entry, line in self.matching.lost:
            what = f" ({entry.kind} '{entry.title}')" if entry.kind and entry.title else ""
            report.error(
                content / RECORD_FILE,
                line,
                None,
                f"{entry.address}{what} was published and is not any more; "
                + (
                    f"its 'redirect: {entry.redirect}' leads to no page"
                    if entry.redirect
                    else "links to it would break"
                ),
                MISSING_HINT,
            )
        events = {e.published.address: e.ics_url for e in self.context.get("events", ())}
        pending = build_of(self.settings).state(Pending)
        pending.record = (content, self.matching.record)
        pending.calendars = {
            f"{old.strip('/')}.ics": events[target]
            for old, target in self.redirects.items()
            if target in events
        }

    def top_level_paths(self) -> dict[str, str]:
        """No folder of its own: redirects stand at addresses other content left."""
        return {}

    def generate_output(self, writer):
        """Write each redirect page (not through the Writer: no sitemap, no feed)."""
        template = self.get_template("redirect")
        output = Path(self.output_path)
        for old, target in sorted(self.redirects.items()):
            path = output / old.strip("/") / "index.html"
            if path.exists():  # a page of this build took the address back
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(template.render(self.context, target=target), encoding="utf-8")


def copy_calendars(folder, settings: dict) -> None:
    """``output_ready``: a moved event's calendar file answers at its old address too (a copy,
    with the same UID), so a calendar subscribed to it keeps following the event."""
    for old, new in sorted(build_of(settings).state(Pending).calendars.items()):
        source, target = Path(folder) / new, Path(folder) / old
        if source.is_file() and not target.exists():
            shutil.copyfile(source, target)


def record_addresses(folder, settings: dict) -> None:
    """``output_committed``: with ``RECORD_ADDRESSES``, write the updated record for committing."""
    pending = build_of(settings).state(Pending).record
    if settings.get("RECORD_ADDRESSES") and pending is not None:
        content, entries = pending
        if write_record(content, entries):
            print(f"updated {content.name}/{RECORD_FILE}: commit it with your change")


def get_generators(pelican):
    """Add the redirects generator (after the generators whose pages it compares)."""
    return RedirectsGenerator


def register():
    """Connect the redirects to Pelican and site_core."""
    signals.get_generators.connect(get_generators)
    output_ready.connect(copy_calendars)
    output_committed.connect(record_addresses)
