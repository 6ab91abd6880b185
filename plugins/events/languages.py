"""An event in each of the site's languages: its translated words, its copy per language,
and what the gap report says of it.

Editors write an event's words in another language under ``translations:``
(:class:`~events.entry.EventTranslation`); :func:`~events.rules.build_event` keeps them on
the event as :class:`EventWords`. For each other language the generator shows every event
(a Spanish reader sees them all) through :func:`in_language`: a copy whose pages are under
that language's folder (``es/events/<slug>/``), with the translated title and description
where there are some, else the original's, whose language the copy records so templates
mark it (``lang_attr``). Dates, place, links and calendar UIDs are the original's: it is
the same event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from markupsafe import Markup

from site_core.i18n import SiteLanguages
from site_core.translations import TranslationUnit

from .event import Event


@dataclass(frozen=True, slots=True)
class EventWords:
    """An event's title and description in one other language, as a translation gives them."""

    lang: str
    title: str
    description_html: Markup
    description_text: str
    source_hash: str | None  # the source_digest of the original it was made from
    status: str | None  # draft | reviewed | None
    line: int | None  # the line of its language under ``translations:``


def words_in(event: Event, lang: str) -> EventWords | None:
    """The event's translation into ``lang``, if it has one."""
    return next((words for words in event.translations if words.lang == lang), None)


def in_language(event: Event, lang: str, languages: SiteLanguages) -> Event:
    """``event`` as the pages in ``lang`` show it (the event itself in the default language).

    A translation without a description keeps the original's, marked with its language.
    """
    if lang == languages.default:
        return event
    shown = replace(event, prefix=languages.prefix(lang), translations=())
    words = words_in(event, lang)
    if words is None:
        return shown
    if not words.description_html and event.description_html:
        return replace(shown, title=words.title, text_lang=lang)
    return replace(
        shown,
        title=words.title,
        text_lang=lang,
        description_lang=lang,
        description_html=words.description_html,
        description_text=words.description_text,
    )


def translation_units(events: Iterable[Event], languages: SiteLanguages) -> list[TranslationUnit]:
    """One unit of the gap report per event per other language, translated or not."""
    units = []
    for event in events:
        for lang in languages.others:
            words = words_in(event, lang)
            units.append(
                TranslationUnit(
                    kind="event",
                    title=event.title,
                    source=f"{event.source}:{event.line}",
                    lang=lang,
                    current_hash=event.words_digest,
                    translation=f"{event.source}:{words.line}" if words else None,
                    recorded_hash=words.source_hash if words else None,
                    status=words.status if words else None,
                )
            )
    return units
