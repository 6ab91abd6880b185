"""The site's one way of writing dates and times: CLDR's formats (Babel) for the chapter's locale.

Events, candidates, news, charters and the guide all show a day as :meth:`DateStyle.date`
("Saturday, January 16, 2027" in en_US), a clock time as :meth:`DateStyle.time` ("6:30 PM")
and a month heading as :meth:`DateStyle.month` ("January 2027"). Templates use them as the
Jinja filters ``date_label``, ``time_label`` and ``month_label`` (:func:`date_filters`), which
write in the language of the page being rendered ("sábado, 16 de enero de 2027" on a
Spanish page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_date, format_skeleton, format_time

from .i18n import current_language


@dataclass(frozen=True)
class DateStyle:
    """Dates and times as readers of ``locale`` (language_TERRITORY, e.g. en_US) write them."""

    locale: str = "en_US"

    def date(self, value: date) -> str:
        """A day in full: Saturday, January 16, 2027 (a datetime's own day, in its zone)."""
        day = value.date() if isinstance(value, datetime) else value
        return format_date(day, "full", locale=self.locale)

    def time(self, value: datetime) -> str:
        """A clock time, in the value's own zone: 6:30 PM (18:30 where 24-hour time is usual)."""
        return format_time(value, "short", locale=self.locale)

    def month(self, value: date) -> str:
        """A month and its year, as a heading: January 2027."""
        return format_skeleton("yMMMM", value, locale=self.locale)


@dataclass(frozen=True)
class DateStyles:
    """The date style of each of the site's languages; the filters use the page's."""

    styles: tuple[tuple[str, DateStyle], ...]  # (language, style), the default first

    def of(self, lang: str | None = None) -> DateStyle:
        """The style of ``lang`` (default: the page being rendered's), else the default's."""
        found = dict(self.styles)
        return found.get(lang or current_language(self.styles[0][0]), self.styles[0][1])

    def date(self, value: date) -> str:
        """:meth:`DateStyle.date` in the page's language."""
        return self.of().date(value)

    def time(self, value: datetime) -> str:
        """:meth:`DateStyle.time` in the page's language."""
        return self.of().time(value)

    def month(self, value: date) -> str:
        """:meth:`DateStyle.month` in the page's language."""
        return self.of().month(value)

    def filters(self) -> dict:
        """The Jinja filters, for Pelican's ``JINJA_FILTERS``."""
        return {"date_label": self.date, "time_label": self.time, "month_label": self.month}
